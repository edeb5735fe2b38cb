import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A module keeps its Kysely queries in `<concept>.repository.ts` files; services open transactions,
// apply rules and call repository functions, routes never query. This test fails when any other
// (non-test) file under src/modules builds a query or an SQL template.

const modulesDir = import.meta.dirname;

/**
 * Files allowed to query outside a repository file, each with the reason. Empty since every module
 * was converted (issue 10): a new query goes into a repository file, not onto this list. The check
 * below stays so the list can only shrink: an entry whose file no longer queries must leave it.
 */
const EXCEPTIONS: Record<string, string> = {};

/** A Kysely query builder call, or an `sql` template (typed `sql<T>` too). */
const QUERY = /\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql(?:<[^`]*?>)?`/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.repository.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('repository convention', () => {
  it('only repository files build queries (outside the listed exceptions)', () => {
    const querying = new Set<string>();
    const violations: string[] = [];
    for (const file of sourceFiles(modulesDir)) {
      const relative = file.slice(modulesDir.length + 1);
      const lines = readFileSync(file, 'utf8').split('\n');
      const line = lines.findIndex((l) => QUERY.test(l));
      if (line < 0) continue;
      querying.add(relative);
      if (!(relative in EXCEPTIONS)) violations.push(`${relative}:${line + 1}: ${lines[line]!.trim()}`);
    }
    expect(violations).toEqual([]);
    // An exception that is no longer needed must leave the list, so the list only shrinks.
    expect(Object.keys(EXCEPTIONS).filter((f) => !querying.has(f))).toEqual([]);
  });
});
