import { buildUrl, download, request, uploadFile } from './client';
import type {
  ApiToken,
  AssessmentInput,
  AuditPage,
  ConnectionInput,
  ConnectionUpdate,
  CreatedToken,
  DataConnection,
  Difference,
  DifferenceFilter,
  ExitCriteriaSummary,
  Job,
  MappingSuggestion,
  ReconcileHistory,
  ReconcileRun,
  ReconcileSpec,
  ResolvedItem,
  SourceRef,
  SpecInput,
  Upload,
  WebhookFormat,
  WebhookResult,
  Dashboard,
  Goal,
  GoalInput,
  Measurement,
  MeasurementInput,
  Member,
  MemberInput,
  PermissionMatrix,
  Project,
  ProjectAccess,
  ProjectInput,
  RaciLetter,
  RaciMatrix,
  Roi,
  RoiItemKind,
  RoiSettings,
  Stakeholder,
  StakeholderInput,
  StakeholderUpdate,
  User,
} from './types';

const V1 = '/api/v1';
const p = (projectId: string) => `${V1}/projects/${encodeURIComponent(projectId)}`;
const seg = encodeURIComponent;

interface Items<T> {
  items: T[];
}

/** Typed calls of the GoLive API (see src/modules/*\/*.schema.ts for the contract). */
export const api = {
  health: () => request<{ status?: string }>('/api/health'),

  auth: {
    login: (email: string, password: string) =>
      request<{ user: User }>(`${V1}/auth/login`, { method: 'POST', body: { email, password }, quiet401: true }),
    logout: () => request<unknown>(`${V1}/auth/logout`, { method: 'POST', quiet401: true }),
    me: () => request<User>(`${V1}/auth/me`, { quiet401: true }),
    tokens: () => request<Items<ApiToken>>(`${V1}/auth/tokens`),
    createToken: (name: string, expiresInDays?: number) =>
      request<CreatedToken>(`${V1}/auth/tokens`, { method: 'POST', body: { name, expiresInDays } }),
    revokeToken: (tokenId: string) => request<unknown>(`${V1}/auth/tokens/${seg(tokenId)}`, { method: 'DELETE' }),
  },

  permissions: () => request<PermissionMatrix>(`${V1}/permissions`),

  projects: {
    list: () => request<Items<Project>>(`${V1}/projects`),
    create: (input: ProjectInput) => request<Project>(`${V1}/projects`, { method: 'POST', body: input }),
    get: (id: string) => request<Project>(p(id)),
    update: (id: string, patch: Partial<ProjectInput>) => request<Project>(p(id), { method: 'PATCH', body: patch }),
    remove: (id: string) => request<unknown>(p(id), { method: 'DELETE' }),
    access: (id: string) => request<ProjectAccess>(`${p(id)}/access`),
    dashboard: (id: string) => request<Dashboard>(`${p(id)}/dashboard`),
    audit: (id: string, query: { limit: number; offset: number; entity?: string }) => request<AuditPage>(`${p(id)}/audit`, { query }),
  },

  goals: {
    list: (id: string) => request<Items<Goal>>(`${p(id)}/goals`),
    create: (id: string, input: GoalInput) => request<Goal>(`${p(id)}/goals`, { method: 'POST', body: input }),
    get: (id: string, goalId: string) => request<Goal>(`${p(id)}/goals/${seg(goalId)}`),
    update: (id: string, goalId: string, patch: Partial<GoalInput>) =>
      request<Goal>(`${p(id)}/goals/${seg(goalId)}`, { method: 'PATCH', body: patch }),
    remove: (id: string, goalId: string) => request<unknown>(`${p(id)}/goals/${seg(goalId)}`, { method: 'DELETE' }),
    measurements: (id: string, goalId: string) => request<Items<Measurement>>(`${p(id)}/goals/${seg(goalId)}/measurements`),
    addMeasurement: (id: string, goalId: string, input: MeasurementInput) =>
      request<Measurement>(`${p(id)}/goals/${seg(goalId)}/measurements`, { method: 'POST', body: input }),
    removeMeasurement: (id: string, goalId: string, measurementId: string) =>
      request<unknown>(`${p(id)}/goals/${seg(goalId)}/measurements/${seg(measurementId)}`, { method: 'DELETE' }),
  },

  roi: {
    get: (id: string) => request<Roi>(`${p(id)}/roi`),
    saveSettings: (id: string, settings: RoiSettings) => request<Roi>(`${p(id)}/roi/settings`, { method: 'PUT', body: settings }),
    addItem: (id: string, item: { kind: RoiItemKind; label: string; amount: number }) =>
      request<Roi>(`${p(id)}/roi/items`, { method: 'POST', body: item }),
    removeItem: (id: string, itemId: string) => request<Roi>(`${p(id)}/roi/items/${seg(itemId)}`, { method: 'DELETE' }),
  },

  team: {
    members: (id: string) => request<Items<Member>>(`${p(id)}/members`),
    addMember: (id: string, input: MemberInput) => request<Member>(`${p(id)}/members`, { method: 'POST', body: input }),
    updateMember: (id: string, memberId: string, patch: Partial<MemberInput>) =>
      request<Member>(`${p(id)}/members/${seg(memberId)}`, { method: 'PATCH', body: patch }),
    removeMember: (id: string, memberId: string) => request<unknown>(`${p(id)}/members/${seg(memberId)}`, { method: 'DELETE' }),
    raci: (id: string) => request<RaciMatrix>(`${p(id)}/raci`),
    setRaci: (id: string, deliverableId: string, memberId: string, letter: RaciLetter | null) =>
      request<RaciMatrix>(`${p(id)}/raci`, { method: 'PUT', body: { deliverableId, memberId, letter } }),
    addDeliverable: (id: string, phase: string, name: string) =>
      request<unknown>(`${p(id)}/deliverables`, { method: 'POST', body: { phase, name } }),
    removeDeliverable: (id: string, deliverableId: string) =>
      request<unknown>(`${p(id)}/deliverables/${seg(deliverableId)}`, { method: 'DELETE' }),
    stakeholders: (id: string) => request<Items<Stakeholder>>(`${p(id)}/stakeholders`),
    addStakeholder: (id: string, input: StakeholderInput) => request<Stakeholder>(`${p(id)}/stakeholders`, { method: 'POST', body: input }),
    updateStakeholder: (id: string, stakeholderId: string, patch: StakeholderUpdate) =>
      request<Stakeholder>(`${p(id)}/stakeholders/${seg(stakeholderId)}`, { method: 'PATCH', body: patch }),
    removeStakeholder: (id: string, stakeholderId: string) =>
      request<unknown>(`${p(id)}/stakeholders/${seg(stakeholderId)}`, { method: 'DELETE' }),
    assess: (id: string, stakeholderId: string, input: AssessmentInput) =>
      request<unknown>(`${p(id)}/stakeholders/${seg(stakeholderId)}/assessments`, { method: 'POST', body: input }),
    exportXlsx: (id: string) => download(`${p(id)}/team/export.xlsx`, 'team.xlsx'),
  },

  uploads: {
    list: (id: string) => request<Items<Upload>>(`${p(id)}/uploads`),
    /** Streams the file as the request body; `onProgress` gets 0..1. */
    upload: (id: string, file: File, onProgress?: (fraction: number) => void) =>
      uploadFile<Upload>(buildUrl(`${p(id)}/uploads`, { filename: file.name }), file, onProgress),
  },

  jobs: {
    get: (id: string, jobId: string) => request<Job>(`${p(id)}/jobs/${seg(jobId)}`),
  },

  /** 上线 → 双轨运行: saved connections, reconciliation specs, runs, differences, history. */
  cutover: {
    connections: (id: string) => request<Items<DataConnection>>(`${p(id)}/connections`),
    createConnection: (id: string, input: ConnectionInput) =>
      request<DataConnection>(`${p(id)}/connections`, { method: 'POST', body: input }),
    updateConnection: (id: string, connectionId: string, patch: ConnectionUpdate) =>
      request<DataConnection>(`${p(id)}/connections/${seg(connectionId)}`, { method: 'PATCH', body: patch }),
    removeConnection: (id: string, connectionId: string) =>
      request<unknown>(`${p(id)}/connections/${seg(connectionId)}`, { method: 'DELETE' }),
    testConnection: (id: string, connectionId: string) =>
      request<{ ok: boolean; error: string | null }>(`${p(id)}/connections/${seg(connectionId)}/test`, { method: 'POST' }),

    specs: (id: string) => request<Items<ReconcileSpec>>(`${p(id)}/reconcile/specs`),
    exitCriteria: (id: string) => request<ExitCriteriaSummary>(`${p(id)}/reconcile/exit-criteria`),
    spec: (id: string, specId: string) => request<ReconcileSpec>(`${p(id)}/reconcile/specs/${seg(specId)}`),
    createSpec: (id: string, input: SpecInput) => request<ReconcileSpec>(`${p(id)}/reconcile/specs`, { method: 'POST', body: input }),
    updateSpec: (id: string, specId: string, patch: Partial<SpecInput>) =>
      request<ReconcileSpec>(`${p(id)}/reconcile/specs/${seg(specId)}`, { method: 'PATCH', body: patch }),
    removeSpec: (id: string, specId: string) => request<unknown>(`${p(id)}/reconcile/specs/${seg(specId)}`, { method: 'DELETE' }),
    exportSpecYaml: (id: string, specId: string) =>
      download(buildUrl(`${p(id)}/reconcile/specs/${seg(specId)}`, { format: 'yaml' }), 'reconcile-spec.yaml'),
    suggestMapping: (id: string, left: SourceRef, right: SourceRef) =>
      request<MappingSuggestion>(`${p(id)}/reconcile/suggest-mapping`, { method: 'POST', body: { left, right } }),
    testWebhook: (id: string, specId: string, body: { format?: WebhookFormat; url?: string }) =>
      request<WebhookResult>(`${p(id)}/reconcile/specs/${seg(specId)}/test-webhook`, { method: 'POST', body }),

    startRun: (id: string, specId: string, businessDate?: string) =>
      request<{ run: ReconcileRun; jobId: string }>(`${p(id)}/reconcile/specs/${seg(specId)}/run`, {
        method: 'POST',
        body: businessDate ? { businessDate } : {},
      }),
    runs: (id: string, specId: string, page: { limit: number; offset: number }) =>
      request<{ total: number; items: ReconcileRun[] }>(`${p(id)}/reconcile/specs/${seg(specId)}/runs`, { query: page }),
    history: (id: string, specId: string) => request<ReconcileHistory>(`${p(id)}/reconcile/specs/${seg(specId)}/history`),
    run: (id: string, runId: string) => request<ReconcileRun>(`${p(id)}/reconcile/runs/${seg(runId)}`),
    cancelRun: (id: string, runId: string) => request<ReconcileRun>(`${p(id)}/reconcile/runs/${seg(runId)}/cancel`, { method: 'POST' }),
    differences: (id: string, runId: string, query: DifferenceFilter & { limit: number; offset: number }) =>
      request<{ total: number; items: Difference[] }>(`${p(id)}/reconcile/runs/${seg(runId)}/differences`, { query: { ...query } }),
    resolved: (id: string, runId: string) => request<Items<ResolvedItem>>(`${p(id)}/reconcile/runs/${seg(runId)}/resolved`),
    explain: (id: string, specId: string, body: { differenceIds: string[]; explained: boolean; reason: string }) =>
      request<{ items: number }>(`${p(id)}/reconcile/specs/${seg(specId)}/explanations`, { method: 'POST', body }),
    exportDifferences: (id: string, runId: string, format: 'xlsx' | 'csv', filter: DifferenceFilter) =>
      download(buildUrl(`${p(id)}/reconcile/runs/${seg(runId)}/export`, { ...filter, format }), `differences.${format}`),
  },
};
