import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { CsvWriter } from '../../engines/export/csv-writer';
import { loadIntoTarget } from '../../engines/migrate/load-into-target';
import type { LoadSummary } from '../../engines/migrate/load-types';
import { RejectsWriter } from '../../engines/migrate/rejects-writer';
import { batchKeysRelation } from '../../engines/migrate/batch-keys';
import { parseTargetSpec } from '../../engines/migrate/parse-target-spec';
import type { TargetDb, TargetTable } from '../../engines/migrate/target-db';
import { runReconciliation } from '../../engines/reconcile/run-reconciliation';
import { validateReconcileSpec } from '../../engines/reconcile/reconcile-spec';
import { formatSourceValue } from '../../engines/sources/format-source-value';
import { describeSource, openSource } from '../../engines/sources/open-source';
import { quoteTableName } from '../../engines/sources/quote-table-name';
import type { OpenSourceOptions, SourceRowBatch, SourceValue, TabularSource } from '../../engines/sources/source-types';
import { AppError, type Locale } from '../../shared/app-error';
import { connectionUrl, getConnectionRow } from '../cutover/connection.service';
import type { ResolvedSource } from '../cutover/source-resolver';
import { materializeCleanedAsset, resolveDataAssetSource } from '../data-assets/data-asset-source';
import { getUploadPath } from '../uploads/upload.service';
import { DecimalSum } from './decimal-sum';
import type { MigrationObject } from './migration-object.service';
import type { CheckResult, MappingEntry, MigrationSource, MigrationTarget } from './migration.schema';

/** Legacy key → new key lookups of the objects a mapping refers to. */
export type KeyLookups = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** One accepted row's key pair for the key map. */
export interface KeyPair {
  row: number;
  legacy: string;
  next: string;
}

/** What loading one object produced. */
export interface ObjectLoadResult {
  summary: Omit<LoadSummary, 'seconds'>;
  keyPairs: KeyPair[];
  /** The accepted rows after mapping and conversion (CSV), for the after-load check; null in simulate mode. */
  acceptedFile: string | null;
  acceptedColumns: string[];
  sums: Map<string, DecimalSum>;
  acceptedRows: number;
  /** Primary key (database) or template key columns (file). */
  keyColumns: string[];
  outputPath: string | null;
}

/** Resolves an object's source to what the engine opens (uploads directly; assets through the data-assets module). */
export async function resolveObjectSource(db: Db, projectId: string, source: MigrationSource, workDir: string): Promise<ResolvedSource> {
  if (source.type === 'upload') {
    const upload = await getUploadPath(db, projectId, source.uploadId);
    const options: ResolvedSource['options'] = {};
    if (source.sheet) options.sheet = source.sheet;
    if (source.encoding) options.encoding = source.encoding;
    return { spec: upload.path, options, label: upload.view.originalName, hide: [upload.path] };
  }
  const resolved = source.cleansed
    ? (await materializeCleanedAsset(db, projectId, source.assetId, workDir)).source
    : await resolveDataAssetSource(db, projectId, source.assetId);
  const options: ResolvedSource['options'] = resolved.encoding ? { encoding: resolved.encoding } : {};
  return { spec: resolved.spec, options, label: resolved.label, hide: [resolved.spec, describeSource(resolved.spec)] };
}

/** The engine target (decrypted URL + table) of a connection target. */
export async function resolveTargetSpec(
  db: Db,
  projectId: string,
  dataDir: string,
  target: Extract<MigrationTarget, { type: 'connection' }>,
): Promise<{ url: string; spec: ReturnType<typeof parseTargetSpec> }> {
  const row = await getConnectionRow(db.kysely, projectId, target.connectionId);
  if (row.kind !== 'postgres' && row.kind !== 'sqlite') {
    throw new AppError('MIGRATION_TARGET_CONNECTION_KIND', { name: row.name, kind: row.kind }, [{ field: 'target.connectionId' }]);
  }
  const url = connectionUrl(row, dataDir);
  return { url, spec: parseTargetSpec(`${url}#${target.table}`, dataDir, 'target') };
}

/** The legacy key text of a row (key columns' values joined by "|"), or null when a part is empty. */
function legacyKeyOf(row: readonly SourceValue[], positions: number[]): string | null {
  const parts: string[] = [];
  for (const p of positions) {
    const text = formatSourceValue(row[p])?.trim() ?? '';
    if (text === '') return null;
    parts.push(text);
  }
  return parts.join('|');
}

function en(locale: Locale): boolean {
  return locale === 'en';
}

/** The 400 for a mapping or key column the source does not have, listing the columns it has. */
function sourceColumnMissing(source: TabularSource, column: string, field: string): AppError {
  const params = { source: source.description, column, columns: source.columns.join(', ') };
  return new AppError('MIGRATION_SOURCE_COLUMN_MISSING', params, [{ field }]);
}

/**
 * The source as the target sees it: one column per mapping entry (named by its target column),
 * filled from a source column, a constant, a value map or another object's key map. Rows a
 * mapping cannot fill are kept (so row numbers stay the source's) and reported through `refusals`.
 */
class MappedSource implements TabularSource {
  readonly kind;
  readonly description: string;
  readonly columns: readonly string[];
  /** Mapping refusals of the current batch by row number. */
  readonly refusals = new Map<number, { columns: string[]; reasons: string[] }>();
  /** Legacy keys of the current batch by row number. */
  readonly legacyKeys = new Map<number, string>();
  private readonly plans: ((row: readonly SourceValue[]) => SourceValue | { refuse: string })[];

  constructor(
    private readonly inner: TabularSource,
    private readonly mapping: MappingEntry[],
    private readonly keyPositions: number[],
    lookups: KeyLookups,
    objectNames: ReadonlyMap<string, string>,
    locale: Locale,
  ) {
    this.kind = inner.kind;
    this.description = inner.description;
    this.columns = mapping.map((m) => m.target);
    const indexOf = (name: string, at: number): number => {
      const i = inner.columns.indexOf(name);
      if (i < 0) throw sourceColumnMissing(inner, name, `mapping[${at}].source`);
      return i;
    };
    this.plans = mapping.map((entry, at) => {
      switch (entry.kind) {
        case 'column': {
          const i = indexOf(entry.source, at);
          return (row) => row[i] ?? null;
        }
        case 'constant':
          return () => entry.value;
        case 'value_map': {
          const i = indexOf(entry.source, at);
          const values = new Map(Object.entries(entry.values));
          return (row) => {
            const text = formatSourceValue(row[i] ?? null);
            if (text === null || text.trim() === '') return null;
            const mapped = values.get(text) ?? values.get(text.trim());
            if (mapped !== undefined) return mapped;
            return {
              refuse: en(locale) ? `"${text}" is not in the value map of ${entry.target}` : `值“${text}”不在 ${entry.target} 的值映射中`,
            };
          };
        }
        case 'key_map': {
          const i = indexOf(entry.source, at);
          const map = lookups.get(entry.objectId) ?? new Map<string, string>();
          const other = objectNames.get(entry.objectId) ?? entry.objectId;
          return (row) => {
            const text = formatSourceValue(row[i] ?? null)?.trim() ?? '';
            if (text === '') return null;
            const mapped = map.get(text);
            if (mapped !== undefined) return mapped;
            return {
              refuse: en(locale)
                ? `"${text}" is not in the key map of ${other}`
                : `“${text}”在“${other}”的键映射中不存在（该对象未迁移这条记录）`,
            };
          };
        }
      }
    });
  }

  async *batches(): AsyncIterable<SourceRowBatch> {
    for await (const batch of this.inner.batches()) {
      this.refusals.clear();
      this.legacyKeys.clear();
      const rows = batch.rows.map((row, i) => {
        const rowNumber = batch.firstRow + i;
        const out: SourceValue[] = [];
        this.plans.forEach((plan, c) => {
          const value = plan(row);
          if (value !== null && typeof value === 'object' && 'refuse' in value) {
            const refusal = this.refusals.get(rowNumber) ?? { columns: [], reasons: [] };
            refusal.columns.push(this.mapping[c]!.target);
            refusal.reasons.push(value.refuse);
            this.refusals.set(rowNumber, refusal);
            out.push(null);
          } else {
            out.push(value);
          }
        });
        if (this.keyPositions.length > 0) {
          const key = legacyKeyOf(row, this.keyPositions);
          if (key !== null) this.legacyKeys.set(rowNumber, key);
        }
        return out;
      });
      yield { rows, firstRow: batch.firstRow };
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** What loading one object needs. */
export interface ObjectLoadInput {
  object: MigrationObject;
  source: ResolvedSource;
  /** Directory for the rejects file, the accepted rows and file outputs. */
  workDir: string;
  /** File names start with this (e.g. "3-客户"). */
  filePrefix: string;
  simulate: boolean;
  lookups: KeyLookups;
  objectNames: ReadonlyMap<string, string>;
  locale: Locale;
  onProgress?: (rows: number) => void;
}

function openMapped(input: ObjectLoadInput, inner: TabularSource): MappedSource {
  const keyPositions = input.object.keyColumns.map((k, i) => {
    const at = inner.columns.indexOf(k);
    if (at < 0) throw sourceColumnMissing(inner, k, `keyColumns[${i}]`);
    return at;
  });
  return new MappedSource(inner, input.object.mapping, keyPositions, input.lookups, input.objectNames, input.locale);
}

async function openInner(input: ObjectLoadInput): Promise<TabularSource> {
  const options: OpenSourceOptions = { ...input.source.options, batchSize: Math.min(input.object.row.batch_size, 8192) };
  return openSource(input.source.spec, options);
}

/**
 * Loads one object into a database table inside the caller's open transaction (the caller commits
 * or rolls back and records the batch). Mapping refusals and conversion failures go to one rejects
 * file with the source row number and the reason; accepted rows are kept for the check and the key map.
 */
export async function loadObjectIntoTable(
  input: ObjectLoadInput,
  db: TargetDb,
  table: TargetTable,
  batchId: string,
): Promise<ObjectLoadResult> {
  const { object } = input;
  const targetColumns = new Set(table.columns.map((c) => c.name));
  object.mapping.forEach((m, i) => {
    if (!targetColumns.has(m.target)) {
      const params = { table: table.name, column: m.target, columns: [...targetColumns].join(', ') };
      throw new AppError('MIGRATION_TABLE_COLUMN_MISSING', params, [{ field: `mapping[${i}].target` }]);
    }
  });
  object.sumColumns.forEach((c, i) => {
    if (!object.mapping.some((m) => m.target === c)) {
      throw new AppError('MIGRATION_SUM_COLUMN_UNMAPPED', { column: c }, [{ field: `sumColumns[${i}]` }]);
    }
  });
  const mapped = openMapped(input, await openInner(input));
  const accepted = input.simulate ? null : CsvWriter.toFile(join(input.workDir, `${input.filePrefix}-accepted.csv`), mapped.columns);
  const sums = new Map(object.sumColumns.map((c) => [c, new DecimalSum()]));
  const keyPairs: KeyPair[] = [];
  let acceptedRows = 0;
  let pkPositions: number[] | undefined;
  let sumPositions: [string, number][] | undefined;
  try {
    const summary = await loadIntoTarget(
      db,
      {
        source: mapped.description,
        openedSource: mapped,
        target: { dialect: db.dialect, url: '', table: table.name, description: db.description },
        batchSize: object.row.batch_size,
        onError: object.row.on_error === 'stop' ? 'stop' : 'skip',
        rejectsFile: join(input.workDir, `${input.filePrefix}-rejects.csv`),
        simulate: input.simulate,
        cwd: input.workDir,
        rejectRow: (row) => mapped.refusals.get(row),
        onProgress: input.onProgress,
        onRowsAccepted: async (rows, rowNumbers, columns) => {
          pkPositions ??= table.primaryKey.map((k) => columns.findIndex((c) => c.name === k));
          sumPositions ??= [...sums.keys()].map((name) => [name, columns.findIndex((c) => c.name === name)]);
          for (let r = 0; r < rows.length; r++) {
            const row = rows[r]!;
            acceptedRows++;
            for (const [name, at] of sumPositions) sums.get(name)!.add(row[at] ?? null);
            const legacy = mapped.legacyKeys.get(rowNumbers[r]!);
            if (legacy !== undefined) keyPairs.push({ row: rowNumbers[r]!, legacy, next: pkPositions.map((p) => row[p] ?? '').join('|') });
            if (accepted) await accepted.writeRow(row);
          }
        },
      },
      batchId,
    );
    return {
      summary,
      keyPairs,
      acceptedFile: accepted?.path ?? null,
      acceptedColumns: [...mapped.columns],
      sums,
      acceptedRows,
      keyColumns: table.primaryKey,
      outputPath: null,
    };
  } finally {
    await accepted?.close();
  }
}

/**
 * Writes one object into its import template file (CSV with BOM, or XLSX) with the template's
 * header order; unmapped template columns stay empty. Rows with an empty or repeated key, or that
 * the mapping refuses, go to the rejects file. Simulate mode writes no output file.
 */
export async function loadObjectIntoFile(
  input: ObjectLoadInput,
  target: Extract<MigrationTarget, { type: 'file' }>,
  batchId: string,
): Promise<ObjectLoadResult> {
  const { object, locale } = input;
  const keyColumns = target.keyColumns.length > 0 ? target.keyColumns : [target.columns[0]!];
  const mapped = openMapped(input, await openInner(input));
  const position = new Map(mapped.columns.map((c, i) => [c, i]));
  const keyAt = keyColumns.map((k) => position.get(k));
  const rejects = new RejectsWriter(join(input.workDir, `${input.filePrefix}-rejects.csv`), mapped.columns);
  const accepted = input.simulate ? null : CsvWriter.toFile(join(input.workDir, `${input.filePrefix}-accepted.csv`), target.columns);
  const outputPath = input.simulate ? null : join(input.workDir, `${input.filePrefix}.${target.format}`);
  const csvOut = outputPath && target.format === 'csv' ? CsvWriter.toFile(outputPath, target.columns, { bom: true }) : null;
  const workbook = outputPath && target.format === 'xlsx' ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outputPath }) : null;
  const sheet = workbook?.addWorksheet('Sheet1');
  sheet?.addRow([...target.columns]).commit();
  const sums = new Map(object.sumColumns.map((c) => [c, new DecimalSum()]));
  const seen = new Map<string, number>();
  const keyPairs: KeyPair[] = [];
  let sourceRows = 0;
  let rejected = 0;
  let firstRejected: LoadSummary['first_rejected'];
  let stopped = false;
  try {
    outer: for await (const batch of mapped.batches()) {
      for (let i = 0; i < batch.rows.length; i++) {
        const values = batch.rows[i]!;
        const rowNumber = batch.firstRow + i;
        sourceRows++;
        const texts = values.map((v) => formatSourceValue(v));
        const refused = mapped.refusals.get(rowNumber);
        let columns = refused?.columns ?? [];
        let reasons = refused?.reasons ?? [];
        if (!refused) {
          const key = keyAt.map((at) => (at === undefined ? null : texts[at]?.trim() || null));
          if (key.some((k) => k === null)) {
            columns = keyColumns;
            reasons = [en(locale) ? `key ${keyColumns.join(', ')} is empty` : `键 ${keyColumns.join('、')} 为空`];
          } else {
            const joined = key.join('|');
            const earlier = seen.get(joined);
            if (earlier !== undefined) {
              columns = keyColumns;
              reasons = [
                en(locale) ? `duplicate key ${joined}: same as source row ${earlier}` : `键重复（${joined}）：与源第 ${earlier} 行相同`,
              ];
            } else {
              seen.set(joined, rowNumber);
              const legacy = mapped.legacyKeys.get(rowNumber);
              if (legacy !== undefined) keyPairs.push({ row: rowNumber, legacy, next: joined });
            }
          }
        }
        if (reasons.length > 0) {
          rejected++;
          firstRejected ??= { row: rowNumber, column: columns.join(', '), reason: reasons.join('; ') };
          await rejects.write({ row: rowNumber, columns, reasons, values });
          if (object.row.on_error === 'stop') {
            stopped = true;
            break outer;
          }
          continue;
        }
        const out = target.columns.map((c) => {
          const at = position.get(c);
          return at === undefined ? null : (texts[at] ?? null);
        });
        for (const [name, sum] of sums) sum.add(out[target.columns.indexOf(name)] ?? null);
        await accepted?.writeRow(out);
        await csvOut?.writeRow(out);
        sheet?.addRow(out.map((v) => v ?? '')).commit();
      }
      input.onProgress?.(sourceRows);
    }
  } finally {
    await rejects.close();
    await mapped.close();
    await accepted?.close();
    await csvOut?.close();
    if (sheet) sheet.commit();
    if (workbook) await workbook.commit();
  }
  const loaded = stopped ? 0 : sourceRows - rejected;
  return {
    summary: {
      batch: batchId,
      status: stopped ? 'stopped' : input.simulate ? 'simulated' : 'loaded',
      target: target.format,
      table: target.format,
      source: mapped.description,
      source_rows: sourceRows,
      loaded,
      rejected,
      skipped_existing: 0,
      rejects_file: rejects.written ? rejects.path : null,
      ...(firstRejected ? { first_rejected: firstRejected } : {}),
    },
    keyPairs: stopped ? [] : keyPairs,
    acceptedFile: stopped ? null : (accepted?.path ?? null),
    acceptedColumns: target.columns,
    sums,
    acceptedRows: loaded,
    keyColumns,
    outputPath: stopped ? null : outputPath,
  };
}

/** SQL text literal. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The query that reads back the rows golive loaded for an object: target rows whose keys the
 * object's live batches recorded in golive_batch_key (the same selection a rollback deletes).
 */
export function loadedRowsQuery(db: TargetDb, table: TargetTable, engineBatchIds: string[]): string {
  const keys = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
  const types = new Map(table.columns.map((c) => [c.name, c.type.declared]));
  const values =
    db.dialect === 'postgres'
      ? table.primaryKey.map((k, i) => `(key_json::json->>${i})::${types.get(k)}`).join(', ')
      : table.primaryKey.map((_k, i) => `json_extract(key_json, '$[${i}]')`).join(', ');
  const lhs = table.primaryKey.length > 1 ? `(${keys})` : keys;
  const ids = engineBatchIds.map(literal).join(', ');
  return `SELECT * FROM ${table.sql} WHERE ${lhs} IN (SELECT ${values} FROM ${batchKeysRelation(db.dialect)} k WHERE table_name = ${literal(table.name)} AND batch_id IN (${ids}))`;
}

/**
 * The after-load check through the reconciliation engine: the accepted source rows (after mapping
 * and conversion) against what the target holds for them — keys matched one to one, row counts and
 * per sum column totals compared exactly. Target figures equal the source's wherever the engine
 * found no difference, and are the engine's figures where it did.
 */
export async function checkAfterLoad(
  load: ObjectLoadResult,
  right: { source: string; query?: string },
  sumColumns: string[],
  locale: Locale,
): Promise<CheckResult> {
  if (!load.acceptedFile) throw new Error('no accepted rows file to check');
  const ignore = load.acceptedColumns.filter((c) => !load.keyColumns.includes(c));
  const spec = validateReconcileSpec({
    left: load.acceptedFile,
    right: right.query ? { source: right.source, query: right.query } : right.source,
    key: load.keyColumns,
    ignore,
    aggregates: [{ name: 'after-load', sum: sumColumns, count: true, tolerance: 0 }],
  });
  let run: Awaited<ReturnType<typeof runReconciliation>>;
  try {
    run = await runReconciliation(spec, { threads: 1, memoryLimit: '256MB' });
  } catch (error) {
    // The rows are committed by now: a check that cannot run is a failed check, not a failed load.
    const reason = error instanceof Error ? error.message.split(load.acceptedFile).join(en(locale) ? 'source' : '源数据') : String(error);
    return {
      ok: false,
      sourceRows: load.acceptedRows,
      targetRows: 0,
      missingInTarget: 0,
      extraInTarget: 0,
      sums: sumColumns.map((column) => ({ column, source: load.sums.get(column)?.toString() ?? '0', target: '?', ok: false })),
      message: en(locale) ? `the check could not run: ${reason}` : `核对无法执行：${reason}`,
    };
  }
  try {
    const s = run.summary;
    const aggregate = s.aggregates?.[0];
    const mismatch = aggregate?.mismatches[0];
    const sums = sumColumns.map((column) => {
      const source = load.sums.get(column)?.toString() ?? '0';
      const pair = mismatch?.sums[column];
      const differs = pair !== undefined && pair.delta !== null && Number(pair.delta) !== 0;
      return { column, source, target: differs ? (pair.right ?? '0') : source, ok: !differs };
    });
    const missing = s.only_left + s.null_keys_left + s.duplicate_keys_left;
    const extra = s.only_right + s.null_keys_right + s.duplicate_keys_right;
    const ok = missing === 0 && extra === 0 && s.left_rows === s.right_rows && sums.every((x) => x.ok);
    const problems: string[] = [];
    if (s.left_rows !== s.right_rows) {
      problems.push(en(locale) ? `rows: source ${s.left_rows}, target ${s.right_rows}` : `行数：源 ${s.left_rows}，目标 ${s.right_rows}`);
    }
    if (s.only_left > 0) problems.push(en(locale) ? `${s.only_left} source rows not in the target` : `${s.only_left} 行源数据不在目标中`);
    if (s.only_right > 0) {
      problems.push(
        en(locale)
          ? `${s.only_right} target rows of earlier batches not in this source`
          : `目标中有 ${s.only_right} 行（此前批次加载）不在本次源数据中`,
      );
    }
    for (const x of sums.filter((x) => !x.ok)) {
      problems.push(
        en(locale) ? `sum of ${x.column}: source ${x.source}, target ${x.target}` : `${x.column} 合计：源 ${x.source}，目标 ${x.target}`,
      );
    }
    return {
      ok,
      sourceRows: s.left_rows,
      targetRows: s.right_rows,
      missingInTarget: missing,
      extraInTarget: extra,
      sums,
      message: problems.length ? problems.join('; ') : null,
    };
  } finally {
    await run.close();
  }
}

/**
 * An engine or source error as a message safe to store and show (paths and passwords replaced); a
 * documented error in the run's language, since the batch keeps the text and not the code.
 */
export function errorMessage(error: unknown, hide: { label: string; hide: string[] }[], locale: Locale): string {
  let text = error instanceof AppError ? error.localizedMessage(locale) : error instanceof Error ? error.message : String(error);
  for (const h of hide) for (const hidden of h.hide) text = text.split(hidden).join(h.label);
  return text;
}
