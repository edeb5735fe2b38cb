import { download, request } from '../../api/client';
import type { CreateRiskInput, HealthView, RiskFields, RiskSettings, RiskView } from './types';

const p = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;
const one = (projectId: string, riskId: string) => `${p(projectId)}/risks/${encodeURIComponent(riskId)}`;

/** Typed calls of the risks API (src/modules/risks/risk.routes.ts). */
export const risksApi = {
  /** Evaluates the early warnings now and returns the health view with its trend. */
  health: (projectId: string) => request<HealthView>(`${p(projectId)}/health`),
  settings: (projectId: string) => request<RiskSettings>(`${p(projectId)}/health/settings`),
  saveSettings: (projectId: string, settings: RiskSettings) =>
    request<RiskSettings>(`${p(projectId)}/health/settings`, { method: 'PUT', body: settings }),
  list: (projectId: string) => request<{ items: RiskView[] }>(`${p(projectId)}/risks`),
  create: (projectId: string, input: CreateRiskInput) => request<RiskView>(`${p(projectId)}/risks`, { method: 'POST', body: input }),
  update: (projectId: string, riskId: string, patch: Partial<RiskFields>) =>
    request<RiskView>(one(projectId, riskId), { method: 'PATCH', body: patch }),
  remove: (projectId: string, riskId: string) => request<unknown>(one(projectId, riskId), { method: 'DELETE' }),
  exportXlsx: (projectId: string) => download(`${p(projectId)}/risk-register.xlsx`, 'risk-register.xlsx'),
};
