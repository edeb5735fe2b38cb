import type SQLite from 'better-sqlite3';
import { quoteTableName } from '../sources/quote-table-name';
import type { ColumnType } from './column-types';
import type { TableWriter, TargetColumn, TargetTable, WriterOptions } from './target-db';

type SqliteValue = string | number | bigint | null;

/** Canonical text → the value SQLite stores (integers as numbers, booleans as 1/0). */
function sqliteValueFn(type: ColumnType): (text: string) => SqliteValue {
  switch (type.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return (t) => (t.length < 16 ? Number(t) : BigInt(t));
    case 'real':
    case 'double':
      return (t) => Number(t);
    case 'boolean':
      return (t) => (t === 'true' ? 1 : 0);
    default:
      return (t) => t;
  }
}

/** Key values as JSON: integers beyond 2^53 as strings (SQLite compares them back numerically). */
function keyJson(values: unknown[]): string {
  return JSON.stringify(values, (_k, v: unknown) =>
    typeof v === 'bigint' ? (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v,
  );
}

/**
 * A SQLite writer: multi-row INSERT … ON CONFLICT DO NOTHING RETURNING the keys, each inserted key
 * recorded in golive_batch_key, all inside the caller's transaction.
 */
export function openSqliteWriter(
  db: SQLite.Database,
  table: TargetTable,
  columns: TargetColumn[],
  batchId: string,
  options: WriterOptions,
): TableWriter {
  const chunkRows = options.chunkRows;
  const colList = columns.map((c) => quoteTableName(c.name)).join(', ');
  const keyList = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
  const toValue = columns.map((c) => sqliteValueFn(c.type));
  const width = columns.length;
  // SQLite allows 32766 bound parameters per statement.
  const perStatement = Math.max(1, Math.min(chunkRows, 500, Math.floor(32000 / width)));
  const statementFor = (rows: number): SQLite.Statement => {
    const tuple = `(${new Array<string>(width).fill('?').join(', ')})`;
    const stmt = db.prepare(
      `INSERT INTO ${table.sql} (${colList}) VALUES ${new Array<string>(rows).fill(tuple).join(', ')} ON CONFLICT DO NOTHING RETURNING ${keyList}`,
    );
    stmt.raw(true);
    stmt.safeIntegers(true);
    return stmt;
  };
  const full = statementFor(perStatement);
  const recordKey = db.prepare('INSERT INTO golive_batch_key (batch_id, table_name, key_json) VALUES (?, ?, ?)');
  let staged = 0;
  let loaded = 0;
  let buffer: SqliteValue[] = [];
  let buffered = 0;
  const flush = (stmt: SQLite.Statement): void => {
    const keys = stmt.all(buffer) as unknown[][];
    for (const key of keys) recordKey.run(batchId, table.name, keyJson(key));
    loaded += keys.length;
    staged += buffered;
    buffer = [];
    buffered = 0;
  };
  return {
    async addRows(rows) {
      for (const row of rows) {
        for (let c = 0; c < width; c++) {
          const v = row[c];
          buffer.push(v === null ? null : toValue[c](v));
        }
        if (++buffered === perStatement) flush(full);
      }
    },
    async settle() {},
    async abort() {
      buffer = [];
      buffered = 0;
    },
    async finish() {
      if (buffered > 0) flush(statementFor(buffered));
      return { staged, loaded };
    },
  };
}
