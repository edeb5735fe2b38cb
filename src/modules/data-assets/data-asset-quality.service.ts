import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/connection';
import type { UploadTable } from '../../db/schema';
import type { DataAssetRuleFailureTable, DataAssetRuleRunTable, DataAssetTable } from '../../db/schema-data-assets';
import { previewCleansing, writeCleansedCsv, type CleansePreview } from '../../engines/quality/cleanse';
import { ruleSetSchema, type CleanseRecipe, type RuleSet } from '../../engines/quality/quality-schema';
import { runQualityRules, type RuleFailure, type RuleOutcome } from '../../engines/quality/run-rules';
import type { DatasetInput } from '../../engines/quality/workspace';
import { downloadTable, type FileDownload } from '../../engines/export/temp-download';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { cleanError } from '../cutover/source-resolver';
import { registerJobHandler, type JobQueue } from '../jobs/job-queue';
import { findJobRuntime } from '../jobs/job-runtime';
import { registerStoredUpload, uploadExists } from '../uploads/upload-contract';
import type { FailureView, ProfileRunView, RuleRunView } from './data-asset.schema';
import { assetRecipe, assetRuleSet, getAsset, getAssetRow, resolveAssetRow, startProfileRun, type AssetSource } from './data-asset.service';
import type { AssetView } from './data-asset.schema';
import { findAssetRow, findAssetRowByName, insertAsset, updateAssetRow } from './data-asset.repository';
import {
  attachRuleRunJob,
  countRuleFailures,
  deleteRuleFailures,
  findRuleRunById,
  findRuleRunRow,
  insertRuleFailures,
  insertRuleRun,
  listRuleFailurePage,
  listRuleFailuresAfter,
  listRuleRunRows,
  updateRuleRun,
} from './data-asset-rule-run.repository';

/** Resolves the other assets a rule set or recipe names (reference rules, mapping datasets). */
async function resolveDatasets(
  db: Db,
  projectId: string,
  ids: string[],
  dataDir: string,
  field: string,
): Promise<{ datasets: Record<string, DatasetInput>; sources: AssetSource[] }> {
  const datasets: Record<string, DatasetInput> = {};
  const sources: AssetSource[] = [];
  for (const id of new Set(ids)) {
    const row = await findAssetRow(db.kysely, projectId, id);
    if (!row) throw new AppError('DATA_ASSETS_REFERENCE_UNKNOWN', { id }, [{ field }]);
    const source = await resolveAssetRow(db, row, dataDir);
    sources.push(source);
    datasets[id] = { spec: source.spec, options: source.options, label: row.name };
  }
  return { datasets, sources };
}

function presentRuleRun(row: DataAssetRuleRunTable): RuleRunView {
  return {
    id: row.id,
    assetId: row.asset_id,
    status: row.status as RuleRunView['status'],
    jobId: row.job_id,
    rows: row.rows === null ? null : Number(row.rows),
    failuresTotal: Number(row.failures_total),
    rules: JSON.parse(row.summary) as RuleOutcome[],
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

const INSERT_CHUNK = 500;

/** The job type that runs an asset's rule set. */
export const RULES_JOB = 'data_asset.rules';

interface RulesJobPayload {
  runId: string;
  locale: Locale;
}

/**
 * Queues a run of the asset's rule set (a background job: millions of rows take a while). The
 * rule set and its referenced assets are checked now, so a bad set fails at once with its field.
 */
export async function startRuleRun(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  assetId: string,
  dataDir: string,
  locale: Locale,
): Promise<{ run: RuleRunView; jobId: string }> {
  const asset = await getAssetRow(db.kysely, projectId, assetId);
  const ruleSet = assetRuleSet(asset);
  if (ruleSet.rules.length === 0) throw new AppError('DATA_ASSETS_NO_RULES', {}, [{ field: 'ruleSet' }]);
  const refs = ruleSet.rules.flatMap((r) => (r.kind === 'reference' ? [r.datasetId] : []));
  await resolveDatasets(db, projectId, refs, dataDir, 'ruleSet');
  const row: DataAssetRuleRunTable = {
    id: newId(),
    project_id: projectId,
    asset_id: assetId,
    status: 'queued',
    job_id: null,
    rows: null,
    failures_total: 0,
    summary: '[]',
    rule_set: JSON.stringify(ruleSet),
    error: null,
    created_by: actor.userId,
    created_at: nowIso(),
    finished_at: null,
  };
  await db.kysely.transaction().execute(async (tx) => {
    await insertRuleRun(tx, row);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'data_asset_rule_run',
      entityId: row.id,
      action: 'create',
      after: { assetId, ruleSet },
    });
  });
  try {
    const job = await jobs.enqueue<RulesJobPayload>(
      RULES_JOB,
      { runId: row.id, locale },
      { projectId, createdBy: actor.userId, maxAttempts: 1 },
    );
    await attachRuleRunJob(db.kysely, row.id, job.id);
    return { run: presentRuleRun({ ...row, job_id: job.id }), jobId: job.id };
  } catch (error) {
    const message = `could not queue the job: ${error instanceof Error ? error.message : String(error)}`;
    await updateRuleRun(db.kysely, row.id, { status: 'failed', error: message, finished_at: nowIso() });
    throw error;
  }
}

/**
 * Runs a queued rule run and stores every failing row (no cap), in batches as they stream out of
 * DuckDB. A run that fails is marked failed and its partial failures removed, so a succeeded run
 * is always complete.
 */
export async function executeRuleRun(
  db: Db,
  dataDir: string,
  runId: string,
  locale: Locale,
  onProgress?: (progress: number, message: string) => void,
): Promise<RuleRunView> {
  const run = await findRuleRunById(db.kysely, runId);
  if (!run) throw new Error(`rule run ${runId} does not exist`);
  if (run.status !== 'queued' && run.status !== 'running') return presentRuleRun(run);
  await updateRuleRun(db.kysely, runId, { status: 'running' });
  await deleteRuleFailures(db.kysely, runId);
  const sources: AssetSource[] = [];
  let seq = 0;
  try {
    const asset = await getAssetRow(db.kysely, run.project_id, run.asset_id);
    const ruleSet = ruleSetSchema.parse(JSON.parse(run.rule_set));
    const source = await resolveAssetRow(db, asset, dataDir);
    sources.push(source);
    const refs = ruleSet.rules.flatMap((r) => (r.kind === 'reference' ? [r.datasetId] : []));
    const resolved = await resolveDatasets(db, run.project_id, refs, dataDir, 'ruleSet');
    sources.push(...resolved.sources);
    onProgress?.(0.1, '运行校验规则');
    const result = await runQualityRules({ spec: source.spec, options: source.options, label: asset.name }, ruleSet, {
      keyColumns: JSON.parse(asset.key_columns) as string[],
      datasets: resolved.datasets,
      locale,
      onFailures: async (batch: RuleFailure[]) => {
        for (let i = 0; i < batch.length; i += INSERT_CHUNK) {
          const values = batch.slice(i, i + INSERT_CHUNK).map((f): DataAssetRuleFailureTable => ({
            run_id: runId,
            seq: ++seq,
            rule_id: f.ruleId,
            row_number: f.row,
            key_text: f.key,
            column_name: f.column,
            value: f.value,
            reason: f.reason,
          }));
          await insertRuleFailures(db.kysely, values);
        }
        onProgress?.(0.5, `已保存 ${seq} 条不合格记录`);
      },
    });
    const done = {
      status: 'succeeded',
      rows: result.rows,
      failures_total: result.failuresTotal,
      summary: JSON.stringify(result.rules),
      finished_at: nowIso(),
    };
    await updateRuleRun(db.kysely, runId, done);
    return presentRuleRun({ ...run, ...done });
  } catch (error) {
    const cleaned = cleanError(error, sources);
    await deleteRuleFailures(db.kysely, runId);
    await updateRuleRun(db.kysely, runId, {
      status: 'failed',
      error: cleaned instanceof Error ? cleaned.message : String(cleaned),
      finished_at: nowIso(),
    });
    throw cleaned;
  }
}

registerJobHandler<RulesJobPayload>(RULES_JOB, async (ctx) => {
  const runtime = await findJobRuntime(ctx.jobId);
  if (!runtime) throw new Error(`${RULES_JOB}: the data-assets module has no database in this process`);
  await updateRuleRun(runtime.db.kysely, ctx.payload.runId, { job_id: ctx.jobId });
  const run = await executeRuleRun(runtime.db, runtime.dataDir, ctx.payload.runId, ctx.payload.locale, (progress, message) => {
    ctx.reportProgress(progress, message).catch(() => undefined);
  });
  return { runId: run.id, rows: run.rows, failuresTotal: run.failuresTotal };
});

/** One rule run. */
export async function getRuleRun(db: Db, projectId: string, assetId: string, runId: string): Promise<RuleRunView> {
  return presentRuleRun(await getRuleRunRow(db, projectId, assetId, runId));
}

/** An asset's rule runs, newest first. */
export async function listRuleRuns(db: Db, projectId: string, assetId: string): Promise<RuleRunView[]> {
  await getAssetRow(db.kysely, projectId, assetId);
  return (await listRuleRunRows(db.kysely, assetId, 50)).map(presentRuleRun);
}

async function getRuleRunRow(db: Db, projectId: string, assetId: string, runId: string): Promise<DataAssetRuleRunTable> {
  const row = await findRuleRunRow(db.kysely, projectId, assetId, runId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'data_asset_rule_run', id: runId });
  return row;
}

/** One page of a rule run's failing rows (optionally of one rule), in rule then row order. */
export async function listFailures(
  db: Db,
  projectId: string,
  assetId: string,
  runId: string,
  query: { ruleId?: string; offset: number; limit: number },
): Promise<{ total: number; items: FailureView[] }> {
  await getRuleRunRow(db, projectId, assetId, runId);
  const [total, rows] = await Promise.all([
    countRuleFailures(db.kysely, runId, query.ruleId),
    listRuleFailurePage(db.kysely, runId, query),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      seq: Number(r.seq),
      ruleId: r.rule_id,
      row: Number(r.row_number),
      key: r.key_text,
      column: r.column_name,
      value: r.value,
      reason: r.reason,
    })),
  };
}

const FAILURE_HEADERS_ZH = ['规则编号', '规则', '行号', '键', '列', '值', '原因'];

/** Every failing row of a run as CSV (UTF-8 with BOM for Excel) or XLSX, with Chinese headers. */
export async function exportFailures(
  db: Db,
  projectId: string,
  assetId: string,
  runId: string,
  format: 'csv' | 'xlsx',
  ruleId?: string,
): Promise<FileDownload> {
  const asset = await getAssetRow(db.kysely, projectId, assetId);
  const run = await getRuleRunRow(db, projectId, assetId, runId);
  const labels = new Map((JSON.parse(run.summary) as RuleOutcome[]).map((r) => [r.ruleId, r.label]));
  async function* pages(): AsyncGenerator<(string | number | null)[][]> {
    let after = 0;
    for (;;) {
      const rows = await listRuleFailuresAfter(db.kysely, runId, after, 5000, ruleId);
      if (!rows.length) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map((r) => [r.rule_id, labels.get(r.rule_id) ?? '', Number(r.row_number), r.key_text, r.column_name, r.value, r.reason]);
    }
  }
  return downloadTable('golive-rule-export-', `${asset.name}-校验不合格行.${format}`, {
    format,
    sheetName: '不合格行',
    header: FAILURE_HEADERS_ZH,
    rows: pages(),
  });
}

async function recipeInputs(
  db: Db,
  asset: DataAssetTable,
  recipe: CleanseRecipe,
  dataDir: string,
): Promise<{ input: DatasetInput; datasets: Record<string, DatasetInput>; sources: AssetSource[] }> {
  const source = await resolveAssetRow(db, asset, dataDir);
  const ids = recipe.steps.flatMap((s) => (s.kind === 'map' && s.dataset ? [s.dataset.datasetId] : []));
  const { datasets, sources } = await resolveDatasets(db, asset.project_id, ids, dataDir, 'recipe');
  return { input: { spec: source.spec, options: source.options, label: asset.name }, datasets, sources: [source, ...sources] };
}

/** Before/after counts and samples of a recipe (the given one, else the stored one); nothing is written. */
export async function previewAssetCleansing(
  db: Db,
  projectId: string,
  assetId: string,
  dataDir: string,
  recipe?: CleanseRecipe,
): Promise<CleansePreview> {
  const asset = await getAssetRow(db.kysely, projectId, assetId);
  const used = recipe ?? assetRecipe(asset);
  const { input, datasets, sources } = await recipeInputs(db, asset, used, dataDir);
  try {
    return await previewCleansing(input, used, { datasets });
  } catch (error) {
    throw cleanError(error, sources);
  }
}

/** Writes the cleaned asset as UTF-8 CSV to `path` (the source is never modified). */
export async function writeCleanedAsset(db: Db, asset: DataAssetTable, dataDir: string, path: string): Promise<CleansePreview> {
  const recipe = assetRecipe(asset);
  const { input, datasets, sources } = await recipeInputs(db, asset, recipe, dataDir);
  try {
    return await writeCleansedCsv(input, recipe, path, { datasets });
  } catch (error) {
    throw cleanError(error, sources);
  }
}

/** The name of an asset's cleaned twin. */
export function cleanedAssetName(name: string): string {
  return `${name}（清洗后）`;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Applies the stored recipe and registers the result as a derived asset "<name>（清洗后）" (an
 * uploaded CSV under the data directory), then profiles it, so the score can be compared with the
 * source's. Running it again points the same derived asset at the new file; earlier files and
 * profiles stay as history.
 */
export async function produceCleanedAsset(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  assetId: string,
  dataDir: string,
): Promise<{ asset: AssetView; preview: CleansePreview; profileRun: ProfileRunView }> {
  const source = await getAssetRow(db.kysely, projectId, assetId);
  const uploadId = newId();
  const name = cleanedAssetName(source.name);
  const folder = join(dataDir, 'uploads', projectId);
  await mkdir(folder, { recursive: true });
  const fileName = `${name}.csv`.replace(/[\p{Cc}<>:"/\\|?*]/gu, '_');
  const path = join(folder, `${uploadId}-${fileName}`);
  let derivedId: string;
  try {
    const preview = await writeCleanedAsset(db, source, dataDir, path);
    const [size, sha256] = [(await stat(path)).size, await sha256File(path)];
    derivedId = await db.kysely.transaction().execute(async (tx) => {
      const now = nowIso();
      const upload: UploadTable = {
        id: uploadId,
        project_id: projectId,
        original_name: fileName,
        stored_path: path,
        size,
        sha256,
        content_type: 'text/csv',
        created_by: actor.userId,
        created_at: now,
      };
      await registerStoredUpload(tx, upload);
      await recordAudit(tx, actor, {
        projectId,
        entity: 'upload',
        entityId: uploadId,
        action: 'create',
        after: { ...upload, stored_path: undefined },
      });
      const existing = await findAssetRowByName(tx, projectId, name);
      if (existing && existing.derived_from !== assetId) {
        throw new AppError('DATA_ASSETS_CLEANED_NAME_TAKEN', { name, source: source.name }, [{ field: 'name' }]);
      }
      if (existing) {
        await updateAssetRow(tx, existing.id, { upload_id: uploadId, updated_at: now });
        await recordAudit(tx, actor, {
          projectId,
          entity: 'data_asset',
          entityId: existing.id,
          action: 'update',
          before: existing,
          after: { upload_id: uploadId },
        });
        return existing.id;
      }
      const row: DataAssetTable = {
        ...source,
        id: newId(),
        name,
        format: 'csv',
        notes: source.notes,
        source_kind: 'upload',
        upload_id: uploadId,
        connection_id: null,
        table_name: null,
        query: null,
        encoding: 'utf-8',
        sheet: null,
        derived_from: assetId,
        recipe: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await insertAsset(tx, row);
      await recordAudit(tx, actor, { projectId, entity: 'data_asset', entityId: row.id, action: 'create', after: row });
      return row.id;
    });
    const { run } = await startProfileRun(db, jobs, actor, projectId, derivedId);
    return { asset: await getAsset(db.kysely, projectId, derivedId), preview, profileRun: run };
  } catch (error) {
    if (!(await uploadExists(db.kysely, projectId, uploadId))) await rm(path, { force: true });
    throw error;
  }
}

export type { CleansePreview, RuleSet };
