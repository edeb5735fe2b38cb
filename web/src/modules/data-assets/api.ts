import { buildUrl, download, request } from '../../api/client';
import type {
  CleansePreview,
  CleanseRecipe,
  CreateAssetInput,
  DataAsset,
  ProfileRun,
  ProfileRunDetail,
  RuleFailure,
  RuleRun,
  RuleSet,
} from './types';

const base = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/data-assets`;
const one = (projectId: string, assetId: string) => `${base(projectId)}/${encodeURIComponent(assetId)}`;

/** Calls of 调研 → 数据资产. */
export const dataAssetsApi = {
  list: (projectId: string) => request<{ items: DataAsset[] }>(base(projectId)),
  get: (projectId: string, assetId: string) => request<DataAsset>(one(projectId, assetId)),
  create: (projectId: string, input: CreateAssetInput) =>
    request<{ asset: DataAsset; profileRun: ProfileRun | null }>(base(projectId), { method: 'POST', body: input }),
  update: (projectId: string, assetId: string, patch: Partial<Omit<DataAsset, 'source'>>) =>
    request<DataAsset>(one(projectId, assetId), { method: 'PATCH', body: patch }),
  remove: (projectId: string, assetId: string) => request<unknown>(one(projectId, assetId), { method: 'DELETE' }),
  columns: (projectId: string, assetId: string) => request<{ columns: string[] }>(`${one(projectId, assetId)}/columns`),
  profile: (projectId: string, assetId: string) =>
    request<{ run: ProfileRun; jobId: string }>(`${one(projectId, assetId)}/profile-runs`, { method: 'POST' }),
  profileRuns: (projectId: string, assetId: string) => request<{ items: ProfileRun[] }>(`${one(projectId, assetId)}/profile-runs`),
  profileRun: (projectId: string, assetId: string, runId: string) =>
    request<ProfileRunDetail>(`${one(projectId, assetId)}/profile-runs/${encodeURIComponent(runId)}`),
  saveRules: (projectId: string, assetId: string, ruleSet: RuleSet) =>
    request<DataAsset>(`${one(projectId, assetId)}/rules`, { method: 'PUT', body: ruleSet }),
  runRules: (projectId: string, assetId: string) =>
    request<{ run: RuleRun; jobId: string }>(`${one(projectId, assetId)}/rule-runs`, { method: 'POST' }),
  ruleRun: (projectId: string, assetId: string, runId: string) =>
    request<RuleRun>(`${one(projectId, assetId)}/rule-runs/${encodeURIComponent(runId)}`),
  ruleRuns: (projectId: string, assetId: string) => request<{ items: RuleRun[] }>(`${one(projectId, assetId)}/rule-runs`),
  failures: (projectId: string, assetId: string, runId: string, query: { ruleId?: string; offset: number; limit: number }) =>
    request<{ total: number; items: RuleFailure[] }>(`${one(projectId, assetId)}/rule-runs/${encodeURIComponent(runId)}/failures`, {
      query,
    }),
  exportFailures: (projectId: string, assetId: string, runId: string, format: 'csv' | 'xlsx', ruleId?: string) =>
    download(
      buildUrl(`${one(projectId, assetId)}/rule-runs/${encodeURIComponent(runId)}/export`, { format, ruleId }),
      `failures.${format}`,
    ),
  saveRecipe: (projectId: string, assetId: string, recipe: CleanseRecipe) =>
    request<DataAsset>(`${one(projectId, assetId)}/recipe`, { method: 'PUT', body: recipe }),
  preview: (projectId: string, assetId: string, recipe?: CleanseRecipe) =>
    request<CleansePreview>(`${one(projectId, assetId)}/cleansing/preview`, { method: 'POST', body: recipe ? { recipe } : {} }),
  materialize: (projectId: string, assetId: string) =>
    request<{ asset: DataAsset; preview: CleansePreview; profileRun: ProfileRun }>(`${one(projectId, assetId)}/cleansing/materialize`, {
      method: 'POST',
    }),
};
