import type { TargetDb, TargetTable } from './target-db';
import { classifyColumnType } from './column-types';
import { quoteTableName } from '../sources/quote-table-name';
import { noPrimaryKey, tableMissing } from './target-error';

/** A PostgreSQL table's columns (table order, declared types) and primary key (key order). */
export async function describePgTable(query: TargetDb['query'], description: string, name: string): Promise<TargetTable> {
  const sqlName = quoteTableName(name);
  const found = await query<{ oid: string | null }>('SELECT to_regclass(?)::oid::text AS oid', [sqlName]);
  const oid = found.rows[0]?.oid;
  if (!oid) throw tableMissing(description, name);
  const cols = await query<{ name: string; type: string; notnull: string; hasdef: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull::text AS notnull,
            (a.atthasdef OR a.attidentity <> '')::text AS hasdef
       FROM pg_attribute a WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [oid],
  );
  const pk = await query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = ?::oid AND i.indisprimary ORDER BY k.ord`,
    [oid],
  );
  if (pk.rows.length === 0) throw noPrimaryKey(description, name);
  return {
    name,
    sql: sqlName,
    columns: cols.rows.map((c) => ({
      name: c.name,
      type: classifyColumnType(c.type, 'postgres'),
      notNull: c.notnull === 'true',
      hasDefault: c.hasdef === 'true',
    })),
    primaryKey: pk.rows.map((r) => r.name),
  };
}

/**
 * Whether direct gives what staged gives: only the primary key can conflict (ON CONFLICT DO NOTHING
 * would also skip rows clashing with another unique index or exclusion constraint, where COPY
 * fails), and no rules (COPY ignores them, INSERT applies them).
 */
export async function directIsSafe(query: TargetDb['query'], table: TargetTable): Promise<boolean> {
  const r = await query<{ safe: string }>(
    `SELECT (NOT c.relhasrules
             AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND NOT i.indisprimary)
             AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conrelid = c.oid AND x.contype = 'x'))::text AS safe
       FROM pg_class c WHERE c.oid = to_regclass(?)`,
    [table.sql],
  );
  return r.rows[0]?.safe === 'true';
}
