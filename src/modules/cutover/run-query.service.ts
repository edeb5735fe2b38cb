import type { Db, DbExecutor } from '../../db/connection';
import type { ReconcileRunTable, ReconcileSpecTable } from '../../db/schema';
import { STATUS_LABELS_ZH } from '../../engines/reconcile/write-diff-file';
import type { DiffStatus } from '../../engines/reconcile/diff-row';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { jobStatusesById } from '../jobs/job-contract';
import { parseCron, type CronSchedule } from './cron';
import type { DifferenceQuery, DifferenceView, ExitCriterionView, ExplainInput, RunView } from './cutover.schema';
import {
  countDifferences,
  countUnexplainedByRun,
  findSpecDifferenceItems,
  listDifferencePage,
  listDifferencesAfter,
  listItemRows,
  listItemsResolvedBy,
  updateItems,
  type DifferenceRow,
} from './difference.repository';
import { evaluateExitCriterion, type BusinessDayResult } from './exit-criterion';
import { countRuns, findRunRow, listLatestRunRows, listRunRows, listSucceededRunRows } from './run.repository';
import { findSpecRow, listSpecRows } from './spec.repository';

/** Unexplained differences per run: differences whose tracked item carries no explanation. */
export { countUnexplainedByRun as unexplainedByRun } from './difference.repository';

/** Presents runs with their live unexplained counts; a run whose job died shows the job's end. */
export async function presentRuns(db: DbExecutor, rows: ReconcileRunTable[]): Promise<RunView[]> {
  const unexplained = await countUnexplainedByRun(
    db,
    rows.filter((r) => r.status === 'succeeded').map((r) => r.id),
  );
  // Only a run still queued or running can be overtaken by its job's end: ask the jobs module about those.
  const jobs = await jobStatusesById(
    db,
    rows.flatMap((r) => ((r.status === 'queued' || r.status === 'running') && r.job_id ? [r.job_id] : [])),
  );
  return rows.map((r) => {
    let status = r.status as RunView['status'];
    let error = r.error;
    const job = r.job_id ? jobs.get(r.job_id) : undefined;
    if ((status === 'queued' || status === 'running') && (job?.status === 'failed' || job?.status === 'cancelled')) {
      status = job.status;
      error = error ?? job.error;
    }
    return {
      id: r.id,
      specId: r.spec_id,
      jobId: r.job_id,
      trigger: r.trigger as RunView['trigger'],
      businessDate: r.business_date,
      scheduledFor: r.scheduled_for,
      status,
      summary: r.summary ? (JSON.parse(r.summary) as RunView['summary']) : null,
      differencesTotal: Number(r.differences_total),
      statusCounts: r.status_counts ? (JSON.parse(r.status_counts) as Record<string, number>) : {},
      newCount: Number(r.new_count),
      openCount: Number(r.open_count),
      resolvedCount: Number(r.resolved_count),
      unexplained: unexplained.get(r.id) ?? 0,
      error,
      webhookStatus: r.webhook_status,
      webhookError: r.webhook_error,
      createdAt: r.created_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
    };
  });
}

/** One spec row of the project or NOT_FOUND. */
export async function getSpecRow(db: DbExecutor, projectId: string, specId: string): Promise<ReconcileSpecTable> {
  const row = await findSpecRow(db, projectId, specId);
  if (!row) throw notFound('reconcile_spec', specId);
  return row;
}

/** One run row of the project or NOT_FOUND. */
export async function getRunRow(db: DbExecutor, projectId: string, runId: string): Promise<ReconcileRunTable> {
  const row = await findRunRow(db, projectId, runId);
  if (!row) throw notFound('reconcile_run', runId);
  return row;
}

/** A spec's runs, newest first, with their total. */
export async function listRuns(
  db: Db,
  projectId: string,
  specId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: RunView[] }> {
  await getSpecRow(db.kysely, projectId, specId);
  const total = await countRuns(db.kysely, specId);
  const rows = await listRunRows(db.kysely, specId, page);
  return { total, items: await presentRuns(db.kysely, rows) };
}

/** One run. */
export async function getRun(db: DbExecutor, projectId: string, runId: string): Promise<RunView> {
  return (await presentRuns(db, [await getRunRow(db, projectId, runId)]))[0];
}

/** The latest run of each spec (any status). */
export async function latestRuns(db: DbExecutor, specIds: readonly string[]): Promise<Map<string, RunView>> {
  const map = new Map<string, RunView>();
  if (specIds.length === 0) return map;
  const rows = await listLatestRunRows(db, specIds);
  for (const view of await presentRuns(db, rows)) map.set(view.specId, view);
  return map;
}

function presentDifference(r: DifferenceRow): DifferenceView {
  return {
    id: r.id,
    itemId: r.item_id,
    key: JSON.parse(r.key_json) as (string | null)[],
    keyText: r.key_text,
    status: r.status as DifferenceView['status'],
    statusLabel: STATUS_LABELS_ZH[r.status as DiffStatus] ?? r.status,
    column: r.column_name,
    left: r.left_value,
    right: r.right_value,
    delta: r.delta,
    count: r.row_count === null ? null : Number(r.row_count),
    row: r.row_number === null ? null : Number(r.row_number),
    track: r.track as DifferenceView['track'],
    firstSeenDate: r.first_business_date ?? null,
    explained: Number(r.explained ?? 0) === 1,
    explanation: r.explanation ?? null,
    explainedBy: r.explained_by_name ?? null,
    explainedAt: r.explained_at ?? null,
  };
}

/** A page of a run's differences in engine order, with filters. */
export async function listDifferences(
  db: Db,
  projectId: string,
  runId: string,
  query: DifferenceQuery,
): Promise<{ total: number; items: DifferenceView[] }> {
  await getRunRow(db.kysely, projectId, runId);
  const { limit, offset, ...filter } = query;
  const total = await countDifferences(db.kysely, runId, filter);
  const rows = await listDifferencePage(db.kysely, runId, filter, { limit, offset });
  return { total, items: rows.map(presentDifference) };
}

/** Streams a run's (filtered) differences in batches, in engine order. */
export async function* iterateDifferences(
  db: Db,
  runId: string,
  filter: Omit<DifferenceQuery, 'limit' | 'offset'>,
  batchSize = 5000,
): AsyncGenerator<DifferenceView[]> {
  let after = -1;
  for (;;) {
    const rows = await listDifferencesAfter(db.kysely, runId, filter, after, batchSize);
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1].seq);
    yield rows.map(presentDifference);
    if (rows.length < batchSize) return;
  }
}

/** Differences that were open before this run and are gone in it. */
export async function listResolved(db: Db, projectId: string, runId: string) {
  await getRunRow(db.kysely, projectId, runId);
  const rows = await listItemsResolvedBy(db.kysely, runId);
  return rows.map((r) => ({
    itemId: r.id,
    keyText: r.key_text,
    status: r.status as DifferenceView['status'],
    column: r.column_name,
    firstSeenDate: r.first_business_date,
    explained: r.explained === 1,
    explanation: r.explanation,
  }));
}

/**
 * Marks differences explained (or not). The explanation is stored on the tracked item, so it covers
 * the same key (+column) in every run while the difference stays open.
 */
export async function explainDifferences(
  db: Db,
  actor: Actor,
  projectId: string,
  specId: string,
  input: ExplainInput,
): Promise<{ items: number }> {
  return db.kysely.transaction().execute(async (tx) => {
    await getSpecRow(tx, projectId, specId);
    const ids = [...new Set(input.differenceIds)];
    const found = await findSpecDifferenceItems(tx, projectId, specId, ids);
    const known = new Set(found.map((f) => f.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing) throw new AppError('NOT_FOUND', { entity: 'reconcile_difference', id: missing }, [{ field: 'differenceIds' }]);
    const itemIds = [...new Set(found.map((f) => f.item_id).filter((id): id is string => id !== null))];
    if (itemIds.length === 0) return { items: 0 };
    const before = await listItemRows(tx, itemIds);
    const change = input.explained
      ? { explained: 1, explanation: input.reason, explained_by: actor.userId, explained_by_name: actor.name, explained_at: nowIso() }
      : { explained: 0, explanation: null, explained_by: null, explained_by_name: null, explained_at: null };
    await updateItems(tx, itemIds, change);
    for (const item of before) {
      await recordAudit(tx, actor, {
        projectId,
        entity: 'reconcile_item',
        entityId: item.id,
        action: input.explained ? 'explain' : 'unexplain',
        before: {
          key: item.key_text,
          status: item.status,
          column: item.column_name,
          explained: item.explained === 1,
          explanation: item.explanation,
        },
        after: {
          key: item.key_text,
          status: item.status,
          column: item.column_name,
          explained: input.explained,
          explanation: change.explanation,
        },
      });
    }
    return { items: itemIds.length };
  });
}

function cronOf(spec: ReconcileSpecTable): CronSchedule | undefined {
  try {
    return parseCron(spec.schedule_cron);
  } catch {
    return undefined;
  }
}

/** Per business date, the latest successful run (what the trend and the exit criterion count). */
async function runsPerBusinessDate(db: DbExecutor, specIds: readonly string[]): Promise<Map<string, ReconcileRunTable[]>> {
  const bySpec = new Map<string, ReconcileRunTable[]>();
  if (specIds.length === 0) return bySpec;
  const rows = await listSucceededRunRows(db, specIds);
  const latest = new Map<string, ReconcileRunTable>();
  for (const row of rows) latest.set(`${row.spec_id}\u0000${row.business_date}`, row);
  for (const row of latest.values()) bySpec.set(row.spec_id, [...(bySpec.get(row.spec_id) ?? []), row]);
  return bySpec;
}

/** The exit criterion of several specs. */
export async function exitCriteria(
  db: DbExecutor,
  specs: readonly ReconcileSpecTable[],
  locale: Locale,
): Promise<Map<string, ExitCriterionView>> {
  const perDate = await runsPerBusinessDate(
    db,
    specs.map((s) => s.id),
  );
  const unexplained = await countUnexplainedByRun(
    db,
    [...perDate.values()].flat().map((r) => r.id),
  );
  const result = new Map<string, ExitCriterionView>();
  for (const spec of specs) {
    const days: BusinessDayResult[] = (perDate.get(spec.id) ?? []).map((r) => ({
      businessDate: r.business_date,
      unexplained: unexplained.get(r.id) ?? 0,
    }));
    result.set(spec.id, evaluateExitCriterion(days, spec.exit_days, cronOf(spec), locale));
  }
  return result;
}

/** Trend per business date plus the exit criterion. */
export async function specHistory(db: Db, projectId: string, specId: string, locale: Locale) {
  const spec = await getSpecRow(db.kysely, projectId, specId);
  const runs = (await runsPerBusinessDate(db.kysely, [specId])).get(specId) ?? [];
  const unexplained = await countUnexplainedByRun(
    db.kysely,
    runs.map((r) => r.id),
  );
  const trend = runs.map((r) => ({
    businessDate: r.business_date,
    runId: r.id,
    differencesTotal: Number(r.differences_total),
    unexplained: unexplained.get(r.id) ?? 0,
    statusCounts: r.status_counts ? (JSON.parse(r.status_counts) as Record<string, number>) : {},
    newCount: Number(r.new_count),
    openCount: Number(r.open_count),
    resolvedCount: Number(r.resolved_count),
  }));
  const exitCriterion = (await exitCriteria(db.kysely, [spec], locale)).get(specId)!;
  return { trend, exitCriterion };
}

/** Every spec's exit criterion in a project (for go/no-go). */
export async function projectExitCriteria(db: Db, projectId: string, locale: Locale) {
  const specs = await listSpecRows(db.kysely, projectId);
  const criteria = await exitCriteria(db.kysely, specs, locale);
  const last = await latestRuns(
    db.kysely,
    specs.map((s) => s.id),
  );
  const items = specs.map((s) => ({
    specId: s.id,
    specName: s.name,
    exitCriterion: criteria.get(s.id)!,
    lastRun: last.get(s.id) ?? null,
  }));
  return { allMet: items.length > 0 && items.every((i) => i.exitCriterion.met), items };
}
