import SQLite from 'better-sqlite3';
import { quoteTableName } from '../sources/quote-table-name';
import { classifyColumnType } from './column-types';
import { openSqliteWriter } from './sqlite-writer';
import type { TargetDb, TargetSpec, TargetTable } from './target-db';
import { noPrimaryKey, tableMissing, targetError } from './target-error';

/** `schema.table` or `"quoted"."name"` into its parts. */
function splitTableName(name: string): { schema?: string; table: string } {
  const parts: string[] = [];
  const re = /"((?:[^"]|"")*)"|([^.]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(name)) !== null) parts.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].trim());
  return parts.length > 1 ? { schema: parts[0], table: parts[parts.length - 1] } : { table: parts[0] ?? name };
}

/** Opens a SQLite target file (it must exist); statements run synchronously on one connection. */
export function openSqliteTarget(spec: TargetSpec): TargetDb {
  let db: SQLite.Database;
  try {
    db = new SQLite(spec.url, { fileMustExist: true });
  } catch (error) {
    throw targetError(spec.description, error);
  }
  db.pragma('busy_timeout = 5000');

  const query: TargetDb['query'] = async <T>(sql: string, params: unknown[] = []) => {
    const stmt = db.prepare(sql);
    if (stmt.reader) return { rows: stmt.all(...params) as T[], rowCount: 0 };
    const info = stmt.run(...params);
    return { rows: [], rowCount: info.changes };
  };

  const describeTable = async (name: string): Promise<TargetTable> => {
    const { schema, table } = splitTableName(name);
    const pragma = `${schema ? `${quoteTableName(schema)}.` : ''}table_info(${quoteTableName(table)})`;
    const cols = db.pragma(pragma) as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
    if (cols.length === 0) throw tableMissing(spec.description, name);
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    if (pk.length === 0) throw noPrimaryKey(spec.description, name);
    return {
      name,
      sql: quoteTableName(name),
      columns: cols.map((c) => ({
        name: c.name,
        type: classifyColumnType(c.type, 'sqlite'),
        // An INTEGER PRIMARY KEY is the rowid: NOT NULL in effect, filled when absent.
        notNull: c.notnull === 1,
        hasDefault: c.dflt_value !== null || (pk.length === 1 && c.pk === 1 && /^integer$/i.test(c.type.trim())),
      })),
      primaryKey: pk.map((c) => c.name),
    };
  };

  const openWriter: TargetDb['openWriter'] = async (table, columns, batchId, options) =>
    openSqliteWriter(db, table, columns, batchId, options);

  const deleteBatchRows = async (table: TargetTable, batchId: string): Promise<number> => {
    const keys = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
    const values = table.primaryKey.map((_k, i) => `json_extract(key_json, '$[${i}]')`).join(', ');
    const lhs = table.primaryKey.length > 1 ? `(${keys})` : keys;
    const info = db
      .prepare(`DELETE FROM ${table.sql} WHERE ${lhs} IN (SELECT ${values} FROM golive_batch_key WHERE batch_id = ? AND table_name = ?)`)
      .run(batchId, table.name);
    return info.changes;
  };

  return {
    dialect: 'sqlite',
    description: spec.description,
    query,
    describeTable,
    openWriter,
    deleteBatchRows,
    close: async () => {
      db.close();
    },
  };
}
