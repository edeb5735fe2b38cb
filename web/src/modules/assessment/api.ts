import { download, request, uploadFile } from '../../api/client';
import { currentLanguage } from '../../i18n';
import type {
  AssessmentRole,
  AssessmentSettings,
  Bottleneck,
  BottleneckInput,
  EnvironmentView,
  EnvRequirement,
  EnvSite,
  ProbeInput,
  ProbeResult,
  ProcessStage,
  ProcessSummary,
  ProcessView,
  ReportVersion,
  RoleInput,
} from './types';

const base = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;
const seg = encodeURIComponent;

interface Items<T> {
  items: T[];
}

/** Typed calls of the assessment API (src/modules/assessment/assessment.routes.ts). */
export const assessmentApi = {
  processes: (projectId: string, stage?: ProcessStage) =>
    request<Items<ProcessSummary>>(`${base(projectId)}/processes`, { query: { stage } }).then((r) => r.items),
  process: (projectId: string, processId: string) => request<ProcessView>(`${base(projectId)}/processes/${seg(processId)}`),
  createProcess: (
    projectId: string,
    body: { stage: ProcessStage; department: string; name: string; description: string; steps?: { name: string; lane?: string }[] },
  ) => request<ProcessView>(`${base(projectId)}/processes`, { method: 'POST', body }),
  importProcess: (projectId: string, file: Blob, query: { stage: ProcessStage; department: string; name: string }) =>
    uploadFile<ProcessView>(`${base(projectId)}/processes/uploads?${new URLSearchParams(query).toString()}`, file),
  updateProcess: (
    projectId: string,
    processId: string,
    body: { department?: string; name?: string; description?: string; bpmnXml?: string },
  ) => request<ProcessView>(`${base(projectId)}/processes/${seg(processId)}`, { method: 'PATCH', body }),
  deleteProcess: (projectId: string, processId: string) =>
    request<{ ok: true }>(`${base(projectId)}/processes/${seg(processId)}`, { method: 'DELETE' }),
  exportProcess: (projectId: string, processId: string) => download(`${base(projectId)}/processes/${seg(processId)}/bpmn`, 'process.bpmn'),
  createBottleneck: (projectId: string, processId: string, body: BottleneckInput) =>
    request<Bottleneck>(`${base(projectId)}/processes/${seg(processId)}/bottlenecks`, { method: 'POST', body }),
  updateBottleneck: (projectId: string, processId: string, bottleneckId: string, body: Partial<Omit<BottleneckInput, 'elementId'>>) =>
    request<Bottleneck>(`${base(projectId)}/processes/${seg(processId)}/bottlenecks/${seg(bottleneckId)}`, { method: 'PATCH', body }),
  deleteBottleneck: (projectId: string, processId: string, bottleneckId: string) =>
    request<{ ok: true }>(`${base(projectId)}/processes/${seg(processId)}/bottlenecks/${seg(bottleneckId)}`, { method: 'DELETE' }),
  settings: (projectId: string) => request<AssessmentSettings>(`${base(projectId)}/assessment/settings`),
  saveSettings: (projectId: string, body: AssessmentSettings) =>
    request<AssessmentSettings>(`${base(projectId)}/assessment/settings`, { method: 'PUT', body }),

  roles: (projectId: string) => request<Items<AssessmentRole>>(`${base(projectId)}/assessment/roles`).then((r) => r.items),
  createRole: (projectId: string, body: RoleInput) =>
    request<AssessmentRole>(`${base(projectId)}/assessment/roles`, { method: 'POST', body }),
  updateRole: (projectId: string, roleId: string, body: Partial<RoleInput>) =>
    request<AssessmentRole>(`${base(projectId)}/assessment/roles/${seg(roleId)}`, { method: 'PATCH', body }),
  deleteRole: (projectId: string, roleId: string) =>
    request<{ ok: true }>(`${base(projectId)}/assessment/roles/${seg(roleId)}`, { method: 'DELETE' }),

  environment: (projectId: string) => request<EnvironmentView>(`${base(projectId)}/assessment/environment`),
  saveProfile: (projectId: string, items: EnvRequirement[]) =>
    request<EnvironmentView>(`${base(projectId)}/assessment/environment/profile`, { method: 'PUT', body: { items } }),
  resetProfile: (projectId: string) => request<EnvironmentView>(`${base(projectId)}/assessment/environment/profile`, { method: 'DELETE' }),
  createSite: (projectId: string, body: { name: string; note: string; facts: Record<string, string> }) =>
    request<EnvSite>(`${base(projectId)}/assessment/environment/sites`, { method: 'POST', body }),
  updateSite: (projectId: string, siteId: string, body: { name?: string; note?: string; facts?: Record<string, string> }) =>
    request<EnvSite>(`${base(projectId)}/assessment/environment/sites/${seg(siteId)}`, { method: 'PATCH', body }),
  deleteSite: (projectId: string, siteId: string) =>
    request<{ ok: true }>(`${base(projectId)}/assessment/environment/sites/${seg(siteId)}`, { method: 'DELETE' }),

  pingUrl: (projectId: string) => `${base(projectId)}/assessment/probe/ping`,
  payloadUrl: (projectId: string) => `${base(projectId)}/assessment/probe/payload`,
  submitProbe: (projectId: string, body: ProbeInput) =>
    request<ProbeResult>(`${base(projectId)}/assessment/probes`, { method: 'POST', body }),
  probes: (projectId: string) => request<Items<ProbeResult>>(`${base(projectId)}/assessment/probes`).then((r) => r.items),
  deleteProbe: (projectId: string, probeId: string) =>
    request<{ ok: true }>(`${base(projectId)}/assessment/probes/${seg(probeId)}`, { method: 'DELETE' }),

  reports: (projectId: string) => request<Items<ReportVersion>>(`${base(projectId)}/assessment/reports`).then((r) => r.items),
  /** Refused with REPORT_SECTIONS_MISSING (409, details = the empty sections) unless `force`. */
  createReport: (projectId: string, note: string, force = false) =>
    request<ReportVersion>(`${base(projectId)}/assessment/reports`, { method: 'POST', body: { note, force } }),
  reportHtmlUrl: (projectId: string, versionId: string) => `${base(projectId)}/assessment/reports/${seg(versionId)}/html`,
  draftHtmlUrl: (projectId: string) => `${base(projectId)}/assessment/report-draft/html?lang=${currentLanguage()}`,
  downloadReport: (projectId: string, versionId: string) =>
    download(`${base(projectId)}/assessment/reports/${seg(versionId)}/docx`, 'current-state-report.docx'),
};
