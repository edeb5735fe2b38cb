import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A module keeps its Kysely queries in `<concept>.repository.ts` files; services open transactions,
// apply rules and call repository functions, routes never query. This test fails when any other
// (non-test) file under src/modules builds a query or an SQL template.

const modulesDir = import.meta.dirname;

/**
 * Files still querying outside a repository file, each with the reason. These modules are being
 * converted separately; an entry whose file no longer queries must leave the list, so it only shrinks.
 */
const EXCEPTIONS: Record<string, string> = {
  'migration/migration-contract.ts': 'migration not converted to repository files yet',
  'migration/migration-key-map.ts': 'migration not converted to repository files yet',
  'migration/migration-object.service.ts': 'migration not converted to repository files yet',
  'migration/migration-rollback-execute.ts': 'migration not converted to repository files yet',
  'migration/migration-rollback-start.ts': 'migration not converted to repository files yet',
  'migration/migration-run-execute.ts': 'migration not converted to repository files yet',
  'migration/migration-run-object.ts': 'migration not converted to repository files yet',
  'migration/migration-run-start.ts': 'migration not converted to repository files yet',
  'migration/migration-run-view.ts': 'migration not converted to repository files yet',
};

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
