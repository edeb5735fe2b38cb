import { call, download, http } from '../../api/client';
import type { AssetOption, MigrationMode, MigrationObjectInput, MigrationObjectUpdate, MigrationSource } from './types';

const m = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/migration`;
const seg = encodeURIComponent;
const inProject = (id: string) => ({ params: { path: { id } } });
const inObject = (id: string, objectId: string) => ({ params: { path: { id, objectId } } });
const inRun = (id: string, runId: string) => ({ params: { path: { id, runId } } });
const inBatch = (id: string, batchId: string) => ({ params: { path: { id, batchId } } });
const inConnection = (id: string, connectionId: string) => ({ params: { path: { id, connectionId } } });
const inJob = (id: string, jobId: string) => ({ params: { path: { id, jobId } } });

/**
 * Calls of the migration API (objects, key map, plan, runs and rollbacks, and the jobs that carry the
 * runs); paths, bodies and answers are checked against the generated schema.gen.ts.
 */
export const migrationApi = {
  objects: (id: string) => call(http.GET('/api/v1/projects/{id}/migration/objects', inProject(id))),
  createObject: (id: string, body: MigrationObjectInput) =>
    call(http.POST('/api/v1/projects/{id}/migration/objects', { ...inProject(id), body })),
  updateObject: (id: string, objectId: string, body: MigrationObjectUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/migration/objects/{objectId}', { ...inObject(id, objectId), body })),
  removeObject: (id: string, objectId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/migration/objects/{objectId}', inObject(id, objectId))),
  keyMap: (id: string, objectId: string, query: { q?: string; limit: number; offset: number }) =>
    call(http.GET('/api/v1/projects/{id}/migration/objects/{objectId}/key-map', { params: { path: { id, objectId }, query } })),
  exportKeyMap: (id: string, objectId: string) => download(`${m(id)}/objects/${seg(objectId)}/key-map/export`, 'key-map.csv'),
  plan: (id: string) => call(http.GET('/api/v1/projects/{id}/migration/plan', inProject(id))),
  sourceColumns: (id: string, source: MigrationSource) =>
    call(http.POST('/api/v1/projects/{id}/migration/source-columns', { ...inProject(id), body: { source } })),
  tables: (id: string, connectionId: string) =>
    call(http.GET('/api/v1/projects/{id}/migration/connections/{connectionId}/tables', inConnection(id, connectionId))),
  columns: (id: string, connectionId: string, table: string) =>
    call(
      http.GET('/api/v1/projects/{id}/migration/connections/{connectionId}/columns', {
        params: { path: { id, connectionId }, query: { table } },
      }),
    ),
  startRun: (id: string, mode: MigrationMode) =>
    call(http.POST('/api/v1/projects/{id}/migration/runs', { ...inProject(id), body: { mode } })),
  runs: (id: string) => call(http.GET('/api/v1/projects/{id}/migration/runs', inProject(id))),
  run: (id: string, runId: string) => call(http.GET('/api/v1/projects/{id}/migration/runs/{runId}', inRun(id, runId))),
  rollbackRun: (id: string, runId: string, confirm: string) =>
    call(http.POST('/api/v1/projects/{id}/migration/runs/{runId}/rollback', { ...inRun(id, runId), body: { confirm } })),
  rollbackBatch: (id: string, batchId: string, confirm: string) =>
    call(http.POST('/api/v1/projects/{id}/migration/batches/{batchId}/rollback', { ...inBatch(id, batchId), body: { confirm } })),
  downloadRejects: (id: string, batchId: string) => download(`${m(id)}/batches/${seg(batchId)}/rejects`, 'rejects.csv'),
  downloadOutput: (id: string, batchId: string) => download(`${m(id)}/batches/${seg(batchId)}/output`, 'output.csv'),
  job: (id: string, jobId: string) => call(http.GET('/api/v1/projects/{id}/jobs/{jobId}', inJob(id, jobId))),
  /** Stops a queued or running run through its job (jobs module): a running one stops after the object in progress. */
  cancelJob: (id: string, jobId: string) => call(http.POST('/api/v1/projects/{id}/jobs/{jobId}/cancel', inJob(id, jobId))),
  /** Data assets of the project (data-assets module); empty when that module does not answer. */
  assets: async (id: string): Promise<AssetOption[]> => {
    try {
      const body = await call(http.GET('/api/v1/projects/{id}/data-assets', inProject(id)));
      return body.items.map((a) => ({ id: a.id, name: a.name }));
    } catch {
      return [];
    }
  },
};
