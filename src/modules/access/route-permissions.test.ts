import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROUTE_CATALOG, type CatalogEntry } from '../../server/define-route';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { DEFAULT_PERMISSION_MATRIX, PROJECT_ROLES, type ProjectRole } from './permission-matrix';

/** Fills path parameters: the project id for `{id}`, a syntactically valid unknown id for the rest. */
function fillPath(path: string, projectId: string): string {
  return path.replace('{id}', projectId).replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
}

function expectedAllowed(role: ProjectRole, entry: CatalogEntry): boolean {
  if (entry.access.kind === 'project') {
    return (DEFAULT_PERMISSION_MATRIX[role][entry.access.resource] ?? []).includes(entry.access.action);
  }
  return entry.access.kind !== 'admin';
}

// Destructive routes last, so a role that may delete its project still walks every other route first.
function walkOrder(entries: CatalogEntry[]): CatalogEntry[] {
  const isProjectDelete = (e: CatalogEntry): boolean => e.method === 'DELETE' && e.path === '/api/v1/projects/{id}';
  return [...entries.filter((e) => !isProjectDelete(e)), ...entries.filter(isProjectDelete)];
}

describeEachDialect('every route × every role against the permission matrix', (dialect) => {
  let api: TestApi;
  let adminCookie: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    adminCookie = (await api.signUp('admin@example.com', { isAdmin: true })).cookie;
  });
  afterAll(() => api.close());

  it('lists every API route in the catalog and in the OpenAPI document', async () => {
    const doc = await readJson<{ paths: Record<string, Record<string, unknown>> }>(await api.call('GET', '/api/openapi.json'));
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const entry of ROUTE_CATALOG) expect(documented).toContain(`${entry.method} ${entry.path}`);
    expect(ROUTE_CATALOG.length).toBeGreaterThan(30);
  });

  it('refuses anonymous callers on every non-public route with 401', async () => {
    for (const entry of ROUTE_CATALOG.filter((e) => e.access.kind !== 'public')) {
      const response = await api.call(entry.method, fillPath(entry.path, 'p1'), { body: entry.method === 'GET' ? undefined : {} });
      expect(response.status, `${entry.method} ${entry.path}`).toBe(401);
    }
  });

  for (const role of PROJECT_ROLES) {
    it(`walks every route as ${role}`, async () => {
      const created = await api.call('POST', '/api/v1/projects', {
        cookie: adminCookie,
        body: { name: `P-${role}`, clientName: 'C', erpProduct: '金昌 ERP' },
      });
      expect(created.status).toBe(201);
      const projectId = (await readJson<{ id: string }>(created)).id;
      const { cookie } = await api.signUp(`${role}@example.com`);
      const member = await api.call('POST', `/api/v1/projects/${projectId}/members`, {
        cookie: adminCookie,
        body: { name: role, projectRole: role, tier: 'member', accountEmail: `${role}@example.com` },
      });
      expect(member.status).toBe(201);

      for (const entry of walkOrder(ROUTE_CATALOG.filter((e) => e.access.kind !== 'public'))) {
        const response = await api.call(entry.method, fillPath(entry.path, projectId), {
          cookie,
          body: entry.method === 'GET' || entry.method === 'DELETE' ? undefined : {},
        });
        const label = `${role} ${entry.method} ${entry.path} → ${response.status}`;
        expect(response.status, label).not.toBe(401);
        if (expectedAllowed(role, entry)) expect(response.status, label).not.toBe(403);
        else {
          expect(response.status, label).toBe(403);
          expect((await readJson<{ error: { code: string } }>(response)).error.code).toBe('FORBIDDEN');
        }
      }
    });
  }

  it('hides projects from non-members with 404', async () => {
    const created = await api.call('POST', '/api/v1/projects', {
      cookie: adminCookie,
      body: { name: 'Secret', clientName: 'C', erpProduct: 'E' },
    });
    const projectId = (await readJson<{ id: string }>(created)).id;
    const { cookie } = await api.signUp('outsider@example.com');
    expect((await api.call('GET', `/api/v1/projects/${projectId}/goals`, { cookie })).status).toBe(404);
    const list = await readJson<{ items: { id: string }[] }>(await api.call('GET', '/api/v1/projects', { cookie }));
    expect(list.items.map((p) => p.id)).not.toContain(projectId);
  });
});
