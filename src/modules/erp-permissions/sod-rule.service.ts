import type { Db, DbExecutor } from '../../db/connection';
import type { SodMitigationTable, SodRuleTable } from '../../db/schema-erp-permissions';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { loadMatrixData, seedPermissionMatrixDefaults, toSodRule } from './erp-permission-matrix.repository';
import type {
  CreateMitigationInput,
  CreateSodRuleInput,
  PermissionMatrixView,
  SodRuleView,
  UpdateSodRuleInput,
} from './erp-permission-matrix.schema';
import { computeConflicts, readMatrix } from './erp-permission-matrix.service';
import {
  deleteSodMitigationRow,
  deleteSodRuleRow,
  findMaxSodRuleSort,
  findSodMitigationRow,
  findSodRuleRow,
  insertSodMitigation,
  insertSodRule,
  listSodRuleRows,
  sodRuleCodeTaken,
  updateSodRuleRow,
} from './sod-rule.repository';

/** The project's SoD rule library (seeded with the defaults on first use). */
export async function listSodRules(db: Db, actor: Actor, projectId: string): Promise<SodRuleView[]> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    if (await seedPermissionMatrixDefaults(tx, projectId)) {
      await recordAudit(tx, actor, { projectId, entity: 'permission_matrix', entityId: projectId, action: 'seed_defaults' });
    }
    return (await listSodRuleRows(tx, projectId)).map(toSodRule);
  });
}

async function getRuleRow(db: DbExecutor, projectId: string, ruleId: string): Promise<SodRuleTable> {
  const row = await findSodRuleRow(db, projectId, ruleId);
  if (!row) throw notFound('sod_rule', ruleId);
  return row;
}

async function assertCodeFree(db: DbExecutor, projectId: string, code: string, exceptId?: string): Promise<void> {
  if (await sodRuleCodeTaken(db, projectId, code, exceptId)) {
    throw new AppError('ERP_PERMISSIONS_SOD_RULE_CODE_TAKEN', { code }, [{ field: 'code' }]);
  }
}

/** Adds a rule to the library. */
export async function createSodRule(db: Db, actor: Actor, projectId: string, input: CreateSodRuleInput): Promise<SodRuleView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertCodeFree(tx, projectId, input.code);
    const maxSort = await findMaxSodRuleSort(tx, projectId);
    const now = nowIso();
    const row: SodRuleTable = {
      id: newId(),
      project_id: projectId,
      code: input.code,
      name: input.name,
      side_a: JSON.stringify(input.sideA),
      side_b: JSON.stringify(input.sideB),
      risk_level: input.riskLevel,
      risk_description: input.riskDescription,
      enabled: input.enabled ? 1 : 0,
      sort: maxSort + 10,
      created_at: now,
      updated_at: now,
    };
    await insertSodRule(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'sod_rule', entityId: row.id, action: 'create', after: row });
    return toSodRule(row);
  });
}

/** Edits a rule (sides, risk, or enables/disables it: a disabled rule is ignored by detection). */
export async function updateSodRule(
  db: Db,
  actor: Actor,
  projectId: string,
  ruleId: string,
  input: UpdateSodRuleInput,
): Promise<SodRuleView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getRuleRow(tx, projectId, ruleId);
    if (input.code !== undefined) await assertCodeFree(tx, projectId, input.code, ruleId);
    const after: SodRuleTable = {
      ...before,
      code: input.code ?? before.code,
      name: input.name ?? before.name,
      side_a: input.sideA ? JSON.stringify(input.sideA) : before.side_a,
      side_b: input.sideB ? JSON.stringify(input.sideB) : before.side_b,
      risk_level: input.riskLevel ?? before.risk_level,
      risk_description: input.riskDescription ?? before.risk_description,
      enabled: input.enabled === undefined ? before.enabled : input.enabled ? 1 : 0,
      updated_at: nowIso(),
    };
    const { id: _id, project_id: _p, created_at: _c, ...changes } = after;
    await updateSodRuleRow(tx, ruleId, changes);
    await recordAudit(tx, actor, { projectId, entity: 'sod_rule', entityId: ruleId, action: 'update', before, after });
    return toSodRule(after);
  });
}

/** Deletes a rule and its recorded exceptions. */
export async function deleteSodRule(db: Db, actor: Actor, projectId: string, ruleId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getRuleRow(tx, projectId, ruleId);
    await deleteSodRuleRow(tx, ruleId);
    await recordAudit(tx, actor, { projectId, entity: 'sod_rule', entityId: ruleId, action: 'delete', before });
  });
}

/**
 * Records an accepted exception for a current conflict (rule × role or person) with its
 * compensating control and approver. The conflict stays listed as mitigated and no longer blocks.
 */
export async function recordSodMitigation(
  db: Db,
  actor: Actor,
  projectId: string,
  input: CreateMitigationInput,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    const rule = await getRuleRow(tx, projectId, input.ruleId).catch(() => {
      throw new AppError('ERP_PERMISSIONS_SOD_RULE_UNKNOWN', { id: input.ruleId }, [{ field: 'ruleId' }]);
    });
    const data = await loadMatrixData(tx, projectId);
    const conflict = computeConflicts(data, locale).find(
      (c) => c.ruleId === input.ruleId && c.subjectKind === input.subjectKind && c.subjectId === input.subjectId,
    );
    if (!conflict) {
      const subjects = input.subjectKind === 'person' ? data.members : data.roles;
      const subject = subjects.find((s) => s.id === input.subjectId)?.name ?? input.subjectId;
      throw new AppError('ERP_PERMISSIONS_SOD_NO_CONFLICT', { rule: rule.code, subject }, [{ field: 'subjectId' }]);
    }
    if (conflict.mitigation) {
      throw new AppError('ERP_PERMISSIONS_SOD_ALREADY_MITIGATED', { approver: conflict.mitigation.approver }, [{ field: 'subjectId' }]);
    }
    const row: SodMitigationTable = {
      id: newId(),
      project_id: projectId,
      rule_id: input.ruleId,
      subject_kind: input.subjectKind,
      subject_id: input.subjectId,
      compensating_control: input.compensatingControl,
      approver: input.approver,
      approved_on: input.approvedOn,
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await insertSodMitigation(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'sod_mitigation', entityId: row.id, action: 'create', after: row });
    return readMatrix(tx, projectId, locale);
  });
}

/** Withdraws an exception: the conflict becomes open (blocking) again. */
export async function deleteSodMitigation(
  db: Db,
  actor: Actor,
  projectId: string,
  mitigationId: string,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await findSodMitigationRow(tx, projectId, mitigationId);
    if (!before) throw notFound('sod_mitigation', mitigationId);
    await deleteSodMitigationRow(tx, mitigationId);
    await recordAudit(tx, actor, { projectId, entity: 'sod_mitigation', entityId: mitigationId, action: 'delete', before });
    return readMatrix(tx, projectId, locale);
  });
}
