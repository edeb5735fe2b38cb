import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/app-env';

/** Routes of the migration module. SCAFFOLD: filled by the module's owner. */
export function registerMigrationRoutes(app: OpenAPIHono<AppEnv>): void {
  void app;
}
