import { sql } from 'kysely';
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
import { evaluateExitCriterion, type BusinessDayResult } from './exit-criterion';

/** Unexplained differences per run: differences whose tracked item carries no explanation. */
export async function unexplainedByRun(db: DbExecutor, runIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('reconcile_difference as d')
      .innerJoin('reconcile_item as i', 'i.id', 'd.item_id')
      .select(['d.run_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('d.run_id', 'in', chunk)
      .where('i.explained', '=', 0)
      .groupBy('d.run_id')
      .execute();
    for (const row of rows) counts.set(row.run_id, Number(row.n));
  }
  return counts;
}

function runsQuery(db: DbExecutor) {
  return db.selectFrom('reconcile_run as r').selectAll('r');
}

/** Presents runs with their live unexplained counts; a run whose job died shows the job's end. */
export async function presentRuns(db: DbExecutor, rows: ReconcileRunTable[]): Promise<RunView[]> {
  const unexplained = await unexplainedByRun(
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
  const row = await db
    .selectFrom('reconcile_spec')
    .selectAll()
    .where('id', '=', specId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) throw notFound('reconcile_spec', specId);
  return row;
}

/** One run row of the project or NOT_FOUND. */
export async function getRunRow(db: DbExecutor, projectId: string, runId: string): Promise<ReconcileRunTable> {
  const row = await db
    .selectFrom('reconcile_run')
    .selectAll()
    .where('id', '=', runId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
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
  const { total } = await db.kysely
    .selectFrom('reconcile_run')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('spec_id', '=', specId)
    .executeTakeFirstOrThrow();
  const rows = await runsQuery(db.kysely)
    .where('r.spec_id', '=', specId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total), items: await presentRuns(db.kysely, rows) };
}

/** One run. */
export async function getRun(db: DbExecutor, projectId: string, runId: string): Promise<RunView> {
  const row = await runsQuery(db).where('r.id', '=', runId).where('r.project_id', '=', projectId).executeTakeFirst();
  if (!row) throw notFound('reconcile_run', runId);
  return (await presentRuns(db, [row]))[0];
}

/** The latest run of each spec (any status). */
export async function latestRuns(db: DbExecutor, specIds: readonly string[]): Promise<Map<string, RunView>> {
  const map = new Map<string, RunView>();
  if (specIds.length === 0) return map;
  const latest = db
    .selectFrom('reconcile_run')
    .select(['spec_id', (eb) => eb.fn.max('created_at').as('at')])
    .where('spec_id', 'in', specIds)
    .groupBy('spec_id')
    .as('latest');
  const rows = await runsQuery(db)
    .innerJoin(latest, (join) => join.onRef('latest.spec_id', '=', 'r.spec_id').onRef('latest.at', '=', 'r.created_at'))
    .execute();
  for (const view of await presentRuns(db, rows)) map.set(view.specId, view);
  return map;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filteredDifferences(db: DbExecutor, runId: string, filter: Omit<DifferenceQuery, 'limit' | 'offset'>) {
  let query = db.selectFrom('reconcile_difference as d').leftJoin('reconcile_item as i', 'i.id', 'd.item_id').where('d.run_id', '=', runId);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.column) query = query.where('d.column_name', '=', filter.column);
  if (filter.track) query = query.where('d.track', '=', filter.track);
  if (filter.key) {
    const pattern = `%${escapeLike(filter.key.toLowerCase())}%`;
    query = query.where(sql<boolean>`lower(d.key_text) like ${pattern} escape '\\'`);
  }
  if (filter.explained === 'yes') query = query.where('i.explained', '=', 1);
  if (filter.explained === 'no') query = query.where((eb) => eb.or([eb('i.explained', '=', 0), eb('i.explained', 'is', null)]));
  return query;
}

/** The columns a difference view needs. */
function differenceColumns<T extends ReturnType<typeof filteredDifferences>>(query: T) {
  return query.select([
    'd.id',
    'd.seq',
    'd.item_id',
    'd.key_json',
    'd.key_text',
    'd.status',
    'd.column_name',
    'd.left_value',
    'd.right_value',
    'd.delta',
    'd.row_count',
    'd.row_number',
    'd.track',
    'i.first_business_date',
    'i.explained',
    'i.explanation',
    'i.explained_by_name',
    'i.explained_at',
  ]);
}

type DifferenceRow = Awaited<ReturnType<ReturnType<typeof differenceColumns>['execute']>>[number];

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
  const { total } = await filteredDifferences(db.kysely, runId, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await differenceColumns(filteredDifferences(db.kysely, runId, filter))
    .orderBy('d.seq')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total), items: rows.map(presentDifference) };
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
    const rows = await differenceColumns(filteredDifferences(db.kysely, runId, filter))
      .where('d.seq', '>', after)
      .orderBy('d.seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1].seq);
    yield rows.map(presentDifference);
    if (rows.length < batchSize) return;
  }
}

/** Differences that were open before this run and are gone in it. */
export async function listResolved(db: Db, projectId: string, runId: string) {
  await getRunRow(db.kysely, projectId, runId);
  const rows = await db.kysely
    .selectFrom('reconcile_item')
    .selectAll()
    .where('resolved_run_id', '=', runId)
    .orderBy('key_text')
    .orderBy('column_name')
    .execute();
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
    const found = await tx
      .selectFrom('reconcile_difference')
      .select(['id', 'item_id'])
      .where('id', 'in', ids)
      .where('spec_id', '=', specId)
      .where('project_id', '=', projectId)
      .execute();
    const known = new Set(found.map((f) => f.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing)
      throw new AppError('NOT_FOUND', { entity: 'reconcile_difference', id: missing }, [
        { field: 'differenceIds', reason: `unknown: ${missing}` },
      ]);
    const itemIds = [...new Set(found.map((f) => f.item_id).filter((id): id is string => id !== null))];
    if (itemIds.length === 0) return { items: 0 };
    const before = await tx.selectFrom('reconcile_item').selectAll().where('id', 'in', itemIds).execute();
    const change = input.explained
      ? { explained: 1, explanation: input.reason, explained_by: actor.userId, explained_by_name: actor.name, explained_at: nowIso() }
      : { explained: 0, explanation: null, explained_by: null, explained_by_name: null, explained_at: null };
    await tx.updateTable('reconcile_item').set(change).where('id', 'in', itemIds).execute();
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
  const rows = await db
    .selectFrom('reconcile_run')
    .selectAll()
    .where('spec_id', 'in', specIds)
    .where('status', '=', 'succeeded')
    .orderBy('business_date')
    .orderBy('finished_at')
    .execute();
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
  const unexplained = await unexplainedByRun(
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
  const unexplained = await unexplainedByRun(
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
  const specs = await db.kysely.selectFrom('reconcile_spec').selectAll().where('project_id', '=', projectId).orderBy('name').execute();
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
