import { request } from '../../api/client';
import type { CheckView, CreateCheckInput, DecisionInput, DecisionView, GoLiveView, UpdateCheckInput } from './types';

const g = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/go-live`;
const seg = encodeURIComponent;

/** Typed calls of the go/no-go API (src/modules/go-live). */
export const goLiveApi = {
  view: (id: string) => request<GoLiveView>(g(id)),
  createCheck: (id: string, input: CreateCheckInput) => request<CheckView>(`${g(id)}/checks`, { method: 'POST', body: input }),
  /** Adds the default checklist items that are missing; answers the whole view. */
  addTemplate: (id: string) => request<GoLiveView>(`${g(id)}/checks/template`, { method: 'POST' }),
  updateCheck: (id: string, checkId: string, patch: UpdateCheckInput) =>
    request<CheckView>(`${g(id)}/checks/${seg(checkId)}`, { method: 'PATCH', body: patch }),
  removeCheck: (id: string, checkId: string) => request<{ ok: boolean }>(`${g(id)}/checks/${seg(checkId)}`, { method: 'DELETE' }),
  decide: (id: string, input: DecisionInput) => request<DecisionView>(`${g(id)}/decisions`, { method: 'POST', body: input }),
};
