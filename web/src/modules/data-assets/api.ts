import { buildUrl, call, download, http } from '../../api/client';
import type { QueryOf } from '../../api/schema';
import type { CleanseRecipe, CreateAssetInput, ProfileRunDetail, RuleSet, SourceProfile, UpdateAssetInput } from './types';

const one = (projectId: string, assetId: string) =>
  `/api/v1/projects/${encodeURIComponent(projectId)}/data-assets/${encodeURIComponent(assetId)}`;
const inProject = (id: string) => ({ params: { path: { id } } });
const inAsset = (id: string, assetId: string) => ({ params: { path: { id, assetId } } });
const inRun = (id: string, assetId: string, runId: string) => ({ params: { path: { id, assetId, runId } } });

/** Calls of 调研 → 数据资产; paths, bodies and answers are checked against the generated schema.gen.ts. */
export const dataAssetsApi = {
  list: (projectId: string) => call(http.GET('/api/v1/projects/{id}/data-assets', inProject(projectId))),
  get: (projectId: string, assetId: string) => call(http.GET('/api/v1/projects/{id}/data-assets/{assetId}', inAsset(projectId, assetId))),
  create: (projectId: string, input: CreateAssetInput) =>
    call(http.POST('/api/v1/projects/{id}/data-assets', { ...inProject(projectId), body: input })),
  update: (projectId: string, assetId: string, patch: UpdateAssetInput) =>
    call(http.PATCH('/api/v1/projects/{id}/data-assets/{assetId}', { ...inAsset(projectId, assetId), body: patch })),
  remove: (projectId: string, assetId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/data-assets/{assetId}', inAsset(projectId, assetId))),
  columns: (projectId: string, assetId: string) =>
    call(http.GET('/api/v1/projects/{id}/data-assets/{assetId}/columns', inAsset(projectId, assetId))),
  profile: (projectId: string, assetId: string) =>
    call(http.POST('/api/v1/projects/{id}/data-assets/{assetId}/profile-runs', inAsset(projectId, assetId))),
  profileRuns: (projectId: string, assetId: string) =>
    call(http.GET('/api/v1/projects/{id}/data-assets/{assetId}/profile-runs', inAsset(projectId, assetId))),
  profileRun: (projectId: string, assetId: string, runId: string): Promise<ProfileRunDetail> =>
    call(http.GET('/api/v1/projects/{id}/data-assets/{assetId}/profile-runs/{runId}', inRun(projectId, assetId, runId))).then(
      // The document types the engine's profile as unknown; the server sends SourceProfile (or null before the run finished).
      (run) => ({ ...run, profile: (run.profile ?? null) as SourceProfile | null }),
    ),
  saveRules: (projectId: string, assetId: string, ruleSet: RuleSet) =>
    call(http.PUT('/api/v1/projects/{id}/data-assets/{assetId}/rules', { ...inAsset(projectId, assetId), body: ruleSet })),
  runRules: (projectId: string, assetId: string) =>
    call(http.POST('/api/v1/projects/{id}/data-assets/{assetId}/rule-runs', inAsset(projectId, assetId))),
  ruleRun: (projectId: string, assetId: string, runId: string) =>
    call(http.GET('/api/v1/projects/{id}/data-assets/{assetId}/rule-runs/{runId}', inRun(projectId, assetId, runId))),
  ruleRuns: (projectId: string, assetId: string) =>
    call(http.GET('/api/v1/projects/{id}/data-assets/{assetId}/rule-runs', inAsset(projectId, assetId))),
  failures: (
    projectId: string,
    assetId: string,
    runId: string,
    query: QueryOf<'/api/v1/projects/{id}/data-assets/{assetId}/rule-runs/{runId}/failures', 'get'>,
  ) =>
    call(
      http.GET('/api/v1/projects/{id}/data-assets/{assetId}/rule-runs/{runId}/failures', {
        params: { path: { id: projectId, assetId, runId }, query },
      }),
    ),
  exportFailures: (projectId: string, assetId: string, runId: string, format: 'csv' | 'xlsx', ruleId?: string) =>
    download(
      buildUrl(`${one(projectId, assetId)}/rule-runs/${encodeURIComponent(runId)}/export`, { format, ruleId }),
      `failures.${format}`,
    ),
  saveRecipe: (projectId: string, assetId: string, recipe: CleanseRecipe) =>
    call(http.PUT('/api/v1/projects/{id}/data-assets/{assetId}/recipe', { ...inAsset(projectId, assetId), body: recipe })),
  preview: (projectId: string, assetId: string, recipe?: CleanseRecipe) =>
    call(
      http.POST('/api/v1/projects/{id}/data-assets/{assetId}/cleansing/preview', {
        ...inAsset(projectId, assetId),
        body: recipe ? { recipe } : {},
      }),
    ),
  materialize: (projectId: string, assetId: string) =>
    call(http.POST('/api/v1/projects/{id}/data-assets/{assetId}/cleansing/materialize', inAsset(projectId, assetId))),
};
