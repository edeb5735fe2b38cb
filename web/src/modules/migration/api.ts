import { download, request } from '../../api/client';
import type { Job } from '../../api/types';
import type {
  AssetOption,
  KeyMapPage,
  MigrationObject,
  MigrationObjectInput,
  MigrationPlan,
  MigrationRun,
  MigrationSource,
  TargetColumn,
} from './types';

const p = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;
const m = (projectId: string) => `${p(projectId)}/migration`;
const seg = encodeURIComponent;

/** Typed calls of the migration API (src/modules/migration/migration.routes.ts). */
export const migrationApi = {
  objects: (id: string) => request<{ items: MigrationObject[] }>(`${m(id)}/objects`),
  createObject: (id: string, input: MigrationObjectInput) => request<MigrationObject>(`${m(id)}/objects`, { method: 'POST', body: input }),
  updateObject: (id: string, objectId: string, input: Partial<MigrationObjectInput>) =>
    request<MigrationObject>(`${m(id)}/objects/${seg(objectId)}`, { method: 'PATCH', body: input }),
  removeObject: (id: string, objectId: string) => request<unknown>(`${m(id)}/objects/${seg(objectId)}`, { method: 'DELETE' }),
  keyMap: (id: string, objectId: string, query: { q?: string; limit: number; offset: number }) =>
    request<KeyMapPage>(`${m(id)}/objects/${seg(objectId)}/key-map`, { query }),
  exportKeyMap: (id: string, objectId: string) => download(`${m(id)}/objects/${seg(objectId)}/key-map/export`, 'key-map.csv'),
  plan: (id: string) => request<MigrationPlan>(`${m(id)}/plan`),
  sourceColumns: (id: string, source: MigrationSource) =>
    request<{ columns: string[] }>(`${m(id)}/source-columns`, { method: 'POST', body: { source } }),
  tables: (id: string, connectionId: string) => request<{ tables: string[] }>(`${m(id)}/connections/${seg(connectionId)}/tables`),
  columns: (id: string, connectionId: string, table: string) =>
    request<{ columns: TargetColumn[] }>(`${m(id)}/connections/${seg(connectionId)}/columns`, { query: { table } }),
  startRun: (id: string, mode: 'simulate' | 'real') =>
    request<{ run: MigrationRun; jobId: string }>(`${m(id)}/runs`, { method: 'POST', body: { mode } }),
  runs: (id: string) => request<{ items: MigrationRun[] }>(`${m(id)}/runs`),
  run: (id: string, runId: string) => request<MigrationRun>(`${m(id)}/runs/${seg(runId)}`),
  rollbackRun: (id: string, runId: string, confirm: string) =>
    request<{ run: MigrationRun; jobId: string }>(`${m(id)}/runs/${seg(runId)}/rollback`, { method: 'POST', body: { confirm } }),
  rollbackBatch: (id: string, batchId: string, confirm: string) =>
    request<{ run: MigrationRun; jobId: string }>(`${m(id)}/batches/${seg(batchId)}/rollback`, { method: 'POST', body: { confirm } }),
  downloadRejects: (id: string, batchId: string) => download(`${m(id)}/batches/${seg(batchId)}/rejects`, 'rejects.csv'),
  downloadOutput: (id: string, batchId: string) => download(`${m(id)}/batches/${seg(batchId)}/output`, 'output.csv'),
  job: (id: string, jobId: string) => request<Job>(`${p(id)}/jobs/${seg(jobId)}`),
  /** Stops a queued or running run through its job (jobs module): a running one stops after the object in progress. */
  cancelJob: (id: string, jobId: string) => request<Job>(`${p(id)}/jobs/${seg(jobId)}/cancel`, { method: 'POST' }),
  /** Data assets of the project (data-assets module); empty when that module does not answer. */
  assets: async (id: string): Promise<AssetOption[]> => {
    try {
      const body = await request<{ items: AssetOption[] }>(`${p(id)}/data-assets`);
      return (body.items ?? []).map((a) => ({ id: a.id, name: a.name }));
    } catch {
      return [];
    }
  },
};
