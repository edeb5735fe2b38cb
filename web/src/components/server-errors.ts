import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows a server validation error on the form: each `details[].field` that names a form field
 * (`kpiName`, `body.kpiName`, `modulesInScope.0` …) gets its reason under that field.
 * Returns the details that matched no field, so the caller can show them with the message.
 */
export function applyServerErrors(
  form: FormInstance,
  cause: unknown,
  fields: readonly string[],
  rename: Record<string, string> = {},
): { message: string; unmatched: string[] } {
  if (!(cause instanceof ApiError)) {
    return { message: cause instanceof Error ? cause.message : String(cause), unmatched: [] };
  }
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const detail of cause.details) {
    const parts = detail.field.split(/[.[\]]/).filter(Boolean);
    const candidate = parts.find((part) => fields.includes(rename[part] ?? part));
    const name = candidate ? (rename[candidate] ?? candidate) : undefined;
    if (name) byField.set(name, [...(byField.get(name) ?? []), detail.reason]);
    else unmatched.push(`${detail.field}: ${detail.reason}`);
  }
  form.setFields(fields.map((name) => ({ name, errors: byField.get(name) ?? [] })));
  return { message: cause.message, unmatched };
}
