import { call, download, http } from '../../api/client';
import type { CreateRiskInput, RiskSettings, RiskUpdate } from './types';

const p = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;
const inProject = (id: string) => ({ params: { path: { id } } });
const inRisk = (id: string, riskId: string) => ({ params: { path: { id, riskId } } });

/**
 * Calls of the risks API (health, early-warning settings, register); paths, bodies and answers are
 * checked against the generated schema.gen.ts.
 */
export const risksApi = {
  /** Evaluates the early warnings now and returns the health view with its trend. */
  health: (projectId: string) => call(http.GET('/api/v1/projects/{id}/health', inProject(projectId))),
  settings: (projectId: string) => call(http.GET('/api/v1/projects/{id}/health/settings', inProject(projectId))),
  saveSettings: (projectId: string, body: RiskSettings) =>
    call(http.PUT('/api/v1/projects/{id}/health/settings', { ...inProject(projectId), body })),
  list: (projectId: string) => call(http.GET('/api/v1/projects/{id}/risks', inProject(projectId))),
  create: (projectId: string, body: CreateRiskInput) => call(http.POST('/api/v1/projects/{id}/risks', { ...inProject(projectId), body })),
  update: (projectId: string, riskId: string, body: RiskUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/risks/{riskId}', { ...inRisk(projectId, riskId), body })),
  remove: (projectId: string, riskId: string) => call(http.DELETE('/api/v1/projects/{id}/risks/{riskId}', inRisk(projectId, riskId))),
  exportXlsx: (projectId: string) => download(`${p(projectId)}/risk-register.xlsx`, 'risk-register.xlsx'),
};
