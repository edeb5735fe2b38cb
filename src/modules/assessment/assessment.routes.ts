import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/app-env';
import { registerEnvironmentRoutes } from './environment.routes';
import { registerProcessRoutes } from './process.routes';
import { registerReportVersionRoutes } from './report-version.routes';
import { registerRoleRoutes } from './role.routes';

export { PROBE_PAYLOAD_BYTES } from './environment.routes';

/**
 * Process maps, bottlenecks, user roles, environment check, probe and the current-state report.
 * Registration order is kept as it was in one file, so the OpenAPI document lists them the same way.
 */
export function registerAssessmentRoutes(app: OpenAPIHono<AppEnv>): void {
  registerProcessRoutes(app);
  registerRoleRoutes(app);
  registerEnvironmentRoutes(app);
  registerReportVersionRoutes(app);
}
