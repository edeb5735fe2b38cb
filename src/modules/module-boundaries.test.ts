import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A module reads another module's data through that module's exported functions, never its tables.
// This test maps every table to its owner (the module schema files, plus the platform tables of
// schema.ts below) and fails when a module's source queries a table it does not own.

const root = join(import.meta.dirname, '..');

/** Platform tables declared in src/db/schema.ts and the module that owns each. */
const PLATFORM_OWNERS: Record<string, string> = {
  app_user: 'auth',
  session: 'auth',
  api_token: 'auth',
  login_attempt: 'auth',
  role_permission: 'access',
  project: 'projects',
  project_member: 'team',
  deliverable: 'team',
  raci_assignment: 'team',
  stakeholder: 'team',
  stakeholder_assessment: 'team',
  goal: 'goals',
  kpi_measurement: 'goals',
  roi_settings: 'goals',
  roi_item: 'goals',
  audit_log: 'audit',
  job: 'jobs',
  upload: 'uploads',
  data_connection: 'cutover',
  reconcile_spec: 'cutover',
  reconcile_run: 'cutover',
  reconcile_difference: 'cutover',
  reconcile_item: 'cutover',
};

/**
 * Foreign reads and writes still allowed, as `module table`. Justified: access reads project_member
 * to authorize every project request (one indexed lookup per request, below any module); projects
 * creates a project with its founding member, default deliverables and ROI settings in one
 * transaction. The demo seed (src/demo, outside src/modules and so not scanned) writes every module's
 * tables on purpose: it builds a whole project in one transaction. Nothing else may be added: a new
 * cross-module read goes through the owner's contract functions.
 */
const ALLOWED = new Set(['access project_member', 'projects project_member', 'projects deliverable', 'projects roi_settings']);

function tableOwners(): Map<string, string> {
  const owners = new Map(Object.entries(PLATFORM_OWNERS));
  const dbDir = join(root, 'db');
  for (const file of readdirSync(dbDir).filter((f) => /^schema-.+\.ts$/.test(f))) {
    const module = file.slice('schema-'.length, -'.ts'.length);
    const text = readFileSync(join(dbDir, file), 'utf8');
    for (const m of text.matchAll(/^\s+([a-z_]+): [A-Z]\w+Table;/gm)) owners.set(m[1]!, module);
  }
  return owners;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'([a-z_]+)(?: as \w+)?'/g;

describe('module boundaries', () => {
  const owners = tableOwners();

  it('maps every table of the Database type to an owning module', () => {
    const schema = readFileSync(join(root, 'db', 'schema.ts'), 'utf8');
    const block = schema.slice(schema.indexOf('export interface Database'));
    for (const m of block.slice(0, block.indexOf('\n}')).matchAll(/^\s+([a-z_]+): [A-Z]\w+Table;/gm)) {
      expect(owners.get(m[1]!), m[1]).toBeDefined();
    }
    expect(owners.get('migration_run')).toBe('migration');
    expect(owners.get('erp_role')).toBe('erp-permissions');
  });

  it('no module queries a table owned by another module (outside the listed exceptions)', () => {
    const found = new Set<string>();
    const violations: string[] = [];
    const modulesDir = join(root, 'modules');
    for (const file of sourceFiles(modulesDir)) {
      const module = file.slice(modulesDir.length + 1).split('/')[0]!;
      for (const m of readFileSync(file, 'utf8').matchAll(QUERY)) {
        const owner = owners.get(m[2]!);
        if (!owner || owner === module) continue;
        const key = `${module} ${m[2]}`;
        found.add(key);
        if (!ALLOWED.has(key)) violations.push(`${file.slice(root.length + 1)}: ${m[1]}('${m[2]}') belongs to ${owner}`);
      }
    }
    expect(violations).toEqual([]);
    // An exception that is no longer needed must leave the list, so the list only shrinks.
    expect([...ALLOWED].filter((k) => !found.has(k))).toEqual([]);
  });
});
