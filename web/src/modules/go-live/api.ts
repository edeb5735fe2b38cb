import { call, http } from '../../api/client';
import type { CreateCheckInput, DecisionInput, UpdateCheckInput } from './types';

const inProject = (id: string) => ({ params: { path: { id } } });
const inCheck = (id: string, checkId: string) => ({ params: { path: { id, checkId } } });

/** Calls of the go/no-go API; paths, bodies and answers are checked against the generated schema.gen.ts. */
export const goLiveApi = {
  view: (id: string) => call(http.GET('/api/v1/projects/{id}/go-live', inProject(id))),
  createCheck: (id: string, body: CreateCheckInput) => call(http.POST('/api/v1/projects/{id}/go-live/checks', { ...inProject(id), body })),
  /** Adds the default checklist items that are missing; answers the whole view. */
  addTemplate: (id: string) => call(http.POST('/api/v1/projects/{id}/go-live/checks/template', inProject(id))),
  updateCheck: (id: string, checkId: string, body: UpdateCheckInput) =>
    call(http.PATCH('/api/v1/projects/{id}/go-live/checks/{checkId}', { ...inCheck(id, checkId), body })),
  removeCheck: (id: string, checkId: string) => call(http.DELETE('/api/v1/projects/{id}/go-live/checks/{checkId}', inCheck(id, checkId))),
  decide: (id: string, body: DecisionInput) => call(http.POST('/api/v1/projects/{id}/go-live/decisions', { ...inProject(id), body })),
};
