import { basename } from 'node:path';
import { Document } from 'yaml';
import type { Db, DbExecutor } from '../../db/connection';
import type { ReconcileSpecTable } from '../../db/schema';
import { planColumns } from '../../engines/reconcile/plan-columns';
import {
  parseReconcileSpecYaml,
  validateReconcileSpec,
  type ReconcileSource,
  type ReconcileSpec,
} from '../../engines/reconcile/reconcile-spec';
import { parseSourceSpec } from '../../engines/sources/parse-source-spec';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { findLatestUploadIdByName, findUploadName } from '../uploads/upload-contract';
import { suggestColumnMapping, suggestKey } from './column-suggest';
import { findConnectionRef, findConnectionRow, listConnectionMaskedUrls } from './connection.repository';
import { maskConnectionUrl } from './connection.service';
import { isValidTimeZone, nextCronTime, parseCron } from './cron';
import {
  comparisonSchema,
  type Comparison,
  type CreateSpecInput,
  type ImportSpecInput,
  type SourceRef,
  type SpecView,
  type UpdateSpecInput,
  type WebhookFormat,
} from './cutover.schema';
import { exitCriteria, getSpecRow, latestRuns } from './run-query.service';
import { decryptSecret, encryptSecret, loadSecretKey } from './secret-box';
import { deleteSpecWithRuns, insertSpec, listSpecRows, specNameTaken, updateSpecRow } from './spec.repository';
import { readColumns, resolveSource, type ResolvedSource } from './source-resolver';
import { isUsableWebhookUrl, maskWebhookUrl } from './webhook';

/** The engine spec of a saved spec with its sources resolved. */
export function engineSpec(comparison: Comparison, left: ResolvedSource, right: ResolvedSource): ReconcileSpec {
  const side = (s: ResolvedSource): ReconcileSource => ({ source: s.spec, ...s.options });
  return validateReconcileSpec({ ...comparison, left: side(left), right: side(right) }, 'spec');
}

function parseComparison(text: string): Comparison {
  return comparisonSchema.parse(JSON.parse(text));
}

/**
 * Opens both sources' headers and resolves every column the comparison names, so a typo fails
 * now (naming the column and listing the real ones) instead of at 06:00 tomorrow.
 */
export async function checkSpecColumns(
  db: Db,
  projectId: string,
  dataDir: string,
  left: SourceRef,
  right: SourceRef,
  comparison: Comparison,
): Promise<void> {
  const l = await resolveSource(db, projectId, dataDir, left, 'left');
  const r = await resolveSource(db, projectId, dataDir, right, 'right');
  const leftSide = { description: l.label, columns: await readColumns(l) };
  const rightSide = { description: r.label, columns: await readColumns(r) };
  const spec = validateReconcileSpec(comparison, 'comparison');
  const plan = planColumns(spec, leftSide, rightSide);
  for (const f of spec.filters?.left ?? []) plan.leftIndex(f.column, 'filter');
  for (const f of spec.filters?.right ?? []) plan.rightIndex(f.column, 'filter');
  for (const a of spec.aggregates) {
    for (const g of a.groupBy) plan.pair(g, 'aggregate group');
    for (const s of a.sum) plan.pair(s, 'aggregate sum');
  }
}

function checkSchedule(cron: string, timeZone: string): void {
  parseCron(cron);
  if (!isValidTimeZone(timeZone)) throw new AppError('CUTOVER_TIME_ZONE_INVALID', { timeZone }, [{ field: 'schedule.timeZone' }]);
}

function checkWebhookUrl(url: string | null): void {
  if (url !== null && !isUsableWebhookUrl(url)) throw new AppError('CUTOVER_WEBHOOK_URL_INVALID', {}, [{ field: 'webhook.url' }]);
}

async function sourceLabel(db: DbExecutor, projectId: string, ref: SourceRef): Promise<string> {
  if (ref.type === 'upload') {
    const name = (await findUploadName(db, projectId, ref.uploadId)) ?? `(deleted upload ${ref.uploadId})`;
    return ref.sheet ? `${name}#${ref.sheet}` : name;
  }
  const name = (await findConnectionRef(db, projectId, ref.connectionId))?.name ?? `(deleted connection ${ref.connectionId})`;
  return ref.query ? `${name} · SQL` : `${name} · ${ref.table}`;
}

/** Presents specs with their last run and exit criterion. */
async function presentSpecs(db: DbExecutor, rows: ReconcileSpecTable[], locale: Locale): Promise<SpecView[]> {
  const criteria = await exitCriteria(db, rows, locale);
  const last = await latestRuns(
    db,
    rows.map((r) => r.id),
  );
  const views: SpecView[] = [];
  for (const row of rows) {
    const left = JSON.parse(row.left_source) as SourceRef;
    const right = JSON.parse(row.right_source) as SourceRef;
    let nextRunAt: string | null = null;
    if (row.schedule_enabled === 1) {
      try {
        nextRunAt = nextCronTime(parseCron(row.schedule_cron), new Date(), row.time_zone)?.toISOString() ?? null;
      } catch {
        nextRunAt = null;
      }
    }
    views.push({
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      left,
      right,
      leftLabel: await sourceLabel(db, row.project_id, left),
      rightLabel: await sourceLabel(db, row.project_id, right),
      comparison: JSON.parse(row.comparison) as Comparison,
      schedule: { cron: row.schedule_cron, enabled: row.schedule_enabled === 1, timeZone: row.time_zone, nextRunAt },
      exitCriterionDays: row.exit_days,
      webhook: { format: row.webhook_format as WebhookFormat, url: row.webhook_url_masked },
      lastRun: last.get(row.id) ?? null,
      exitCriterion: criteria.get(row.id)!,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }
  return views;
}

/** What the audit trail may see of a spec (webhook URL masked, never its token). */
function auditable(row: ReconcileSpecTable): Record<string, unknown> {
  const { webhook_url_encrypted: _secret, ...rest } = row;
  return {
    ...rest,
    left_source: JSON.parse(row.left_source),
    right_source: JSON.parse(row.right_source),
    comparison: JSON.parse(row.comparison),
  };
}

/** A project's specs. */
export async function listSpecs(db: Db, projectId: string, locale: Locale): Promise<SpecView[]> {
  return presentSpecs(db.kysely, await listSpecRows(db.kysely, projectId), locale);
}

/** One spec. */
export async function getSpec(db: DbExecutor, projectId: string, specId: string, locale: Locale): Promise<SpecView> {
  return (await presentSpecs(db, [await getSpecRow(db, projectId, specId)], locale))[0];
}

async function assertNameFree(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<void> {
  if (await specNameTaken(db, projectId, name, exceptId)) {
    throw new AppError('CUTOVER_SPEC_NAME_TAKEN', { name }, [{ field: 'name' }]);
  }
}

/** Creates a spec after checking its sources and columns. */
export async function createSpec(
  db: Db,
  actor: Actor,
  projectId: string,
  dataDir: string,
  input: CreateSpecInput,
  locale: Locale,
): Promise<SpecView> {
  checkSchedule(input.schedule.cron, input.schedule.timeZone);
  checkWebhookUrl(input.webhook.url);
  await getProjectRow(db.kysely, projectId);
  await checkSpecColumns(db, projectId, dataDir, input.left, input.right, input.comparison);
  const key = input.webhook.url ? loadSecretKey(dataDir) : undefined;
  return db.kysely.transaction().execute(async (tx) => {
    await assertNameFree(tx, projectId, input.name);
    const now = nowIso();
    const row: ReconcileSpecTable = {
      id: newId(),
      project_id: projectId,
      name: input.name,
      left_source: JSON.stringify(input.left),
      right_source: JSON.stringify(input.right),
      comparison: JSON.stringify(input.comparison),
      schedule_cron: parseCron(input.schedule.cron).expression,
      schedule_enabled: input.schedule.enabled ? 1 : 0,
      time_zone: input.schedule.timeZone,
      schedule_anchor: now,
      exit_days: input.exitCriterionDays,
      webhook_format: input.webhook.format,
      webhook_url_encrypted: input.webhook.url && key ? encryptSecret(input.webhook.url, key) : null,
      webhook_url_masked: input.webhook.url ? maskWebhookUrl(input.webhook.url) : null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertSpec(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'reconcile_spec', entityId: row.id, action: 'create', after: auditable(row) });
    return getSpec(tx, projectId, row.id, locale);
  });
}

/** Updates a spec; a changed schedule only runs slots after the change. */
export async function updateSpec(
  db: Db,
  actor: Actor,
  projectId: string,
  specId: string,
  dataDir: string,
  input: UpdateSpecInput,
  locale: Locale,
): Promise<SpecView> {
  const current = await getSpecRow(db.kysely, projectId, specId);
  const left = input.left ?? (JSON.parse(current.left_source) as SourceRef);
  const right = input.right ?? (JSON.parse(current.right_source) as SourceRef);
  const comparison = input.comparison ?? parseComparison(current.comparison);
  if (input.left || input.right || input.comparison) await checkSpecColumns(db, projectId, dataDir, left, right, comparison);
  const cron = input.schedule?.cron ?? current.schedule_cron;
  const timeZone = input.schedule?.timeZone ?? current.time_zone;
  checkSchedule(cron, timeZone);
  const webhookUrl = input.webhook?.url;
  const keepStoredUrl = webhookUrl !== undefined && webhookUrl !== null && webhookUrl === current.webhook_url_masked;
  if (webhookUrl !== undefined && !keepStoredUrl) checkWebhookUrl(webhookUrl);
  const key = webhookUrl && !keepStoredUrl ? loadSecretKey(dataDir) : undefined;
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getSpecRow(tx, projectId, specId);
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, projectId, input.name, specId);
    const now = nowIso();
    const enabled = input.schedule?.enabled ?? before.schedule_enabled === 1;
    const scheduleChanged =
      parseCron(cron).expression !== before.schedule_cron || timeZone !== before.time_zone || (enabled ? 1 : 0) !== before.schedule_enabled;
    const after: ReconcileSpecTable = {
      ...before,
      name: input.name ?? before.name,
      left_source: JSON.stringify(left),
      right_source: JSON.stringify(right),
      comparison: JSON.stringify(comparison),
      schedule_cron: parseCron(cron).expression,
      schedule_enabled: enabled ? 1 : 0,
      time_zone: timeZone,
      schedule_anchor: scheduleChanged ? now : before.schedule_anchor,
      exit_days: input.exitCriterionDays ?? before.exit_days,
      webhook_format: input.webhook?.format ?? before.webhook_format,
      updated_at: now,
    };
    if (webhookUrl === null) {
      after.webhook_url_encrypted = null;
      after.webhook_url_masked = null;
    } else if (webhookUrl !== undefined && !keepStoredUrl && key) {
      after.webhook_url_encrypted = encryptSecret(webhookUrl, key);
      after.webhook_url_masked = maskWebhookUrl(webhookUrl);
    }
    const { id: _id, project_id: _p, created_at: _c, created_by: _b, ...changes } = after;
    await updateSpecRow(tx, specId, changes);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'reconcile_spec',
      entityId: specId,
      action: 'update',
      before: auditable(before),
      after: auditable(after),
    });
    return getSpec(tx, projectId, specId, locale);
  });
}

/** Deletes a spec with its runs, differences and tracked items. */
export async function deleteSpec(db: Db, actor: Actor, projectId: string, specId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getSpecRow(tx, projectId, specId);
    await deleteSpecWithRuns(tx, specId);
    await recordAudit(tx, actor, { projectId, entity: 'reconcile_spec', entityId: specId, action: 'delete', before: auditable(before) });
  });
}

/** The stored webhook URL (decrypted) of a spec, or null. */
export function specWebhookUrl(row: ReconcileSpecTable, dataDir: string): string | null {
  return row.webhook_url_encrypted ? decryptSecret(row.webhook_url_encrypted, loadSecretKey(dataDir)) : null;
}

// ---- YAML -----------------------------------------------------------------------------------

/** Drops empty defaults so the exported YAML reads like a hand-written spec file. */
function compactComparison(comparison: Comparison): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(comparison)) {
    if (v === undefined) continue;
    if (k === 'mode' && v === 'full') continue; // the engine's default
    if (Array.isArray(v) && v.length === 0) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    if (k === 'filters' && v && typeof v === 'object') {
      const f = v as { left: unknown[]; right: unknown[] };
      if (f.left.length === 0 && f.right.length === 0) continue;
    }
    out[k] = v;
  }
  return out;
}

async function yamlSource(db: DbExecutor, projectId: string, ref: SourceRef): Promise<ReconcileSource> {
  if (ref.type === 'upload') {
    const name = (await findUploadName(db, projectId, ref.uploadId)) ?? ref.uploadId;
    if (!ref.sheet && !ref.encoding) return name;
    return { source: name, ...(ref.sheet ? { sheet: ref.sheet } : {}), ...(ref.encoding ? { encoding: ref.encoding } : {}) };
  }
  const url = (await findConnectionRow(db, projectId, ref.connectionId))?.masked_url ?? ref.connectionId;
  return ref.query ? { source: url, query: ref.query } : `${url}#${ref.table}`;
}

/** The spec as a `golive reconcile --spec` file; golive-only settings are comments. */
export async function exportSpecYaml(db: Db, projectId: string, specId: string): Promise<{ name: string; yaml: string }> {
  const row = await getSpecRow(db.kysely, projectId, specId);
  const left = JSON.parse(row.left_source) as SourceRef;
  const right = JSON.parse(row.right_source) as SourceRef;
  const body = {
    left: await yamlSource(db.kysely, projectId, left),
    right: await yamlSource(db.kysely, projectId, right),
    ...compactComparison(parseComparison(row.comparison)),
  };
  const doc = new Document(body);
  doc.commentBefore = [
    ` golive 双轨对账规则 / reconciliation spec: ${row.name}`,
    ` schedule: "${row.schedule_cron}" (${row.time_zone}), ${row.schedule_enabled ? 'enabled' : 'disabled'}; exit criterion: ${row.exit_days} days`,
    " Use with: golive reconcile --spec this.yaml (file sources are the uploaded files' names; passwords are masked as ***)",
  ].join('\n');
  return { name: row.name, yaml: doc.toString({ lineWidth: 0 }) };
}

const stripPassword = (url: string): string => url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*)(:[^@]*)?@/i, '$1@');

/** Finds the upload or saved connection a YAML source names. */
async function resolveYamlSource(
  db: DbExecutor,
  projectId: string,
  source: ReconcileSource | undefined,
  side: 'left' | 'right',
): Promise<SourceRef> {
  const onSide = [{ field: side }];
  if (source === undefined) throw new AppError('CUTOVER_IMPORT_SOURCE_MISSING', { side }, onSide);
  const spec = typeof source === 'string' ? source : source.source;
  const options: { sheet?: string; encoding?: string; query?: string } = typeof source === 'string' ? {} : source;
  const parsed = parseSourceSpec(spec);
  if (parsed.kind === 'csv' || parsed.kind === 'xlsx') {
    const name = basename(parsed.path.replace(/\\/g, '/'));
    const uploadId = await findLatestUploadIdByName(db, projectId, name);
    if (!uploadId) throw new AppError('CUTOVER_IMPORT_UPLOAD_NOT_FOUND', { name, side }, onSide);
    const sheet = options.sheet ?? (parsed.kind === 'xlsx' ? parsed.sheet : undefined);
    return {
      type: 'upload',
      uploadId,
      ...(sheet ? { sheet } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
    };
  }
  const base = parsed.kind === 'sqlite' ? `sqlite:${parsed.path}` : parsed.url;
  // Password and secret query parameters gone: `wanted` may appear in an error.
  const wanted = stripPassword(maskConnectionUrl(base));
  const connections = await listConnectionMaskedUrls(db, projectId);
  const hit = connections.find((c) => stripPassword(c.masked_url) === wanted);
  if (!hit) throw new AppError('CUTOVER_IMPORT_CONNECTION_NOT_FOUND', { url: wanted, side }, onSide);
  const query = options.query ?? (parsed.isQuery ? parsed.target : undefined);
  if (query) return { type: 'connection', connectionId: hit.id, query };
  if (!parsed.target) throw new AppError('CUTOVER_IMPORT_TABLE_MISSING', { url: wanted }, onSide);
  return { type: 'connection', connectionId: hit.id, table: parsed.target };
}

/** Creates a spec from a `--spec` YAML file; its sources are matched to uploads and saved connections. */
export async function importSpec(
  db: Db,
  actor: Actor,
  projectId: string,
  dataDir: string,
  input: ImportSpecInput,
  locale: Locale,
): Promise<SpecView> {
  const parsed = parseReconcileSpecYaml(input.yaml, 'yaml');
  const { left, right, ...rest } = parsed;
  for (const [column, map] of Object.entries(rest.valueMaps)) {
    if ('file' in map) throw new AppError('CUTOVER_IMPORT_VALUE_MAP_FILE', { column }, [{ field: `yaml.valueMaps.${column}` }]);
  }
  const comparisonResult = comparisonSchema.safeParse(rest);
  if (!comparisonResult.success) {
    // The engine's schema already passed: what the web app adds is a required key (value map files are refused above).
    const path = comparisonResult.error.issues[0].path.map(String).join('.');
    if (path === '' || path === 'key' || path.startsWith('key.'))
      throw new AppError('CUTOVER_IMPORT_KEY_MISSING', {}, [{ field: 'yaml.key' }]);
    throw new AppError('CUTOVER_IMPORT_SPEC_INVALID', { field: path }, [{ field: `yaml.${path}` }]);
  }
  return createSpec(
    db,
    actor,
    projectId,
    dataDir,
    {
      name: input.name,
      left: input.left ?? (await resolveYamlSource(db.kysely, projectId, left, 'left')),
      right: input.right ?? (await resolveYamlSource(db.kysely, projectId, right, 'right')),
      comparison: comparisonResult.data,
      schedule: input.schedule,
      exitCriterionDays: input.exitCriterionDays,
      webhook: input.webhook,
    },
    locale,
  );
}

/** Reads both headers and suggests the column mapping and a key. */
export async function suggestMapping(db: Db, projectId: string, dataDir: string, left: SourceRef, right: SourceRef) {
  const leftColumns = await readColumns(await resolveSource(db, projectId, dataDir, left, 'left'));
  const rightColumns = await readColumns(await resolveSource(db, projectId, dataDir, right, 'right'));
  const suggestions = suggestColumnMapping(leftColumns, rightColumns);
  const mapColumns: Record<string, string> = {};
  for (const s of suggestions) if (s.left !== s.right) mapColumns[s.left] = s.right;
  const matchedLeft = new Set(suggestions.map((s) => s.left));
  const matchedRight = new Set(suggestions.map((s) => s.right));
  return {
    leftColumns,
    rightColumns,
    suggestions,
    suggestedKey: suggestKey(suggestions),
    mapColumns,
    unmatchedLeft: leftColumns.filter((c) => !matchedLeft.has(c)),
    unmatchedRight: rightColumns.filter((c) => !matchedRight.has(c)),
  };
}
