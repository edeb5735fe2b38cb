import type { Db } from '../../db/connection';
import type { Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import type { RowPlan } from './requirement-row-plan';
import { insertRequirement } from './requirement.repository';
import type { UpdateRequirementInput } from './requirement.schema';
import { applyRequirementUpdate, nextRequirementCode, requestApproval, toRequirementRow } from './requirement.service';

/**
 * Carries out checked import plans in one transaction: plans with an existing requirement update it,
 * the others are inserted (numbered after `reservedCodes` when they have no code), custom development
 * asks for approval, and the import itself is audited against the upload.
 */
export async function applyImportPlans(
  db: Db,
  actor: Actor,
  projectId: string,
  uploadId: string,
  plans: RowPlan[],
  reservedCodes: Iterable<string>,
  locale: Locale,
): Promise<{ created: number; updated: number; codes: string[] }> {
  return db.kysely.transaction().execute(async (tx) => {
    let created = 0;
    let updated = 0;
    const codes: string[] = [];
    const takenNew: string[] = [];
    const now = nowIso();
    for (const plan of plans) {
      if (plan.before) {
        const { code: _code, ...changes } = plan.input;
        await applyRequirementUpdate(tx, actor, plan.before, changes satisfies UpdateRequirementInput, locale);
        updated++;
        codes.push(plan.before.code);
        continue;
      }
      const code = plan.input.code ?? (await nextRequirementCode(tx, projectId, [...takenNew, ...reservedCodes]));
      takenNew.push(code);
      const row = toRequirementRow(projectId, code, plan.input, actor, now);
      await insertRequirement(tx, row);
      await recordAudit(tx, actor, { projectId, entity: 'requirement', entityId: row.id, action: 'create', after: row });
      if (row.resolution === 'custom_development') await requestApproval(tx, actor, projectId, row.id);
      created++;
      codes.push(code);
    }
    await recordAudit(tx, actor, {
      projectId,
      entity: 'requirement_import',
      entityId: uploadId,
      action: 'import',
      after: { created, updated },
    });
    return { created, updated, codes };
  });
}
