import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from '../db/connection';
import { AppError, pickLocale } from '../shared/app-error';
import { schemaForTarget, validationError } from './validation-error';
import { newId } from '../shared/ids';
import { registerAssessmentRoutes } from '../modules/assessment/assessment.routes';
import { registerAuthRoutes } from '../modules/auth/auth.routes';
import { registerBlueprintRoutes } from '../modules/blueprint/blueprint.routes';
import { registerDataAssetRoutes } from '../modules/data-assets/data-assets.routes';
import { registerMigrationRoutes } from '../modules/migration/migration.routes';
import { registerPermissionMatrixRoutes } from '../modules/erp-permissions/erp-permission-matrix.routes';
import { registerCutoverRoutes } from '../modules/cutover/cutover.routes';
import { registerGoalRoutes } from '../modules/goals/goal.routes';
import { registerGoLiveRoutes } from '../modules/go-live/go-live.routes';
import type { JobQueue } from '../modules/jobs/job-queue';
import { registerJobRoutes } from '../modules/jobs/job.routes';
import { registerProjectRoutes } from '../modules/projects/project.routes';
import { registerRiskRoutes } from '../modules/risks/risk.routes';
import { registerPlanRoutes } from '../modules/rollout/plan.routes';
import { registerWaveRoutes } from '../modules/rollout/wave.routes';
import { registerTeamRoutes } from '../modules/team/team.routes';
import { formatBytes } from '../modules/uploads/upload.service';
import { registerUploadRoutes } from '../modules/uploads/upload.routes';
import type { AppEnv, ServerConfig } from './app-env';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = join(ROOT, 'web/dist');

/** Builds the HTTP application: API, OpenAPI document, docs page and the web app. */
export function createApp(deps: { db: Db; config: ServerConfig; jobs: JobQueue }): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        // zod-validator passes the validated value along as `data`, failures included.
        const data = (result as { data?: unknown }).data;
        throw validationError(result.error.issues, schemaForTarget(c.var.request, result.target), data, c.var.locale);
      }
    },
  });

  app.use('*', secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }));
  app.use('*', async (c, next) => {
    c.set('db', deps.db);
    c.set('config', deps.config);
    c.set('jobs', deps.jobs);
    // `?lang=` serves pages a browser opens directly (report previews in an iframe cannot send headers).
    c.set('locale', pickLocale(c.req.header('x-golive-lang') ?? c.req.query('lang') ?? c.req.header('accept-language')));
    await next();
  });
  // JSON bodies are small; only the upload route streams large bodies (with its own limit).
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.method === 'PUT' && c.req.path.endsWith('/uploads')) return next();
    return bodyLimit({
      maxSize: deps.config.jsonLimitBytes,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(deps.config.jsonLimitBytes) });
      },
    })(c, next);
  });

  app.onError((error, c) => {
    const locale = c.var.locale ?? 'zh-CN';
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error instanceof HTTPException && error.status === 400 && /JSON/i.test(error.message))
      appError = new AppError('MALFORMED_JSON');
    else if (error instanceof HTTPException && error.status === 415) appError = new AppError('UNSUPPORTED_MEDIA_TYPE');
    else if (error instanceof HTTPException && error.status === 413)
      appError = new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(deps.config.jsonLimitBytes) });
    else if (isDatabaseUnavailable(error))
      // The summary is a parameter, not a template, so it is chosen in the caller's language here.
      appError = new AppError('SERVICE_UNAVAILABLE', { summary: locale === 'en' ? 'the database is unreachable' : '数据库无法连接' });
    else {
      const ref = newId().slice(0, 8);
      // Logged with a reference the user can quote; the message never carries internals.
      console.error(`[${ref}] ${c.req.method} ${c.req.path}:`, error);
      appError = new AppError('INTERNAL', { ref });
    }
    return c.json(
      { error: { code: appError.code, message: appError.localizedMessage(locale), details: appError.localizedDetails(locale) } },
      appError.status as 400,
    );
  });

  app.get('/api/health', async (c) => {
    try {
      await deps.db.kysely.selectFrom('role_permission').select('role').limit(1).execute();
    } catch {
      return c.json({ status: 'error', db: deps.db.dialect, version: deps.config.version }, 503);
    }
    return c.json({ status: 'ok', db: deps.db.dialect, version: deps.config.version });
  });

  registerApiRoutes(app);
  app.doc31('/api/openapi.json', openApiInfo(deps.config.version));
  mountApiDocs(app);

  app.all('/api/*', (c) => {
    throw new AppError('NOT_FOUND', { entity: 'route', id: c.req.path });
  });
  mountWebApp(app);
  return app;
}

/**
 * Registers every API route and the security schemes on `app`. Shared by {@link createApp} and
 * {@link buildOpenApiDocument}, so the served document and the generated web types cannot differ.
 */
function registerApiRoutes(app: OpenAPIHono<AppEnv>): void {
  registerAuthRoutes(app);
  registerProjectRoutes(app);
  registerGoalRoutes(app);
  registerTeamRoutes(app);
  registerJobRoutes(app);
  registerUploadRoutes(app);
  registerCutoverRoutes(app);
  registerAssessmentRoutes(app);
  registerBlueprintRoutes(app);
  registerPermissionMatrixRoutes(app);
  registerDataAssetRoutes(app);
  registerMigrationRoutes(app);
  registerRiskRoutes(app);
  registerGoLiveRoutes(app);
  registerWaveRoutes(app);
  registerPlanRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', { type: 'apiKey', in: 'cookie', name: 'golive_session' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
}

/** The document header of `/api/openapi.json`. */
function openApiInfo(version: string): { openapi: '3.1.0'; info: { title: string; version: string; description: string } } {
  return {
    openapi: '3.1.0',
    info: {
      title: 'golive API',
      version,
      description: 'GoLive 实施落地平台 API. Errors: {"error":{"code","message","details":[{field,reason}]}}.',
    },
  };
}

/**
 * The OpenAPI document the server serves, built in-process without a database or a listening server
 * (route registration touches no dependency). `npm run gen:api` turns it into the web's types.
 */
export function buildOpenApiDocument(version: string): ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']> {
  const app = new OpenAPIHono<AppEnv>();
  registerApiRoutes(app);
  return app.getOpenAPI31Document(openApiInfo(version));
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '53300' || code === 'SQLITE_BUSY';
}

/** A browsable API reference served from the swagger-ui-dist package (no CDN: golive runs offline). */
function mountApiDocs(app: OpenAPIHono<AppEnv>): void {
  const require = createRequire(import.meta.url);
  const assets = dirname(require.resolve('swagger-ui-dist/package.json'));
  const files: Record<string, string> = {
    'swagger-ui.css': 'text/css',
    'swagger-ui-bundle.js': 'text/javascript',
  };
  app.get('/api/docs/:file', (c) => {
    const file = c.req.param('file');
    const type = files[file];
    if (!type) throw new AppError('NOT_FOUND', { entity: 'file', id: file });
    return c.body(readFileSync(join(assets, file)), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>golive API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });</script></body></html>`),
  );
}

/** Serves the built web app with a single-page-app fallback to index.html. */
function mountWebApp(app: OpenAPIHono<AppEnv>): void {
  const index = join(WEB_DIST, 'index.html');
  if (existsSync(WEB_DIST)) app.use('/assets/*', serveStatic({ root: relative(process.cwd(), WEB_DIST) }));
  app.get('*', (c) => {
    if (!existsSync(index)) {
      return c.text('The web app is not built yet: run `npm run build:web` (npm start does it for you).', 503);
    }
    return c.html(readFileSync(index, 'utf8'));
  });
}
