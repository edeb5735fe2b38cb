import type { Db, DbExecutor } from '../../db/connection';
import type { ProcessBottleneckTable, ProcessMapTable } from '../../db/schema-assessment';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { findAssessmentSettingsRow, saveAssessmentSettingsRow } from './assessment-settings.repository';
import {
  deleteBottleneckById,
  deleteBottlenecksOfProcess,
  findBottleneckIdRowByElement,
  findBottleneckRow,
  insertBottleneck,
  listBottleneckRows,
  listBottleneckRowsOfProcess,
  updateBottleneckById,
} from './bottleneck.repository';
import { buildBlankBpmn, buildBpmnFromSteps, parseBpmn, type BpmnStep } from './bpmn';
import type { BottleneckType, ProcessStage } from './bottleneck-types';
import {
  deleteProcessById,
  findProcessIdRowByName,
  findProcessRow,
  insertProcess,
  listProcessRows,
  updateProcessById,
} from './process.repository';
import { BPMN_MAX_BYTES } from './process.schema';
import type {
  AssessmentSettings,
  BottleneckInput,
  BottleneckView,
  CreateProcessInput,
  ProcessSummary,
  ProcessView,
  UpdateBottleneckInput,
  UpdateProcessInput,
} from './process.schema';

/** Default hourly labour cost (CNY) used to price bottlenecks until the project sets its own. */
export const DEFAULT_HOURLY_LABOUR_COST = 60;

/** Monthly cost of a bottleneck: hours per case × cases per month × hourly labour cost. */
export function computeBottleneckCost(durationHours: number, volumePerMonth: number, hourlyCost: number): number {
  return Math.round(durationHours * volumePerMonth * hourlyCost * 100) / 100;
}

/** The project's assessment settings (defaults when never saved). */
export async function getAssessmentSettings(db: DbExecutor, projectId: string): Promise<AssessmentSettings> {
  const row = await findAssessmentSettingsRow(db, projectId);
  return { hourlyLabourCost: row?.hourly_labour_cost ?? DEFAULT_HOURLY_LABOUR_COST, currency: row?.currency ?? 'CNY' };
}

/** Saves the hourly labour cost used to price bottlenecks. */
export async function updateAssessmentSettings(
  db: Db,
  actor: Actor,
  projectId: string,
  input: AssessmentSettings,
): Promise<AssessmentSettings> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const before = await getAssessmentSettings(tx, projectId);
    const values = { hourly_labour_cost: input.hourlyLabourCost, currency: input.currency, updated_at: nowIso() };
    await saveAssessmentSettingsRow(tx, projectId, values);
    await recordAudit(tx, actor, { projectId, entity: 'assessment_settings', entityId: projectId, action: 'update', before, after: input });
    return getAssessmentSettings(tx, projectId);
  });
}

function checkSize(xml: string): void {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > BPMN_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${BPMN_MAX_BYTES / 1024 / 1024} MB` }, [
      { field: 'bpmnXml', reason: `${bytes} bytes` },
    ]);
  }
}

/** Steps of a stored diagram; a diagram that no longer parses yields none rather than failing every read. */
function stepsOf(xml: string): BpmnStep[] {
  try {
    return parseBpmn(xml).steps;
  } catch {
    return [];
  }
}

function presentBottleneck(row: ProcessBottleneckTable, steps: BpmnStep[], hourlyCost: number): BottleneckView {
  const step = steps.find((s) => s.elementId === row.element_id);
  return {
    id: row.id,
    processId: row.process_id,
    elementId: row.element_id,
    // The current name when the step still exists (names get edited); the recorded one otherwise.
    stepName: step?.name || row.step_name,
    type: row.type as BottleneckType,
    durationHours: row.duration_hours,
    volumePerMonth: row.volume_per_month,
    monthlyCost: computeBottleneckCost(row.duration_hours, row.volume_per_month, hourlyCost),
    note: row.note,
    orphaned: !step,
  };
}

function presentProcess(row: ProcessMapTable, bottlenecks: ProcessBottleneckTable[], hourlyCost: number): ProcessView {
  const steps = stepsOf(row.bpmn_xml);
  const views = bottlenecks.filter((b) => b.process_id === row.id).map((b) => presentBottleneck(b, steps, hourlyCost));
  return {
    id: row.id,
    stage: row.stage as ProcessStage,
    department: row.department,
    name: row.name,
    description: row.description,
    steps,
    bottleneckCount: views.length,
    orphanedCount: views.filter((b) => b.orphaned).length,
    monthlyCost: Math.round(views.reduce((sum, b) => sum + b.monthlyCost, 0) * 100) / 100,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    bpmnXml: row.bpmn_xml,
    bottlenecks: views,
  };
}

/** Process maps with steps and bottlenecks (full views), ordered by department then name. */
export async function listProcessViews(db: DbExecutor, projectId: string, stage?: ProcessStage): Promise<ProcessView[]> {
  const rows = await listProcessRows(db, projectId, stage);
  if (rows.length === 0) return [];
  const bottlenecks = await listBottleneckRows(db, projectId);
  const { hourlyLabourCost } = await getAssessmentSettings(db, projectId);
  return rows.map((r) => presentProcess(r, bottlenecks, hourlyLabourCost));
}

/** Process list without the XML (what the list pages and the blueprint's step picker need). */
export async function listProcesses(db: DbExecutor, projectId: string, stage?: ProcessStage): Promise<ProcessSummary[]> {
  await getProjectRow(db, projectId);
  const views = await listProcessViews(db, projectId, stage);
  return views.map(({ bpmnXml: _x, bottlenecks: _b, ...summary }) => summary);
}

async function getProcessRow(db: DbExecutor, projectId: string, processId: string): Promise<ProcessMapTable> {
  const row = await findProcessRow(db, projectId, processId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'process', id: processId });
  return row;
}

/** One process map with XML, steps and bottlenecks. */
export async function getProcess(db: DbExecutor, projectId: string, processId: string): Promise<ProcessView> {
  const row = await getProcessRow(db, projectId, processId);
  const bottlenecks = await listBottleneckRowsOfProcess(db, processId);
  const { hourlyLabourCost } = await getAssessmentSettings(db, projectId);
  return presentProcess(row, bottlenecks, hourlyLabourCost);
}

async function assertNameFree(
  db: DbExecutor,
  projectId: string,
  stage: string,
  department: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  if (await findProcessIdRowByName(db, projectId, { stage, department, name }, exceptId)) {
    throw new AppError('ASSESSMENT_PROCESS_NAME_TAKEN', { department, name }, [{ field: 'name' }]);
  }
}

/** Creates a process map from BPMN XML (validated), a step list (auto-laid-out) or blank. */
export async function createProcess(
  db: Db,
  actor: Actor,
  projectId: string,
  input: CreateProcessInput,
  locale: Locale,
): Promise<ProcessView> {
  if (input.bpmnXml !== undefined && input.steps !== undefined) {
    throw new AppError('ASSESSMENT_PROCESS_XML_AND_STEPS', {}, [{ field: 'steps' }]);
  }
  const [startName, endName] = locale === 'zh-CN' ? ['开始', '结束'] : ['Start', 'End'];
  let xml: string;
  if (input.bpmnXml !== undefined) xml = input.bpmnXml;
  else if (input.steps && input.steps.length > 0) xml = buildBpmnFromSteps(input.name, input.steps, { startName, endName });
  else xml = buildBlankBpmn(input.name, startName);
  checkSize(xml);
  parseBpmn(xml);
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertNameFree(tx, projectId, input.stage, input.department, input.name);
    const now = nowIso();
    const row: ProcessMapTable = {
      id: newId(),
      project_id: projectId,
      stage: input.stage,
      department: input.department,
      name: input.name,
      description: input.description,
      bpmn_xml: xml,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertProcess(tx, row);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'process_map',
      entityId: row.id,
      action: 'create',
      after: { ...row, bpmn_xml: `${xml.length} chars` },
    });
    return getProcess(tx, projectId, row.id);
  });
}

/**
 * Updates a process's fields or diagram. A new diagram is validated; bottlenecks whose element
 * disappeared are kept and reported as orphaned (the view flags them), never dropped.
 */
export async function updateProcess(
  db: Db,
  actor: Actor,
  projectId: string,
  processId: string,
  input: UpdateProcessInput,
): Promise<ProcessView> {
  if (input.bpmnXml !== undefined) {
    checkSize(input.bpmnXml);
    parseBpmn(input.bpmnXml);
  }
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getProcessRow(tx, projectId, processId);
    const department = input.department ?? before.department;
    const name = input.name ?? before.name;
    if (department !== before.department || name !== before.name)
      await assertNameFree(tx, projectId, before.stage, department, name, processId);
    const changes = {
      department,
      name,
      description: input.description ?? before.description,
      bpmn_xml: input.bpmnXml ?? before.bpmn_xml,
      updated_at: nowIso(),
    };
    await updateProcessById(tx, processId, changes);
    const summarize = (r: { department: string; name: string; description: string; bpmn_xml: string }) => ({
      department: r.department,
      name: r.name,
      description: r.description,
      bpmn_xml: `${r.bpmn_xml.length} chars`,
    });
    await recordAudit(tx, actor, {
      projectId,
      entity: 'process_map',
      entityId: processId,
      action: 'update',
      before: summarize(before),
      after: summarize(changes),
    });
    return getProcess(tx, projectId, processId);
  });
}

/** Deletes a process map and its bottlenecks. */
export async function deleteProcess(db: Db, actor: Actor, projectId: string, processId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getProcessRow(tx, projectId, processId);
    await deleteBottlenecksOfProcess(tx, processId);
    await deleteProcessById(tx, processId);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'process_map',
      entityId: processId,
      action: 'delete',
      before: { department: before.department, name: before.name },
    });
  });
}

/** The stored XML, for the `.bpmn` download. */
export async function exportProcessXml(db: DbExecutor, projectId: string, processId: string): Promise<{ fileName: string; xml: string }> {
  const row = await getProcessRow(db, projectId, processId);
  return { fileName: `${row.department}-${row.name}.bpmn`, xml: row.bpmn_xml };
}

/** Marks a step as a bottleneck; the element must exist in the diagram and not be marked already. */
export async function createBottleneck(
  db: Db,
  actor: Actor,
  projectId: string,
  processId: string,
  input: BottleneckInput,
): Promise<BottleneckView> {
  return db.kysely.transaction().execute(async (tx) => {
    const process = await getProcessRow(tx, projectId, processId);
    const steps = stepsOf(process.bpmn_xml);
    const step = steps.find((s) => s.elementId === input.elementId);
    if (!step) {
      throw new AppError('ASSESSMENT_BOTTLENECK_STEP_UNKNOWN', { process: process.name, step: input.elementId }, [{ field: 'elementId' }]);
    }
    const existing = await findBottleneckIdRowByElement(tx, processId, input.elementId);
    if (existing) {
      throw new AppError('ASSESSMENT_BOTTLENECK_TAKEN', { step: step.name || step.elementId }, [{ field: 'elementId' }]);
    }
    const now = nowIso();
    const row: ProcessBottleneckTable = {
      id: newId(),
      project_id: projectId,
      process_id: processId,
      element_id: input.elementId,
      step_name: step.name || step.elementId,
      type: input.type,
      duration_hours: input.durationHours,
      volume_per_month: input.volumePerMonth,
      note: input.note,
      created_at: now,
      updated_at: now,
    };
    await insertBottleneck(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'process_bottleneck', entityId: row.id, action: 'create', after: row });
    const { hourlyLabourCost } = await getAssessmentSettings(tx, projectId);
    return presentBottleneck(row, steps, hourlyLabourCost);
  });
}

async function getBottleneckRow(
  db: DbExecutor,
  projectId: string,
  processId: string,
  bottleneckId: string,
): Promise<ProcessBottleneckTable> {
  const row = await findBottleneckRow(db, projectId, processId, bottleneckId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'bottleneck', id: bottleneckId });
  return row;
}

/** Updates a bottleneck's type, measurements or note. */
export async function updateBottleneck(
  db: Db,
  actor: Actor,
  projectId: string,
  processId: string,
  bottleneckId: string,
  input: UpdateBottleneckInput,
): Promise<BottleneckView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getBottleneckRow(tx, projectId, processId, bottleneckId);
    const after: ProcessBottleneckTable = {
      ...before,
      type: input.type ?? before.type,
      duration_hours: input.durationHours ?? before.duration_hours,
      volume_per_month: input.volumePerMonth ?? before.volume_per_month,
      note: input.note ?? before.note,
      updated_at: nowIso(),
    };
    await updateBottleneckById(tx, bottleneckId, {
      type: after.type,
      duration_hours: after.duration_hours,
      volume_per_month: after.volume_per_month,
      note: after.note,
      updated_at: after.updated_at,
    });
    await recordAudit(tx, actor, { projectId, entity: 'process_bottleneck', entityId: bottleneckId, action: 'update', before, after });
    const process = await getProcessRow(tx, projectId, processId);
    const { hourlyLabourCost } = await getAssessmentSettings(tx, projectId);
    return presentBottleneck(after, stepsOf(process.bpmn_xml), hourlyLabourCost);
  });
}

/** Removes a bottleneck mark. */
export async function deleteBottleneck(db: Db, actor: Actor, projectId: string, processId: string, bottleneckId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getBottleneckRow(tx, projectId, processId, bottleneckId);
    await deleteBottleneckById(tx, bottleneckId);
    await recordAudit(tx, actor, { projectId, entity: 'process_bottleneck', entityId: bottleneckId, action: 'delete', before });
  });
}
