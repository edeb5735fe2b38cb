import { describe, expect, it } from 'vitest';
import { diffBlueprintSnapshots } from './blueprint-diff';
import type { BlueprintSnapshot, SnapshotRequirement } from './blueprint-snapshot';
import { computeCustomisationMeter, DEFAULT_THRESHOLDS } from './customisation-meter';

function requirement(id: string, overrides: Partial<SnapshotRequirement> = {}): SnapshotRequirement {
  return {
    id,
    code: `REQ-${id}`,
    title: `需求 ${id}`,
    description: '',
    module: 'finance',
    department: '财务部',
    processMapId: null,
    processElementId: null,
    processStepName: '',
    priority: 'must',
    resolution: 'standard',
    configKind: null,
    processChangeNote: '',
    gapReason: '',
    justification: '',
    effortDays: null,
    upgradeImpact: '',
    status: 'draft',
    approval: null,
    prototypes: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

function snapshot(parts: Partial<BlueprintSnapshot>): BlueprintSnapshot {
  const requirements = parts.requirements ?? [];
  return {
    schemaVersion: 1,
    takenAt: '2026-11-28T00:00:00.000Z',
    requirements,
    processes: [],
    permissionMatrix: { roles: [], functions: [], grants: [], conflicts: [] },
    thresholds: DEFAULT_THRESHOLDS,
    meter: computeCustomisationMeter(requirements, DEFAULT_THRESHOLDS, 'zh-CN'),
    ...parts,
  };
}

const process = (id: string, name: string, xml = '<x/>') => ({
  id,
  stage: 'to_be' as const,
  department: '财务部',
  name,
  description: '',
  bpmnXml: xml,
  steps: [],
  bottlenecks: [],
});

describe('blueprint diff', () => {
  it('finds nothing between equal snapshots', () => {
    const s = snapshot({ requirements: [requirement('1')] });
    expect(diffBlueprintSnapshots(s, s).total).toBe(0);
  });

  it('lists requirements added, removed and changed field by field', () => {
    const from = snapshot({ requirements: [requirement('1'), requirement('2')] });
    const to = snapshot({
      requirements: [requirement('1', { resolution: 'configuration', configKind: 'report', title: '新标题' }), requirement('3')],
    });
    const diff = diffBlueprintSnapshots(from, to);
    expect(diff.requirements.added.map((r) => r.code)).toEqual(['REQ-3']);
    expect(diff.requirements.removed.map((r) => r.code)).toEqual(['REQ-2']);
    expect(diff.requirements.changed).toHaveLength(1);
    expect(diff.requirements.changed[0]!.changes).toEqual([
      { field: 'title', before: '需求 1', after: '新标题' },
      { field: 'resolution', before: 'standard', after: 'configuration' },
      { field: 'configKind', before: null, after: 'report' },
    ]);
    expect(diff.total).toBe(3);
  });

  it('notices an approval decision and a new prototype', () => {
    const approval = {
      id: 'a',
      status: 'pending' as const,
      requestedByName: 'x',
      requestedAt: 't',
      decidedByName: null,
      comment: '',
      decidedAt: null,
    };
    const from = snapshot({ requirements: [requirement('1', { approval })] });
    const proto = { id: 'p', fileName: 'a.png', caption: '', mime: 'image/png', widthPx: 1, heightPx: 1, sha256: 'abc' };
    const to = snapshot({ requirements: [requirement('1', { approval: { ...approval, status: 'approved' }, prototypes: [proto] })] });
    const fields = diffBlueprintSnapshots(from, to).requirements.changed[0]!.changes.map((c) => c.field);
    expect(fields).toEqual(['approvalStatus', 'prototypes']);
  });

  it('compares grants by role and function, and processes by id', () => {
    const matrix = (grants: BlueprintSnapshot['permissionMatrix']['grants']): BlueprintSnapshot['permissionMatrix'] => ({
      roles: [{ id: 'r1', name: '出纳', department: '财务部', description: '' }],
      functions: [
        { id: 'f1', module: 'finance', menu: '付款单', action: 'create' },
        { id: 'f2', module: 'finance', menu: '付款单', action: 'approve' },
        { id: 'f3', module: 'finance', menu: '凭证', action: 'view' },
      ],
      grants,
      conflicts: [],
    });
    const from = snapshot({
      permissionMatrix: matrix([
        { roleId: 'r1', functionId: 'f1', scope: 'own' },
        { roleId: 'r1', functionId: 'f3', scope: 'company' },
      ]),
      processes: [process('p1', '采购付款'), process('p2', '费用报销')],
    });
    const to = snapshot({
      permissionMatrix: matrix([
        { roleId: 'r1', functionId: 'f1', scope: 'department' },
        { roleId: 'r1', functionId: 'f2', scope: 'own' },
      ]),
      processes: [process('p1', '采购付款', '<y/>'), process('p3', '月末结账')],
    });
    const diff = diffBlueprintSnapshots(from, to);
    expect(diff.grants.added.map((g) => g.functionLabel)).toEqual(['finance / 付款单 / approve']);
    expect(diff.grants.removed.map((g) => g.functionId)).toEqual(['f3']);
    expect(diff.grants.changed).toEqual([expect.objectContaining({ roleName: '出纳', before: 'own', after: 'department' })]);
    expect(diff.processes).toEqual({
      added: [{ id: 'p3', name: '月末结账' }],
      removed: [{ id: 'p2', name: '费用报销' }],
      changed: [{ id: 'p1', name: '采购付款', fields: ['bpmnXml'] }],
    });
  });

  it('reports changed thresholds', () => {
    const diff = diffBlueprintSnapshots(snapshot({}), snapshot({ thresholds: { maxCustomShare: 0.15, maxCustomEffortDays: 60 } }));
    expect(diff.thresholds).toEqual([{ field: 'maxCustomShare', before: 0.1, after: 0.15 }]);
    expect(diff.total).toBe(1);
  });
});
