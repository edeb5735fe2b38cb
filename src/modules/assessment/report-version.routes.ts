import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  attachmentHeader,
  errorResponses,
  fileResponse,
  jsonBody,
  jsonResponse,
  MEDIA_TYPE,
  pathIdSchema,
  projectParamsSchema,
} from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { renderDocx } from '../../documents/render-docx';
import { renderHtml } from '../../documents/render-html';
import { buildCurrentStateReport } from './current-state-report';
import {
  createReportVersion,
  createReportVersionBodySchema,
  getReportVersionDocument,
  listReportVersions,
  reportVersionViewSchema,
} from './report-version.service';

const base = '/api/v1/projects/{id}';
const tags = ['assessment'];

const versionParamsSchema = projectParamsSchema.extend({ versionId: pathIdSchema('versionId') });

const listReportsRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/reports`,
    tags,
    summary: 'Versions of the Current State Analysis Report (现状分析报告), newest first',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(reportVersionViewSchema) })), ...errorResponses },
  },
);

const createReportRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'create' },
  {
    method: 'post',
    path: `${base}/assessment/reports`,
    tags,
    summary: "Create the next report version from this moment's data (in the caller's language)",
    request: { params: projectParamsSchema, body: jsonBody(createReportVersionBodySchema) },
    responses: { 201: jsonResponse(reportVersionViewSchema), ...errorResponses },
  },
);

const reportDocxRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'export' },
  {
    method: 'get',
    path: `${base}/assessment/reports/{versionId}/docx`,
    tags,
    summary: 'Download a report version as DOCX',
    request: { params: versionParamsSchema },
    responses: {
      200: fileResponse(MEDIA_TYPE.docx, 'DOCX'),
      ...errorResponses,
    },
  },
);

const reportHtmlRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/reports/{versionId}/html`,
    tags,
    summary: 'Preview a report version as a printable HTML page',
    request: { params: versionParamsSchema },
    responses: { 200: fileResponse('text/html', 'HTML page'), ...errorResponses },
  },
);

const draftHtmlRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/report-draft/html`,
    tags,
    summary: 'Preview the report from the current data, before creating a version',
    request: { params: projectParamsSchema },
    responses: { 200: fileResponse('text/html', 'HTML page'), ...errorResponses },
  },
);

/** Current-state report versions (DOCX / HTML) and the draft preview. */
export function registerReportVersionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listReportsRoute, async (c) => c.json({ items: await listReportVersions(c.var.db.kysely, c.req.valid('param').id) }, 200));
  app.openapi(createReportRoute, async (c) =>
    c.json(await createReportVersion(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(reportDocxRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    const { doc, fileName } = await getReportVersionDocument(c.var.db.kysely, id, versionId);
    const buffer = await renderDocx(doc);
    return c.body(new Uint8Array(buffer), 200, {
      'Content-Type': MEDIA_TYPE.docx,
      'Content-Disposition': attachmentHeader(fileName, 'current-state-report.docx'),
    });
  });
  app.openapi(reportHtmlRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    const { doc } = await getReportVersionDocument(c.var.db.kysely, id, versionId);
    return c.body(renderHtml(doc), 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  app.openapi(draftHtmlRoute, async (c) => {
    const doc = await buildCurrentStateReport(c.var.db, c.req.valid('param').id, { locale: c.var.locale, author: c.var.actor.name });
    return c.body(renderHtml(doc), 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  });
}
