import type { QueryOf } from './schema';
import { buildUrl, call, download, http, uploadFile } from './client';
import type {
  AssessmentInput,
  ConnectionInput,
  ConnectionUpdate,
  DifferenceFilter,
  ExplainInput,
  GoalInput,
  GoalUpdate,
  MeasurementInput,
  MemberInput,
  MemberUpdate,
  Phase,
  ProjectInput,
  ProjectUpdate,
  RaciLetter,
  RoiItemInput,
  RoiSettings,
  SourceRef,
  SpecInput,
  SpecUpdate,
  StakeholderInput,
  StakeholderUpdate,
  Upload,
  WebhookTest,
} from './types';

const V1 = '/api/v1';
const p = (projectId: string) => `${V1}/projects/${encodeURIComponent(projectId)}`;
const seg = encodeURIComponent;

/** Path parameters of a project route, of a reconciliation spec and of a run. */
const inProject = (id: string) => ({ params: { path: { id } } });
const inSpec = (id: string, specId: string) => ({ params: { path: { id, specId } } });
const inRun = (id: string, runId: string) => ({ params: { path: { id, runId } } });

/** Typed calls of the GoLive API; paths, bodies and answers are checked against the generated schema.gen.ts. */
export const api = {
  auth: {
    login: (email: string, password: string) => call(http.POST('/api/v1/auth/login', { body: { email, password } }), { quiet401: true }),
    logout: () => call(http.POST('/api/v1/auth/logout'), { quiet401: true }),
    me: () => call(http.GET('/api/v1/auth/me'), { quiet401: true }),
    tokens: () => call(http.GET('/api/v1/auth/tokens')),
    createToken: (name: string, expiresInDays?: number) => call(http.POST('/api/v1/auth/tokens', { body: { name, expiresInDays } })),
    revokeToken: (tokenId: string) => call(http.DELETE('/api/v1/auth/tokens/{tokenId}', { params: { path: { tokenId } } })),
  },

  permissions: () => call(http.GET('/api/v1/permissions')),

  projects: {
    list: () => call(http.GET('/api/v1/projects')),
    create: (input: ProjectInput) => call(http.POST('/api/v1/projects', { body: input })),
    get: (id: string) => call(http.GET('/api/v1/projects/{id}', inProject(id))),
    update: (id: string, patch: ProjectUpdate) => call(http.PATCH('/api/v1/projects/{id}', { ...inProject(id), body: patch })),
    remove: (id: string) => call(http.DELETE('/api/v1/projects/{id}', inProject(id))),
    access: (id: string) => call(http.GET('/api/v1/projects/{id}/access', inProject(id))),
    dashboard: (id: string) => call(http.GET('/api/v1/projects/{id}/dashboard', inProject(id))),
    audit: (id: string, query: QueryOf<'/api/v1/projects/{id}/audit', 'get'>) =>
      call(http.GET('/api/v1/projects/{id}/audit', { params: { path: { id }, query } })),
  },

  goals: {
    list: (id: string) => call(http.GET('/api/v1/projects/{id}/goals', inProject(id))),
    create: (id: string, input: GoalInput) => call(http.POST('/api/v1/projects/{id}/goals', { ...inProject(id), body: input })),
    get: (id: string, goalId: string) => call(http.GET('/api/v1/projects/{id}/goals/{goalId}', { params: { path: { id, goalId } } })),
    update: (id: string, goalId: string, patch: GoalUpdate) =>
      call(http.PATCH('/api/v1/projects/{id}/goals/{goalId}', { params: { path: { id, goalId } }, body: patch })),
    remove: (id: string, goalId: string) => call(http.DELETE('/api/v1/projects/{id}/goals/{goalId}', { params: { path: { id, goalId } } })),
    measurements: (id: string, goalId: string) =>
      call(http.GET('/api/v1/projects/{id}/goals/{goalId}/measurements', { params: { path: { id, goalId } } })),
    addMeasurement: (id: string, goalId: string, input: MeasurementInput) =>
      call(http.POST('/api/v1/projects/{id}/goals/{goalId}/measurements', { params: { path: { id, goalId } }, body: input })),
    removeMeasurement: (id: string, goalId: string, measurementId: string) =>
      call(
        http.DELETE('/api/v1/projects/{id}/goals/{goalId}/measurements/{measurementId}', {
          params: { path: { id, goalId, measurementId } },
        }),
      ),
  },

  roi: {
    get: (id: string) => call(http.GET('/api/v1/projects/{id}/roi', inProject(id))),
    saveSettings: (id: string, settings: RoiSettings) =>
      call(http.PUT('/api/v1/projects/{id}/roi/settings', { ...inProject(id), body: settings })),
    addItem: (id: string, item: RoiItemInput) => call(http.POST('/api/v1/projects/{id}/roi/items', { ...inProject(id), body: item })),
    removeItem: (id: string, itemId: string) =>
      call(http.DELETE('/api/v1/projects/{id}/roi/items/{itemId}', { params: { path: { id, itemId } } })),
  },

  team: {
    members: (id: string) => call(http.GET('/api/v1/projects/{id}/members', inProject(id))),
    addMember: (id: string, input: MemberInput) => call(http.POST('/api/v1/projects/{id}/members', { ...inProject(id), body: input })),
    updateMember: (id: string, memberId: string, patch: MemberUpdate) =>
      call(http.PATCH('/api/v1/projects/{id}/members/{memberId}', { params: { path: { id, memberId } }, body: patch })),
    removeMember: (id: string, memberId: string) =>
      call(http.DELETE('/api/v1/projects/{id}/members/{memberId}', { params: { path: { id, memberId } } })),
    raci: (id: string) => call(http.GET('/api/v1/projects/{id}/raci', inProject(id))),
    setRaci: (id: string, deliverableId: string, memberId: string, letter: RaciLetter | null) =>
      call(http.PUT('/api/v1/projects/{id}/raci', { ...inProject(id), body: { deliverableId, memberId, letter } })),
    addDeliverable: (id: string, phase: Phase, name: string) =>
      call(http.POST('/api/v1/projects/{id}/deliverables', { ...inProject(id), body: { phase, name } })),
    removeDeliverable: (id: string, deliverableId: string) =>
      call(http.DELETE('/api/v1/projects/{id}/deliverables/{deliverableId}', { params: { path: { id, deliverableId } } })),
    stakeholders: (id: string) => call(http.GET('/api/v1/projects/{id}/stakeholders', inProject(id))),
    addStakeholder: (id: string, input: StakeholderInput) =>
      call(http.POST('/api/v1/projects/{id}/stakeholders', { ...inProject(id), body: input })),
    updateStakeholder: (id: string, stakeholderId: string, patch: StakeholderUpdate) =>
      call(http.PATCH('/api/v1/projects/{id}/stakeholders/{stakeholderId}', { params: { path: { id, stakeholderId } }, body: patch })),
    removeStakeholder: (id: string, stakeholderId: string) =>
      call(http.DELETE('/api/v1/projects/{id}/stakeholders/{stakeholderId}', { params: { path: { id, stakeholderId } } })),
    assess: (id: string, stakeholderId: string, input: AssessmentInput) =>
      call(
        http.POST('/api/v1/projects/{id}/stakeholders/{stakeholderId}/assessments', {
          params: { path: { id, stakeholderId } },
          body: input,
        }),
      ),
    exportXlsx: (id: string) => download(`${p(id)}/team/export.xlsx`, 'team.xlsx'),
  },

  uploads: {
    list: (id: string) => call(http.GET('/api/v1/projects/{id}/uploads', inProject(id))),
    /** Streams the file as the request body; `onProgress` gets 0..1. */
    upload: (id: string, file: File, onProgress?: (fraction: number) => void) =>
      uploadFile<Upload>(buildUrl(`${p(id)}/uploads`, { filename: file.name }), file, onProgress),
  },

  jobs: {
    get: (id: string, jobId: string) => call(http.GET('/api/v1/projects/{id}/jobs/{jobId}', { params: { path: { id, jobId } } })),
  },

  /** 上线 → 双轨运行: saved connections, reconciliation specs, runs, differences, history. */
  cutover: {
    connections: (id: string) => call(http.GET('/api/v1/projects/{id}/connections', inProject(id))),
    createConnection: (id: string, input: ConnectionInput) =>
      call(http.POST('/api/v1/projects/{id}/connections', { ...inProject(id), body: input })),
    updateConnection: (id: string, connectionId: string, patch: ConnectionUpdate) =>
      call(http.PATCH('/api/v1/projects/{id}/connections/{connectionId}', { params: { path: { id, connectionId } }, body: patch })),
    removeConnection: (id: string, connectionId: string) =>
      call(http.DELETE('/api/v1/projects/{id}/connections/{connectionId}', { params: { path: { id, connectionId } } })),
    testConnection: (id: string, connectionId: string) =>
      call(http.POST('/api/v1/projects/{id}/connections/{connectionId}/test', { params: { path: { id, connectionId } } })),

    specs: (id: string) => call(http.GET('/api/v1/projects/{id}/reconcile/specs', inProject(id))),
    exitCriteria: (id: string) => call(http.GET('/api/v1/projects/{id}/reconcile/exit-criteria', inProject(id))),
    spec: (id: string, specId: string) => call(http.GET('/api/v1/projects/{id}/reconcile/specs/{specId}', inSpec(id, specId))),
    createSpec: (id: string, input: SpecInput) =>
      call(http.POST('/api/v1/projects/{id}/reconcile/specs', { ...inProject(id), body: input })),
    updateSpec: (id: string, specId: string, patch: SpecUpdate) =>
      call(http.PATCH('/api/v1/projects/{id}/reconcile/specs/{specId}', { ...inSpec(id, specId), body: patch })),
    removeSpec: (id: string, specId: string) => call(http.DELETE('/api/v1/projects/{id}/reconcile/specs/{specId}', inSpec(id, specId))),
    exportSpecYaml: (id: string, specId: string) =>
      download(buildUrl(`${p(id)}/reconcile/specs/${seg(specId)}`, { format: 'yaml' }), 'reconcile-spec.yaml'),
    suggestMapping: (id: string, left: SourceRef, right: SourceRef) =>
      call(http.POST('/api/v1/projects/{id}/reconcile/suggest-mapping', { ...inProject(id), body: { left, right } })),
    testWebhook: (id: string, specId: string, body: WebhookTest) =>
      call(http.POST('/api/v1/projects/{id}/reconcile/specs/{specId}/test-webhook', { ...inSpec(id, specId), body })),

    startRun: (id: string, specId: string, businessDate?: string) =>
      call(
        http.POST('/api/v1/projects/{id}/reconcile/specs/{specId}/run', {
          ...inSpec(id, specId),
          body: businessDate ? { businessDate } : {},
        }),
      ),
    runs: (id: string, specId: string, page: { limit: number; offset: number }) =>
      call(http.GET('/api/v1/projects/{id}/reconcile/specs/{specId}/runs', { params: { path: { id, specId }, query: page } })),
    history: (id: string, specId: string) => call(http.GET('/api/v1/projects/{id}/reconcile/specs/{specId}/history', inSpec(id, specId))),
    run: (id: string, runId: string) => call(http.GET('/api/v1/projects/{id}/reconcile/runs/{runId}', inRun(id, runId))),
    cancelRun: (id: string, runId: string) => call(http.POST('/api/v1/projects/{id}/reconcile/runs/{runId}/cancel', inRun(id, runId))),
    differences: (id: string, runId: string, query: DifferenceFilter & { limit: number; offset: number }) =>
      call(http.GET('/api/v1/projects/{id}/reconcile/runs/{runId}/differences', { params: { path: { id, runId }, query } })),
    resolved: (id: string, runId: string) => call(http.GET('/api/v1/projects/{id}/reconcile/runs/{runId}/resolved', inRun(id, runId))),
    explain: (id: string, specId: string, body: ExplainInput) =>
      call(http.POST('/api/v1/projects/{id}/reconcile/specs/{specId}/explanations', { ...inSpec(id, specId), body })),
    exportDifferences: (id: string, runId: string, format: 'xlsx' | 'csv', filter: DifferenceFilter) =>
      download(buildUrl(`${p(id)}/reconcile/runs/${seg(runId)}/export`, { ...filter, format }), `differences.${format}`),
  },
};
