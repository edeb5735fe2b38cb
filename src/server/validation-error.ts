import type { RouteConfig } from '@hono/zod-openapi';
import type { z } from 'zod';
import { AppError, type ErrorDetailInput, type Locale } from '../shared/app-error';
import { firstIssuePerField, issueField, issueMessage, type ValidationIssue } from '../shared/validation/issue-messages';
import { labelAtPath } from '../shared/validation/label-path';

/** A route's request schemas, as declared in its OpenAPI definition. */
export type RouteRequest = NonNullable<RouteConfig['request']>;

/** What the validator checked: zod-openapi's validation targets. */
export type ValidationTarget = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie' | (string & {});

function isZod(value: unknown): value is z.core.$ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** The schema the validator of `target` ran (the one the issue paths are relative to). */
export function schemaForTarget(request: RouteRequest | undefined, target: ValidationTarget): z.core.$ZodType | undefined {
  if (!request) return undefined;
  const candidates: unknown[] =
    target === 'json'
      ? [request.body?.content['application/json']]
      : target === 'form'
        ? [request.body?.content['multipart/form-data'], request.body?.content['application/x-www-form-urlencoded']]
        : [];
  for (const media of candidates) {
    const schema = (media as { schema?: unknown } | undefined)?.schema;
    if (isZod(schema)) return schema;
  }
  const direct =
    target === 'query' ? request.query : target === 'param' ? request.params : target === 'cookie' ? request.cookies : undefined;
  if (isZod(direct)) return direct;
  if (target === 'header' && isZod(request.headers)) return request.headers;
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * The VALIDATION_FAILED error for a failed request validation: each zod issue becomes one plain
 * sentence naming the field by its label (found by walking `schema` along the issue path), in the
 * caller's language. `data` is the value that was validated; it tells a missing field from a wrong one.
 */
export function validationError(
  issues: readonly ValidationIssue[],
  schema: z.core.$ZodType | undefined,
  data: unknown,
  locale: Locale,
): AppError {
  const details: ErrorDetailInput[] = firstIssuePerField(issues).map((issue) => {
    const withInput = { ...issue, input: valueAt(data, issue.path) } as ValidationIssue;
    const label = schema ? labelAtPath(schema, issue.path, locale) : undefined;
    return { field: issueField(issue), reason: issueMessage(withInput, label, locale) };
  });
  const sentences = [...new Set(details.map((d) => d.reason ?? ''))];
  return new AppError('VALIDATION_FAILED', { summary: sentences.join(locale === 'zh-CN' ? '；' : '; ') }, details);
}
