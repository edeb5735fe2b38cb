import { buildUrl, call, download, http, uploadFile } from '../../api/client';
import type { QueryOf, ResponseOf } from '../../api/schema';
import { currentLanguage } from '../../i18n';
import type {
  AssessmentSettings,
  BottleneckInput,
  BottleneckUpdate,
  EnvRequirement,
  ProbeInput,
  ProcessInput,
  ProcessStage,
  ProcessUpdate,
  RoleInput,
  RoleUpdate,
  SiteInput,
  SiteUpdate,
} from './types';

const base = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;
const seg = encodeURIComponent;
const inProject = (id: string) => ({ params: { path: { id } } });
const inProcess = (id: string, processId: string) => ({ params: { path: { id, processId } } });

/**
 * Typed calls of the assessment API (src/modules/assessment/*.routes.ts); paths, bodies and answers
 * are checked against the generated schema.gen.ts.
 */
export const assessmentApi = {
  processes: (projectId: string, stage?: ProcessStage) =>
    call(http.GET('/api/v1/projects/{id}/processes', { params: { path: { id: projectId }, query: { stage } } })).then((r) => r.items),
  process: (projectId: string, processId: string) =>
    call(http.GET('/api/v1/projects/{id}/processes/{processId}', inProcess(projectId, processId))),
  createProcess: (projectId: string, body: ProcessInput) =>
    call(http.POST('/api/v1/projects/{id}/processes', { ...inProject(projectId), body })),
  importProcess: (projectId: string, file: Blob, query: QueryOf<'/api/v1/projects/{id}/processes/uploads', 'put'>) =>
    uploadFile<ResponseOf<'/api/v1/projects/{id}/processes/uploads', 'put'>>(buildUrl(`${base(projectId)}/processes/uploads`, query), file),
  updateProcess: (projectId: string, processId: string, body: ProcessUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/processes/{processId}', { ...inProcess(projectId, processId), body })),
  deleteProcess: (projectId: string, processId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/processes/{processId}', inProcess(projectId, processId))),
  exportProcess: (projectId: string, processId: string) => download(`${base(projectId)}/processes/${seg(processId)}/bpmn`, 'process.bpmn'),
  createBottleneck: (projectId: string, processId: string, body: BottleneckInput) =>
    call(http.POST('/api/v1/projects/{id}/processes/{processId}/bottlenecks', { ...inProcess(projectId, processId), body })),
  updateBottleneck: (projectId: string, processId: string, bottleneckId: string, body: BottleneckUpdate) =>
    call(
      http.PATCH('/api/v1/projects/{id}/processes/{processId}/bottlenecks/{bottleneckId}', {
        params: { path: { id: projectId, processId, bottleneckId } },
        body,
      }),
    ),
  deleteBottleneck: (projectId: string, processId: string, bottleneckId: string) =>
    call(
      http.DELETE('/api/v1/projects/{id}/processes/{processId}/bottlenecks/{bottleneckId}', {
        params: { path: { id: projectId, processId, bottleneckId } },
      }),
    ),
  settings: (projectId: string) => call(http.GET('/api/v1/projects/{id}/assessment/settings', inProject(projectId))),
  saveSettings: (projectId: string, body: AssessmentSettings) =>
    call(http.PUT('/api/v1/projects/{id}/assessment/settings', { ...inProject(projectId), body })),

  roles: (projectId: string) => call(http.GET('/api/v1/projects/{id}/assessment/roles', inProject(projectId))).then((r) => r.items),
  createRole: (projectId: string, body: RoleInput) =>
    call(http.POST('/api/v1/projects/{id}/assessment/roles', { ...inProject(projectId), body })),
  updateRole: (projectId: string, roleId: string, body: RoleUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/assessment/roles/{roleId}', { params: { path: { id: projectId, roleId } }, body })),
  deleteRole: (projectId: string, roleId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/assessment/roles/{roleId}', { params: { path: { id: projectId, roleId } } })),

  environment: (projectId: string) => call(http.GET('/api/v1/projects/{id}/assessment/environment', inProject(projectId))),
  saveProfile: (projectId: string, items: EnvRequirement[]) =>
    call(http.PUT('/api/v1/projects/{id}/assessment/environment/profile', { ...inProject(projectId), body: { items } })),
  resetProfile: (projectId: string) => call(http.DELETE('/api/v1/projects/{id}/assessment/environment/profile', inProject(projectId))),
  createSite: (projectId: string, body: SiteInput) =>
    call(http.POST('/api/v1/projects/{id}/assessment/environment/sites', { ...inProject(projectId), body })),
  updateSite: (projectId: string, siteId: string, body: SiteUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/assessment/environment/sites/{siteId}', { params: { path: { id: projectId, siteId } }, body })),
  deleteSite: (projectId: string, siteId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/assessment/environment/sites/{siteId}', { params: { path: { id: projectId, siteId } } })),

  pingUrl: (projectId: string) => `${base(projectId)}/assessment/probe/ping`,
  payloadUrl: (projectId: string) => `${base(projectId)}/assessment/probe/payload`,
  submitProbe: (projectId: string, body: ProbeInput) =>
    call(http.POST('/api/v1/projects/{id}/assessment/probes', { ...inProject(projectId), body })),
  probes: (projectId: string) => call(http.GET('/api/v1/projects/{id}/assessment/probes', inProject(projectId))).then((r) => r.items),
  deleteProbe: (projectId: string, probeId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/assessment/probes/{probeId}', { params: { path: { id: projectId, probeId } } })),

  reports: (projectId: string) => call(http.GET('/api/v1/projects/{id}/assessment/reports', inProject(projectId))).then((r) => r.items),
  /** Refused with REPORT_SECTIONS_MISSING (409, details = the empty sections) unless `force`. */
  createReport: (projectId: string, note: string, force = false) =>
    call(http.POST('/api/v1/projects/{id}/assessment/reports', { ...inProject(projectId), body: { note, force } })),
  reportHtmlUrl: (projectId: string, versionId: string) => `${base(projectId)}/assessment/reports/${seg(versionId)}/html`,
  draftHtmlUrl: (projectId: string) => `${base(projectId)}/assessment/report-draft/html?lang=${currentLanguage()}`,
  downloadReport: (projectId: string, versionId: string) =>
    download(`${base(projectId)}/assessment/reports/${seg(versionId)}/docx`, 'current-state-report.docx'),
};
