import { download, request } from './client';
import type {
  ApiToken,
  AssessmentInput,
  AuditPage,
  CreatedToken,
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
};
