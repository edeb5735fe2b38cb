import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/app-env';

/** Routes of the blueprint module. SCAFFOLD: filled by the module's owner. */
export function registerBlueprintRoutes(app: OpenAPIHono<AppEnv>): void {
  void app;
}
