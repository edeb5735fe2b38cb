import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses, jsonResponse, okSchema, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { deleteUpload, listUploads, saveUpload } from './upload.service';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

const uploadViewSchema = z
  .object({
    id: z.string(),
    originalName: z.string(),
    size: z.number(),
    sha256: z.string(),
    contentType: z.string(),
    createdAt: z.string(),
  })
  .openapi('Upload');

const uploadRoute = defineRoute(
  { kind: 'project', resource: 'upload', action: 'create' },
  {
    method: 'put',
    path: '/api/v1/projects/{id}/uploads',
    tags: ['uploads'],
    summary: 'Upload a file (raw request body, streamed to disk; size-limited)',
    request: {
      params: projectParamsSchema,
      query: z.object({ filename: labelled(z.string().min(1).max(255), lbl('文件名', 'File name')) }),
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 201: jsonResponse(uploadViewSchema), ...errorResponses, 413: { description: 'Too large' } },
  },
);

const listRoute = defineRoute(
  { kind: 'project', resource: 'upload', action: 'read' },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/uploads',
    tags: ['uploads'],
    summary: "The project's uploaded files",
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(uploadViewSchema) })), ...errorResponses },
  },
);

const deleteRoute = defineRoute(
  { kind: 'project', resource: 'upload', action: 'delete' },
  {
    method: 'delete',
    path: '/api/v1/projects/{id}/uploads/{uploadId}',
    tags: ['uploads'],
    summary: 'Delete an uploaded file',
    request: { params: projectParamsSchema.extend({ uploadId: z.string().min(1).max(64) }) },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

/** Streamed uploads. */
export function registerUploadRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(uploadRoute, async (c) => {
    const length = c.req.header('content-length');
    const view = await saveUpload(c.var.db, c.var.actor, {
      projectId: c.req.valid('param').id,
      fileName: c.req.valid('query').filename,
      contentType: c.req.header('content-type') ?? 'application/octet-stream',
      declaredLength: length ? Number(length) : undefined,
      body: c.req.raw.body,
      dataDir: c.var.config.dataDir,
      limitBytes: c.var.config.uploadLimitBytes,
    });
    return c.json(view, 201);
  });
  app.openapi(listRoute, async (c) => c.json({ items: await listUploads(c.var.db, c.req.valid('param').id) }, 200));
  app.openapi(deleteRoute, async (c) => {
    const { id, uploadId } = c.req.valid('param');
    await deleteUpload(c.var.db, c.var.actor, id, uploadId);
    return c.json({ ok: true as const }, 200);
  });
}
