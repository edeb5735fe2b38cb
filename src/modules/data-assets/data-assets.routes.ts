import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/app-env';

/** Routes of the data-assets module. SCAFFOLD: filled by the module's owner. */
export function registerDataAssetRoutes(app: OpenAPIHono<AppEnv>): void {
  void app;
}
