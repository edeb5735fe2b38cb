import type { DbExecutor } from '../../db/connection';
import type { Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import { getProcessSnapshots, type ProcessSnapshot } from '../assessment/process-snapshot';
import { getProjectRow, parseModulesInScope } from '../projects/project.service';
import { computeCustomisationMeter } from './customisation-meter';
import { getPermissionMatrixSnapshot, type PermissionMatrixSnapshot } from '../erp-permissions/erp-permission-matrix-snapshot';
import { listProjectPrototypes } from './prototype.service';
import type { MeterView, RequirementView, Thresholds } from './requirement.schema';
import { getThresholds, listRequirementViews } from './requirement.service';

/** A prototype as a version refers to it (the bytes stay in `requirement_prototype`, never hard-deleted). */
export interface SnapshotPrototype {
  id: string;
  fileName: string;
  caption: string;
  mime: string;
  widthPx: number;
  heightPx: number;
  sha256: string;
}

export type SnapshotRequirement = Omit<RequirementView, 'projectId' | 'prototypeCount'> & { prototypes: SnapshotPrototype[] };

/** Everything a blueprint version freezes. */
export interface BlueprintSnapshot {
  schemaVersion: 1;
  takenAt: string;
  requirements: SnapshotRequirement[];
  processes: ProcessSnapshot[];
  permissionMatrix: PermissionMatrixSnapshot;
  thresholds: Thresholds;
  meter: MeterView;
  /**
   * The project's ERP modules in scope when the snapshot was taken (the document's business-area
   * sections follow them). Absent in snapshots taken before it was recorded: the current scope is used.
   */
  modulesInScope?: string[];
}

/**
 * The live blueprint as one JSON-able value: requirements with approvals and prototype references,
 * to-be processes, the permission matrix with its SoD conflicts, thresholds and the meter.
 * Localized parts (SoD explanations, meter messages) are taken in `locale`.
 */
export async function takeBlueprintSnapshot(db: DbExecutor, projectId: string, locale: Locale): Promise<BlueprintSnapshot> {
  const [project, views, prototypes, thresholds, processes, permissionMatrix] = await Promise.all([
    getProjectRow(db, projectId),
    listRequirementViews(db, projectId),
    listProjectPrototypes(db, projectId),
    getThresholds(db, projectId),
    getProcessSnapshots(db, projectId, 'to_be'),
    getPermissionMatrixSnapshot(db, projectId, locale),
  ]);
  const byRequirement = new Map<string, SnapshotPrototype[]>();
  for (const p of prototypes) {
    const list = byRequirement.get(p.requirementId) ?? [];
    list.push({
      id: p.id,
      fileName: p.fileName,
      caption: p.caption,
      mime: p.mime,
      widthPx: p.widthPx,
      heightPx: p.heightPx,
      sha256: p.sha256,
    });
    byRequirement.set(p.requirementId, list);
  }
  const requirements: SnapshotRequirement[] = views.map(({ projectId: _p, prototypeCount: _c, ...r }) => ({
    ...r,
    prototypes: byRequirement.get(r.id) ?? [],
  }));
  return {
    schemaVersion: 1,
    takenAt: nowIso(),
    requirements,
    processes,
    permissionMatrix,
    thresholds,
    meter: computeCustomisationMeter(requirements, thresholds, locale),
    modulesInScope: parseModulesInScope(project.modules_in_scope),
  };
}
