import { download, request, uploadFile } from '../../api/client';
import { currentLanguage } from '../../i18n';
import type {
  BlueprintDiff,
  BlueprintVersion,
  Meter,
  ProcessOption,
  Prototype,
  Requirement,
  RequirementInput,
  RequirementList,
  Thresholds,
  VersionList,
} from './types';

const p = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;
const seg = encodeURIComponent;

/** Calls of the blueprint API (requirements, approvals, prototypes, meter, versions, document). */
export const blueprintApi = {
  list: (projectId: string) => request<RequirementList>(`${p(projectId)}/requirements`),
  create: (projectId: string, body: RequirementInput) => request<Requirement>(`${p(projectId)}/requirements`, { method: 'POST', body }),
  update: (projectId: string, id: string, body: Partial<RequirementInput>) =>
    request<Requirement>(`${p(projectId)}/requirements/${seg(id)}`, { method: 'PATCH', body }),
  remove: (projectId: string, id: string) => request<unknown>(`${p(projectId)}/requirements/${seg(id)}`, { method: 'DELETE' }),
  decide: (projectId: string, id: string, decision: 'approved' | 'rejected', comment: string) =>
    request<Requirement>(`${p(projectId)}/requirements/${seg(id)}/approval`, { method: 'POST', body: { decision, comment } }),
  exportXlsx: (projectId: string) => download(`${p(projectId)}/requirements/export.xlsx`, 'requirements.xlsx'),
  template: (projectId: string) => download(`${p(projectId)}/requirements/template.xlsx`, 'requirements-template.xlsx'),
  /** Uploads the file, then imports it (all rows or nothing). */
  importXlsx: async (projectId: string, file: File) => {
    const uploaded = await uploadFile<{ id: string }>(`${p(projectId)}/uploads?filename=${seg(file.name)}`, file);
    return request<{ created: number; updated: number; codes: string[] }>(`${p(projectId)}/requirements/import`, {
      method: 'POST',
      body: { uploadId: uploaded.id },
    });
  },
  prototypes: (projectId: string, id: string) => request<{ items: Prototype[] }>(`${p(projectId)}/requirements/${seg(id)}/prototypes`),
  prototypeUrl: (projectId: string, id: string, prototypeId: string) =>
    `${p(projectId)}/requirements/${seg(id)}/prototypes/${seg(prototypeId)}/image`,
  attachPrototype: async (projectId: string, id: string, file: File, caption: string) => {
    const uploaded = await uploadFile<{ id: string }>(`${p(projectId)}/uploads?filename=${seg(file.name)}`, file);
    return request<Prototype>(`${p(projectId)}/requirements/${seg(id)}/prototypes`, {
      method: 'POST',
      body: { uploadId: uploaded.id, caption },
    });
  },
  removePrototype: (projectId: string, id: string, prototypeId: string) =>
    request<unknown>(`${p(projectId)}/requirements/${seg(id)}/prototypes/${seg(prototypeId)}`, { method: 'DELETE' }),
  setThresholds: (projectId: string, body: Thresholds) =>
    request<Meter>(`${p(projectId)}/customisation/thresholds`, { method: 'PUT', body }),
  processes: (projectId: string) => request<{ items: ProcessOption[] }>(`${p(projectId)}/processes`, { query: { stage: 'to_be' } }),
  versions: (projectId: string) => request<VersionList>(`${p(projectId)}/blueprint/versions`),
  createVersion: (projectId: string, note: string) =>
    request<BlueprintVersion>(`${p(projectId)}/blueprint/versions`, { method: 'POST', body: { note } }),
  deleteVersion: (projectId: string, versionId: string) =>
    request<unknown>(`${p(projectId)}/blueprint/versions/${seg(versionId)}`, { method: 'DELETE' }),
  sign: (projectId: string, versionId: string, comment: string) =>
    request<BlueprintVersion>(`${p(projectId)}/blueprint/versions/${seg(versionId)}/signoffs`, { method: 'POST', body: { comment } }),
  diff: (projectId: string, from: string, to: string) => request<BlueprintDiff>(`${p(projectId)}/blueprint/diff`, { query: { from, to } }),
  documentDocx: (projectId: string, versionId?: string) =>
    download(`${p(projectId)}/blueprint/document.docx${versionId ? `?versionId=${seg(versionId)}` : ''}`, 'blueprint.docx'),
  documentHtmlUrl: (projectId: string, versionId?: string) =>
    `${p(projectId)}/blueprint/document.html?lang=${currentLanguage()}${versionId ? `&versionId=${seg(versionId)}` : ''}`,
};
