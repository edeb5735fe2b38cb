import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/app-env';

/** Routes of the blueprint permission matrix and SoD rules. SCAFFOLD: filled by the module's owner. */
export function registerPermissionMatrixRoutes(app: OpenAPIHono<AppEnv>): void {
  void app;
}
