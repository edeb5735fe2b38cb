import { z } from '@hono/zod-openapi';

/** The documented error body of every failing request. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), reason: z.string() })),
    }),
  })
  .openapi('Error');

/** Standard error responses added to every route. */
export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: errorBodySchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: errorBodySchema } } },
  403: { description: 'Role not allowed', content: { 'application/json': { schema: errorBodySchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: errorBodySchema } } },
  409: { description: 'Conflict', content: { 'application/json': { schema: errorBodySchema } } },
} as const;

/** `{id}`: the project id path parameter. */
export const projectParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** A calendar date `YYYY-MM-DD` that exists. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'is not a real calendar date',
  )
  .openapi({ example: '2026-06-30' });

/** A path parameter holding an id (text UUID or similar), named for the OpenAPI document. */
export function pathIdSchema(name: string) {
  return z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' } });
}

/** JSON response helper for OpenAPI definitions. */
export function jsonResponse<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

/** JSON request body helper (required, so an empty body is a validation error). */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const okSchema = z.object({ ok: z.literal(true) }).openapi('Ok');

/** Media types of the files the API hands out. */
export const MEDIA_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
} as const;

/** OpenAPI response whose body is a file in one or more media types. */
export function fileResponse(types: string | readonly string[], description = 'The file') {
  const list = typeof types === 'string' ? [types] : types;
  return { description, content: Object.fromEntries(list.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])) };
}

/**
 * `Content-Disposition` for a download: an ASCII `fallback` name for old clients plus the real name
 * (often Chinese) in RFC 5987 form, which browsers prefer.
 */
export function attachmentHeader(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
