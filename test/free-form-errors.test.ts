import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './source-size';

/**
 * Raisers of free-form codes left in src/. There were 217 at 180cced; every one became a domain code
 * and the free-form codes are gone from the tables, so the compiler refuses them; this test also
 * catches a free-form code smuggled back in as a string or through a re-added shorthand.
 */
const BASELINE = 0;

/** What marks a free-form raise: the `badInput()` shorthand or the code's name as a string. */
const RAISER = /badInput\(|'BAD_INPUT'|'CONFLICT'/g;

/** Where the shorthand and the codes are declared: not raisers. */
const DECLARATIONS = new Set(['src/shared/app-error.ts', 'src/shared/errors/platform-codes.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Free-form raisers per file (repository-relative path → count), files without any left out. */
function countRaisers(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of sourceFiles(join(REPO_ROOT, 'src'))) {
    const path = relative(REPO_ROOT, file).split('\\').join('/');
    if (DECLARATIONS.has(path)) continue;
    const n = [...readFileSync(file, 'utf8').matchAll(RAISER)].length;
    if (n > 0) counts.set(path, n);
  }
  return counts;
}

describe('free-form errors', () => {
  it(`are raised in at most ${BASELINE} places in src/`, () => {
    const counts = countRaisers();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const worst = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([path, n]) => `${n} ${path}`);
    if (total < BASELINE)
      console.info(`free-form errors fell to ${total} (baseline ${BASELINE}): lower BASELINE in test/free-form-errors.test.ts to ${total}`);
    expect(
      total,
      `${total} free-form raisers (BAD_INPUT, CONFLICT) in src/, more than the baseline ${BASELINE}: raise a domain code ` +
        `instead (src/shared/errors/<domain>-codes.ts). Most in:\n${worst.join('\n')}`,
    ).toBeLessThanOrEqual(BASELINE);
  });
});
