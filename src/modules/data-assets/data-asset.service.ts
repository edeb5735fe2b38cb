import { extname } from 'node:path';
import type { Db, DbExecutor } from '../../db/connection';
import type { DataAssetProfileRunTable, DataAssetTable } from '../../db/schema-data-assets';
import { profileSource } from '../../engines/profile/profile-source';
import type { SourceProfile } from '../../engines/profile/profile-types';
import { cleanseRecipeSchema, ruleSetSchema, type CleanseRecipe, type RuleSet } from '../../engines/quality/quality-schema';
import { describeSource, openSource } from '../../engines/sources/open-source';
import { isQueryText } from '../../engines/sources/parse-source-spec';
import type { OpenSourceOptions } from '../../engines/sources/source-types';
import { AppError } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { connectionUrl, getConnectionRow } from '../cutover/connection.service';
import { connectionNamesById } from '../cutover/connection-contract';
import { cleanError, cleanMessage, type ResolvedSource } from '../cutover/source-resolver';
import { jobProgressById } from '../jobs/job-contract';
import { registerJobHandler, type JobQueue } from '../jobs/job-queue';
import { getProjectRow } from '../projects/project.service';
import { memberNamesById } from '../team/team-contract';
import { uploadNamesById } from '../uploads/upload-contract';
import { getUploadPath } from '../uploads/upload.service';
import { findJobRuntime } from '../jobs/job-runtime';
import type { AssetView, CreateAssetInput, ProfileRunDetail, ProfileRunView, UpdateAssetInput } from './data-asset.schema';
import {
  attachProfileRunJob,
  findProfileRunById,
  findProfileRunRow,
  insertProfileRun,
  latestProfileRunsByAsset,
  listProfileRunRows,
  updateProfileRun,
} from './data-asset-profile-run.repository';
import {
  assetExists,
  assetNameTaken,
  deleteAssetRow,
  findAssetRow,
  insertAsset,
  listAssetRows,
  updateAssetRow,
} from './data-asset.repository';

/** The job type that profiles an asset. */
export const PROFILE_JOB = 'data_asset.profile';

/** An asset's source, ready for the engines; `hide` lists stored paths to replace by `label` in messages. */
export interface AssetSource extends ResolvedSource {
  options: OpenSourceOptions;
}

/** One asset row or NOT_FOUND. */
export async function getAssetRow(db: DbExecutor, projectId: string, assetId: string): Promise<DataAssetTable> {
  const row = await findAssetRow(db, projectId, assetId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'data_asset', id: assetId });
  return row;
}

/** Resolves an asset row to what the engines open (uploads → stored file, connections → decrypted URL). */
export async function resolveAssetRow(db: Db, row: DataAssetTable, dataDir: string): Promise<AssetSource> {
  const options: OpenSourceOptions = {};
  if (row.encoding) options.encoding = row.encoding;
  if (row.source_kind === 'upload') {
    const upload = await getUploadPath(db, row.project_id, row.upload_id ?? '');
    if (row.sheet) options.sheet = row.sheet;
    return { spec: upload.path, options, label: row.name, hide: [upload.path] };
  }
  const connection = await getConnectionRow(db.kysely, row.project_id, row.connection_id ?? '');
  const url = connectionUrl(connection, dataDir);
  const target = row.query ?? row.table_name ?? '';
  const spec = `${url}#${target}`;
  return { spec, options, label: `${row.name}（${connection.name}）`, hide: [describeSource(spec), describeSource(url)] };
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The stored rule set (empty when none). */
export function assetRuleSet(row: DataAssetTable): RuleSet {
  const parsed = ruleSetSchema.safeParse(parseJson(row.rule_set, { rules: [] }));
  return parsed.success ? parsed.data : { rules: [] };
}

/** The stored cleansing recipe (empty when none). */
export function assetRecipe(row: DataAssetTable): CleanseRecipe {
  const parsed = cleanseRecipeSchema.safeParse(parseJson(row.recipe, { steps: [] }));
  return parsed.success ? parsed.data : { steps: [] };
}

function presentRun(row: DataAssetProfileRunTable, progress: number | null = null): ProfileRunView {
  return {
    id: row.id,
    assetId: row.asset_id,
    status: row.status as ProfileRunView['status'],
    jobId: row.job_id,
    progress: row.status === 'succeeded' ? 1 : progress,
    rows: row.rows === null ? null : Number(row.rows),
    columns: row.columns === null ? null : Number(row.columns),
    qualityScore: row.quality_score,
    missingRatio: row.missing_ratio,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

async function jobProgress(db: DbExecutor, rows: DataAssetProfileRunTable[]): Promise<Map<string, number>> {
  const ids = rows.filter((r) => (r.status === 'queued' || r.status === 'running') && r.job_id).map((r) => r.job_id!);
  return jobProgressById(db, ids);
}

async function presentAssets(db: DbExecutor, projectId: string, rows: DataAssetTable[]): Promise<AssetView[]> {
  if (!rows.length) return [];
  const [runs, memberName, uploadName, connectionName] = await Promise.all([
    latestProfileRunsByAsset(db, projectId),
    memberNamesById(db, projectId),
    uploadNamesById(db, projectId),
    connectionNamesById(db, projectId),
  ]);
  const progress = await jobProgress(db, [...runs.values()]);
  return rows.map((row) => {
    const run = runs.get(row.id);
    return {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      businessOwner: row.business_owner,
      businessOwnerName: memberName.get(row.business_owner) ?? row.business_owner,
      systemOfOrigin: row.system_of_origin,
      storage: row.storage === 'cloud' ? 'cloud' : 'local',
      format: row.format,
      notes: row.notes,
      source: {
        type: row.source_kind === 'connection' ? 'connection' : 'upload',
        uploadId: row.upload_id,
        fileName: row.upload_id ? (uploadName.get(row.upload_id) ?? null) : null,
        connectionId: row.connection_id,
        connectionName: row.connection_id ? (connectionName.get(row.connection_id) ?? null) : null,
        table: row.table_name,
        query: row.query,
      },
      encoding: row.encoding,
      sheet: row.sheet,
      keyColumns: parseJson<string[]>(row.key_columns, []),
      derivedFrom: row.derived_from,
      ruleSet: assetRuleSet(row),
      recipe: assetRecipe(row),
      latestRun: run ? presentRun(run, run.job_id ? (progress.get(run.job_id) ?? null) : null) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

/** The project's data assets (inventory), by name. */
export async function listAssets(db: Db, projectId: string): Promise<AssetView[]> {
  await getProjectRow(db.kysely, projectId);
  return presentAssets(db.kysely, projectId, await listAssetRows(db.kysely, projectId));
}

/** One asset. */
export async function getAsset(db: DbExecutor, projectId: string, assetId: string): Promise<AssetView> {
  const [view] = await presentAssets(db, projectId, [await getAssetRow(db, projectId, assetId)]);
  return view!;
}

async function assertNameFree(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<void> {
  if (await assetNameTaken(db, projectId, name, exceptId)) {
    throw new AppError('DATA_ASSETS_NAME_TAKEN', { name }, [{ field: 'name' }]);
  }
}

/** The row a new asset gets (also used by the demo and for derived assets). */
export function newAssetRow(projectId: string, input: CreateAssetInput, format: string, createdBy: string | null): DataAssetTable {
  const now = nowIso();
  const source = input.source;
  return {
    id: newId(),
    project_id: projectId,
    name: input.name,
    business_owner: input.businessOwner,
    system_of_origin: input.systemOfOrigin,
    storage: input.storage,
    format,
    notes: input.notes,
    source_kind: source.type,
    upload_id: source.type === 'upload' ? source.uploadId : null,
    connection_id: source.type === 'connection' ? source.connectionId : null,
    table_name: source.type === 'connection' ? (source.table ?? null) : null,
    query: source.type === 'connection' ? (source.query ?? null) : null,
    encoding: input.encoding ?? null,
    sheet: input.sheet ?? null,
    key_columns: JSON.stringify(input.keyColumns),
    derived_from: null,
    rule_set: null,
    recipe: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
}

/** Registers a data asset; files are profiled right away (unless `profile: false`). */
export async function createAsset(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  input: CreateAssetInput,
): Promise<{ asset: AssetView; profileRun: ProfileRunView | null }> {
  await getProjectRow(db.kysely, projectId);
  let format = input.format;
  if (input.source.type === 'upload') {
    let upload: Awaited<ReturnType<typeof getUploadPath>>;
    try {
      upload = await getUploadPath(db, projectId, input.source.uploadId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        throw new AppError('NOT_FOUND', error.params, [{ field: 'source.uploadId' }]);
      throw error;
    }
    format ??= extname(upload.view.originalName).replace('.', '').toLowerCase() || 'csv';
  } else {
    try {
      await getConnectionRow(db.kysely, projectId, input.source.connectionId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        throw new AppError('NOT_FOUND', error.params, [{ field: 'source.connectionId' }]);
      throw error;
    }
    if (input.source.query !== undefined && !isQueryText(input.source.query))
      throw new AppError('DATA_ASSETS_QUERY_NOT_READ_ONLY', { keywords: 'SELECT / WITH' }, [{ field: 'source.query' }]);
    if (input.source.table !== undefined && (input.source.table.includes('#') || isQueryText(input.source.table)))
      throw new AppError('DATA_ASSETS_TABLE_IS_QUERY', {}, [{ field: 'source.table' }]);
    format ??= input.source.query !== undefined ? 'query' : 'table';
  }
  const row = newAssetRow(projectId, input, format, actor.userId);
  await db.kysely.transaction().execute(async (tx) => {
    await assertNameFree(tx, projectId, input.name);
    await insertAsset(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'data_asset', entityId: row.id, action: 'create', after: row });
  });
  const profile = input.profile ?? input.source.type === 'upload';
  const profileRun = profile ? (await startProfileRun(db, jobs, actor, projectId, row.id)).run : null;
  return { asset: await getAsset(db.kysely, projectId, row.id), profileRun };
}

/** Changes an asset's description, encoding, sheet or key columns. */
export async function updateAsset(db: Db, actor: Actor, projectId: string, assetId: string, input: UpdateAssetInput): Promise<AssetView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getAssetRow(tx, projectId, assetId);
    if (input.name !== undefined) await assertNameFree(tx, projectId, input.name, assetId);
    const patch: Partial<DataAssetTable> = { updated_at: nowIso() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.businessOwner !== undefined) patch.business_owner = input.businessOwner;
    if (input.systemOfOrigin !== undefined) patch.system_of_origin = input.systemOfOrigin;
    if (input.storage !== undefined) patch.storage = input.storage;
    if (input.format !== undefined) patch.format = input.format;
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.encoding !== undefined) patch.encoding = input.encoding;
    if (input.sheet !== undefined) patch.sheet = input.sheet;
    if (input.keyColumns !== undefined) patch.key_columns = JSON.stringify(input.keyColumns);
    await updateAssetRow(tx, assetId, patch);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'data_asset',
      entityId: assetId,
      action: 'update',
      before,
      after: { ...before, ...patch },
    });
    return getAsset(tx, projectId, assetId);
  });
}

/** Deletes an asset with its runs (its uploaded file stays: it belongs to the uploads module). */
export async function deleteAsset(db: Db, actor: Actor, projectId: string, assetId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getAssetRow(tx, projectId, assetId);
    await deleteAssetRow(tx, assetId);
    await recordAudit(tx, actor, { projectId, entity: 'data_asset', entityId: assetId, action: 'delete', before });
  });
}

/** Stores an asset's rule set (validated against the asset's other datasets: references must exist). */
export async function saveRuleSet(db: Db, actor: Actor, projectId: string, assetId: string, ruleSet: RuleSet): Promise<AssetView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getAssetRow(tx, projectId, assetId);
    for (const [i, rule] of ruleSet.rules.entries()) {
      if (rule.kind !== 'reference') continue;
      if (!(await assetExists(tx, projectId, rule.datasetId)))
        throw new AppError('DATA_ASSETS_REFERENCE_UNKNOWN', { id: rule.datasetId }, [{ field: `rules[${i}].datasetId` }]);
    }
    const text = JSON.stringify(ruleSet);
    await updateAssetRow(tx, assetId, { rule_set: text, updated_at: nowIso() });
    await recordAudit(tx, actor, {
      projectId,
      entity: 'data_asset',
      entityId: assetId,
      action: 'update_rules',
      before: { ruleSet: before.rule_set },
      after: { ruleSet: text },
    });
    return getAsset(tx, projectId, assetId);
  });
}

/** Stores an asset's cleansing recipe. */
export async function saveRecipe(db: Db, actor: Actor, projectId: string, assetId: string, recipe: CleanseRecipe): Promise<AssetView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getAssetRow(tx, projectId, assetId);
    for (const [i, step] of recipe.steps.entries()) {
      if (step.kind !== 'map' || !step.dataset) continue;
      if (!(await assetExists(tx, projectId, step.dataset.datasetId)))
        throw new AppError('DATA_ASSETS_REFERENCE_UNKNOWN', { id: step.dataset.datasetId }, [{ field: `steps[${i}].dataset.datasetId` }]);
    }
    const text = JSON.stringify(recipe);
    await updateAssetRow(tx, assetId, { recipe: text, updated_at: nowIso() });
    await recordAudit(tx, actor, {
      projectId,
      entity: 'data_asset',
      entityId: assetId,
      action: 'update_recipe',
      before: { recipe: before.recipe },
      after: { recipe: text },
    });
    return getAsset(tx, projectId, assetId);
  });
}

interface ProfileJobPayload {
  runId: string;
}

/** Queues a profile run of an asset. */
export async function startProfileRun(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  assetId: string,
): Promise<{ run: ProfileRunView; jobId: string }> {
  const row: DataAssetProfileRunTable = {
    id: newId(),
    project_id: projectId,
    asset_id: assetId,
    status: 'queued',
    job_id: null,
    rows: null,
    columns: null,
    quality_score: null,
    missing_ratio: null,
    result: null,
    error: null,
    created_by: actor.userId,
    created_at: nowIso(),
    started_at: null,
    finished_at: null,
  };
  await db.kysely.transaction().execute(async (tx) => {
    await getAssetRow(tx, projectId, assetId);
    await insertProfileRun(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'data_asset_profile_run', entityId: row.id, action: 'create', after: { assetId } });
  });
  try {
    const job = await jobs.enqueue<ProfileJobPayload>(
      PROFILE_JOB,
      { runId: row.id },
      { projectId, createdBy: actor.userId, maxAttempts: 1 },
    );
    await attachProfileRunJob(db.kysely, row.id, job.id);
    row.job_id = job.id;
    return { run: presentRun(row, 0), jobId: job.id };
  } catch (error) {
    const message = `could not queue the job: ${error instanceof Error ? error.message : String(error)}`;
    await updateProfileRun(db.kysely, row.id, { status: 'failed', error: message, finished_at: nowIso() });
    throw error;
  }
}

/** An asset's profile runs, newest first (without the profile JSON). */
export async function listProfileRuns(db: Db, projectId: string, assetId: string): Promise<ProfileRunView[]> {
  await getAssetRow(db.kysely, projectId, assetId);
  const rows = await listProfileRunRows(db.kysely, assetId);
  const progress = await jobProgress(db.kysely, rows);
  return rows.map((r) => presentRun(r, r.job_id ? (progress.get(r.job_id) ?? null) : null));
}

/** One profile run with the engine's full profile. */
export async function getProfileRun(db: Db, projectId: string, assetId: string, runId: string): Promise<ProfileRunDetail> {
  const row = await findProfileRunRow(db.kysely, projectId, assetId, runId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'data_asset_profile_run', id: runId });
  const progress = await jobProgress(db.kysely, [row]);
  return { ...presentRun(row, row.job_id ? (progress.get(row.job_id) ?? null) : null), profile: parseJson<unknown>(row.result, null) };
}

/** Share of null, empty and blank cells over all cells. */
export function missingRatio(profile: SourceProfile): number {
  const cells = profile.rows * profile.columns.length;
  if (cells === 0) return 0;
  const missing = profile.columns.reduce((sum, c) => sum + c.nulls + c.empty + c.blank, 0);
  return missing / cells;
}

/** Profiles an asset now and returns the profile (the job handler and the demo use it). */
export async function profileAsset(
  db: Db,
  row: DataAssetTable,
  dataDir: string,
  onProgress?: (progress: number, message: string) => void,
): Promise<SourceProfile> {
  const source = await resolveAssetRow(db, row, dataDir);
  try {
    return await profileSource(source.spec, {
      ...source.options,
      key: parseJson<string[]>(row.key_columns, []),
      onProgress: (p) => {
        if (p.phase === 'load') onProgress?.(0.05, `读取 ${p.rows} 行`);
        else onProgress?.(0.1 + (0.85 * p.column) / p.columns, `剖析第 ${p.column}/${p.columns} 列`);
      },
    });
  } catch (error) {
    throw cleanError(error, [source]);
  }
}

registerJobHandler<ProfileJobPayload>(PROFILE_JOB, async (ctx) => {
  const runtime = await findJobRuntime(ctx.jobId);
  if (!runtime) throw new Error(`${PROFILE_JOB}: the data-assets module has no database in this process`);
  const { db, dataDir } = runtime;
  const run = await findProfileRunById(db.kysely, ctx.payload.runId);
  if (!run) throw new Error(`profile run ${ctx.payload.runId} does not exist`);
  if (run.status !== 'queued' && run.status !== 'running') return { runId: run.id, skipped: run.status };
  await updateProfileRun(db.kysely, run.id, { status: 'running', started_at: nowIso(), job_id: ctx.jobId });
  try {
    const asset = await getAssetRow(db.kysely, run.project_id, run.asset_id);
    const profile = await profileAsset(db, asset, dataDir, (progress, message) => {
      ctx.reportProgress(progress, message).catch(() => undefined);
    });
    await updateProfileRun(db.kysely, run.id, {
      status: 'succeeded',
      rows: profile.rows,
      columns: profile.columns.length,
      quality_score: profile.quality.score,
      missing_ratio: missingRatio(profile),
      // The stored path or URL is no business of the UI: the asset's name stands for it.
      result: JSON.stringify({ ...profile, source: asset.name }),
      finished_at: nowIso(),
    });
    return { runId: run.id, rows: profile.rows, qualityScore: profile.quality.score };
  } catch (error) {
    const message = cleanMessage(error instanceof Error ? error.message : String(error), []);
    await updateProfileRun(db.kysely, run.id, { status: 'failed', error: message, finished_at: nowIso() });
    throw error;
  }
});

/** The column names of an asset's source (reads the header only). */
export async function readAssetColumns(db: Db, projectId: string, assetId: string, dataDir: string): Promise<string[]> {
  const row = await getAssetRow(db.kysely, projectId, assetId);
  const source = await resolveAssetRow(db, row, dataDir);
  try {
    const opened = await openSource(source.spec, source.options);
    try {
      return [...opened.columns];
    } finally {
      await opened.close();
    }
  } catch (error) {
    throw cleanError(error, [source]);
  }
}
