import { describe, expect, it } from 'vitest';
import { ERROR_CODE_TABLES, ERROR_CODES } from './error-codes';

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('error code tables', () => {
  it('declare each code once across all domains', () => {
    const seen = new Map<string, string[]>();
    for (const [domain, table] of Object.entries(ERROR_CODE_TABLES))
      for (const code of Object.keys(table)) seen.set(code, [...(seen.get(code) ?? []), domain]);
    const twice = [...seen].filter(([, domains]) => domains.length > 1);
    expect(twice).toEqual([]);
    expect(Object.keys(ERROR_CODES).length).toBe(seen.size);
  });

  it.each(Object.entries(ERROR_CODES))('%s has an HTTP error status and the same placeholders in zh-CN and en', (_code, def) => {
    expect(def.status).toBeGreaterThanOrEqual(400);
    expect(def.status).toBeLessThan(600);
    expect(placeholders(def.message['zh-CN'])).toEqual(placeholders(def.message.en));
  });
});
