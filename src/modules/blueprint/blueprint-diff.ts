import type { BlueprintSnapshot, SnapshotRequirement } from './blueprint-snapshot';

export type DiffValue = string | number | null;

export interface FieldChange {
  field: string;
  before: DiffValue;
  after: DiffValue;
}

export interface RequirementDiffItem {
  id: string;
  code: string;
  title: string;
}

export interface GrantDiffItem {
  roleId: string;
  roleName: string;
  functionId: string;
  /** module / menu / action of the function. */
  functionLabel: string;
  scope: string | null;
}

export interface BlueprintDiff {
  requirements: {
    added: RequirementDiffItem[];
    removed: RequirementDiffItem[];
    changed: (RequirementDiffItem & { changes: FieldChange[] })[];
  };
  grants: {
    added: GrantDiffItem[];
    removed: GrantDiffItem[];
    changed: (GrantDiffItem & { before: string; after: string })[];
  };
  processes: {
    added: { id: string; name: string }[];
    removed: { id: string; name: string }[];
    changed: { id: string; name: string; fields: string[] }[];
  };
  thresholds: FieldChange[];
  /** Total number of differences (0 = identical content). */
  total: number;
}

/** Requirement fields compared field by field, in display order. */
export const REQUIREMENT_DIFF_FIELDS = [
  'code',
  'title',
  'description',
  'module',
  'department',
  'processStepName',
  'priority',
  'resolution',
  'configKind',
  'processChangeNote',
  'gapReason',
  'justification',
  'effortDays',
  'upgradeImpact',
  'status',
  'approvalStatus',
  'prototypes',
] as const;

function requirementValues(r: SnapshotRequirement): Record<(typeof REQUIREMENT_DIFF_FIELDS)[number], DiffValue> {
  return {
    code: r.code,
    title: r.title,
    description: r.description,
    module: r.module,
    department: r.department,
    processStepName: r.processStepName,
    priority: r.priority,
    resolution: r.resolution,
    configKind: r.configKind,
    processChangeNote: r.processChangeNote,
    gapReason: r.gapReason,
    justification: r.justification,
    effortDays: r.effortDays,
    upgradeImpact: r.upgradeImpact,
    status: r.status,
    approvalStatus: r.approval?.status ?? null,
    prototypes: r.prototypes.length ? r.prototypes.map((p) => p.fileName).join(', ') : null,
  };
}

function prototypeKey(r: SnapshotRequirement): string {
  return r.prototypes.map((p) => p.sha256).join(',');
}

/**
 * What changed from one blueprint snapshot to another: requirements (by id) added, removed and
 * changed field by field; permission grants (role × function) added, removed or with another data
 * scope; to-be processes (by id) added, removed or changed; customisation thresholds.
 */
export function diffBlueprintSnapshots(from: BlueprintSnapshot, to: BlueprintSnapshot): BlueprintDiff {
  const item = (r: SnapshotRequirement): RequirementDiffItem => ({ id: r.id, code: r.code, title: r.title });
  const fromReqs = new Map(from.requirements.map((r) => [r.id, r]));
  const toReqs = new Map(to.requirements.map((r) => [r.id, r]));
  const requirements: BlueprintDiff['requirements'] = {
    added: to.requirements.filter((r) => !fromReqs.has(r.id)).map(item),
    removed: from.requirements.filter((r) => !toReqs.has(r.id)).map(item),
    changed: [],
  };
  for (const after of to.requirements) {
    const before = fromReqs.get(after.id);
    if (!before) continue;
    const a = requirementValues(before);
    const b = requirementValues(after);
    const changes: FieldChange[] = REQUIREMENT_DIFF_FIELDS.filter((f) =>
      f === 'prototypes' ? prototypeKey(before) !== prototypeKey(after) : a[f] !== b[f],
    ).map((f) => ({ field: f, before: a[f], after: b[f] }));
    if (changes.length) requirements.changed.push({ ...item(after), changes });
  }

  const grantIndex = (s: BlueprintSnapshot) => {
    const roles = new Map(s.permissionMatrix.roles.map((r) => [r.id, r.name]));
    const functions = new Map(s.permissionMatrix.functions.map((f) => [f.id, `${f.module} / ${f.menu} / ${f.action}`]));
    return new Map(
      s.permissionMatrix.grants.map((g) => [
        `${g.roleId}:${g.functionId}`,
        {
          roleId: g.roleId,
          roleName: roles.get(g.roleId) ?? g.roleId,
          functionId: g.functionId,
          functionLabel: functions.get(g.functionId) ?? g.functionId,
          scope: g.scope as string | null,
        },
      ]),
    );
  };
  const fromGrants = grantIndex(from);
  const toGrants = grantIndex(to);
  const grants: BlueprintDiff['grants'] = { added: [], removed: [], changed: [] };
  for (const [key, g] of toGrants) {
    const before = fromGrants.get(key);
    if (!before) grants.added.push(g);
    else if (before.scope !== g.scope) grants.changed.push({ ...g, before: before.scope ?? '', after: g.scope ?? '' });
  }
  for (const [key, g] of fromGrants) if (!toGrants.has(key)) grants.removed.push(g);

  const fromProcs = new Map(from.processes.map((p) => [p.id, p]));
  const toProcs = new Map(to.processes.map((p) => [p.id, p]));
  const processes: BlueprintDiff['processes'] = {
    added: to.processes.filter((p) => !fromProcs.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    removed: from.processes.filter((p) => !toProcs.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    changed: [],
  };
  for (const after of to.processes) {
    const before = fromProcs.get(after.id);
    if (!before) continue;
    const fields = (['name', 'department', 'description', 'bpmnXml'] as const).filter((f) => before[f] !== after[f]);
    if (fields.length) processes.changed.push({ id: after.id, name: after.name, fields: [...fields] });
  }

  const thresholds: FieldChange[] = (['maxCustomShare', 'maxCustomEffortDays'] as const)
    .filter((f) => from.thresholds[f] !== to.thresholds[f])
    .map((f) => ({ field: f, before: from.thresholds[f], after: to.thresholds[f] }));

  const total =
    requirements.added.length +
    requirements.removed.length +
    requirements.changed.length +
    grants.added.length +
    grants.removed.length +
    grants.changed.length +
    processes.added.length +
    processes.removed.length +
    processes.changed.length +
    thresholds.length;
  return { requirements, grants, processes, thresholds, total };
}
