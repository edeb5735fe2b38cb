import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_TABLES } from './error-codes';
import { ERRORS_DOC_PATH, errorsDocDrift, renderErrorsDoc } from './errors-doc';

const file = resolve(dirname(fileURLToPath(import.meta.url)), '../../..', ERRORS_DOC_PATH);

// Each code is declared once across the tables: error-codes.test.ts checks that.
describe('docs/ERRORS.md', () => {
  it('matches the code tables (run npm run gen:errors when this fails)', () => {
    expect(errorsDocDrift(existsSync(file) ? readFileSync(file, 'utf8') : undefined)).toBeNull();
  });

  it('lists every code of every domain with its status', () => {
    const doc = renderErrorsDoc();
    for (const [domain, table] of Object.entries(ERROR_CODE_TABLES)) {
      expect(doc).toContain(`### ${domain}\n`);
      for (const [code, def] of Object.entries(table)) expect(doc).toContain(`| \`${code}\` | ${def.status} |`);
    }
  });

  it('escapes pipes and keeps placeholders as they are', () => {
    const doc = renderErrorsDoc({
      demo: { DEMO_PIPE: { status: 400, message: { 'zh-CN': '列“{column}”含 | 字符', en: 'Column "{column}" has a | in it' } } },
    });
    expect(doc).toContain('| `DEMO_PIPE` | 400 | 列“{column}”含 \\| 字符 | Column "{column}" has a \\| in it |');
  });

  it('names the fix when the committed file differs', () => {
    expect(errorsDocDrift('stale')).toMatch(/^docs\/ERRORS\.md is out of date: run npm run gen:errors/);
    expect(errorsDocDrift(undefined)).toMatch(/^docs\/ERRORS\.md is missing: run npm run gen:errors/);
  });
});
