import { api } from '../../api/api';
import { call, download, http } from '../../api/client';
import { currentLanguage } from '../../i18n';
import type { ApprovalDecision, RequirementInput, RequirementUpdate, Thresholds } from './types';

const p = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;
const seg = encodeURIComponent;
const inProject = (id: string) => ({ params: { path: { id } } });
const inRequirement = (id: string, requirementId: string) => ({ params: { path: { id, requirementId } } });
const inVersion = (id: string, versionId: string) => ({ params: { path: { id, versionId } } });

/**
 * Calls of the blueprint API (requirements, approvals, prototypes, meter, versions, document); paths,
 * bodies and answers are checked against the generated schema.gen.ts.
 */
export const blueprintApi = {
  list: (projectId: string) => call(http.GET('/api/v1/projects/{id}/requirements', inProject(projectId))),
  create: (projectId: string, body: RequirementInput) =>
    call(http.POST('/api/v1/projects/{id}/requirements', { ...inProject(projectId), body })),
  update: (projectId: string, id: string, body: RequirementUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/requirements/{requirementId}', { ...inRequirement(projectId, id), body })),
  remove: (projectId: string, id: string) =>
    call(http.DELETE('/api/v1/projects/{id}/requirements/{requirementId}', inRequirement(projectId, id))),
  decide: (projectId: string, id: string, decision: ApprovalDecision['decision'], comment: string) =>
    call(
      http.POST('/api/v1/projects/{id}/requirements/{requirementId}/approval', {
        ...inRequirement(projectId, id),
        body: { decision, comment },
      }),
    ),
  exportXlsx: (projectId: string) => download(`${p(projectId)}/requirements/export.xlsx`, 'requirements.xlsx'),
  template: (projectId: string) => download(`${p(projectId)}/requirements/template.xlsx`, 'requirements-template.xlsx'),
  /** Uploads the file, then imports it (all rows or nothing). */
  importXlsx: async (projectId: string, file: File) => {
    const uploaded = await api.uploads.upload(projectId, file);
    return call(http.POST('/api/v1/projects/{id}/requirements/import', { ...inProject(projectId), body: { uploadId: uploaded.id } }));
  },
  prototypes: (projectId: string, id: string) =>
    call(http.GET('/api/v1/projects/{id}/requirements/{requirementId}/prototypes', inRequirement(projectId, id))),
  prototypeUrl: (projectId: string, id: string, prototypeId: string) =>
    `${p(projectId)}/requirements/${seg(id)}/prototypes/${seg(prototypeId)}/image`,
  attachPrototype: async (projectId: string, id: string, file: File, caption: string) => {
    const uploaded = await api.uploads.upload(projectId, file);
    return call(
      http.POST('/api/v1/projects/{id}/requirements/{requirementId}/prototypes', {
        ...inRequirement(projectId, id),
        body: { uploadId: uploaded.id, caption },
      }),
    );
  },
  removePrototype: (projectId: string, id: string, prototypeId: string) =>
    call(
      http.DELETE('/api/v1/projects/{id}/requirements/{requirementId}/prototypes/{prototypeId}', {
        params: { path: { id: projectId, requirementId: id, prototypeId } },
      }),
    ),
  setThresholds: (projectId: string, body: Thresholds) =>
    call(http.PUT('/api/v1/projects/{id}/customisation/thresholds', { ...inProject(projectId), body })),
  processes: (projectId: string) =>
    call(http.GET('/api/v1/projects/{id}/processes', { params: { path: { id: projectId }, query: { stage: 'to_be' } } })),
  versions: (projectId: string) => call(http.GET('/api/v1/projects/{id}/blueprint/versions', inProject(projectId))),
  createVersion: (projectId: string, note: string) =>
    call(http.POST('/api/v1/projects/{id}/blueprint/versions', { ...inProject(projectId), body: { note } })),
  deleteVersion: (projectId: string, versionId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/blueprint/versions/{versionId}', inVersion(projectId, versionId))),
  sign: (projectId: string, versionId: string, comment: string) =>
    call(
      http.POST('/api/v1/projects/{id}/blueprint/versions/{versionId}/signoffs', { ...inVersion(projectId, versionId), body: { comment } }),
    ),
  diff: (projectId: string, from: string, to: string) =>
    call(http.GET('/api/v1/projects/{id}/blueprint/diff', { params: { path: { id: projectId }, query: { from, to } } })),
  documentDocx: (projectId: string, versionId?: string) =>
    download(`${p(projectId)}/blueprint/document.docx${versionId ? `?versionId=${seg(versionId)}` : ''}`, 'blueprint.docx'),
  documentHtmlUrl: (projectId: string, versionId?: string) =>
    `${p(projectId)}/blueprint/document.html?lang=${currentLanguage()}${versionId ? `&versionId=${seg(versionId)}` : ''}`,
};
