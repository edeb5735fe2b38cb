import pg from 'pg';
import { quoteTableName } from '../sources/quote-table-name';
import { batchKeysRelation } from './batch-keys';
import { textTypes, type PgSession } from './pg-copy';
import { describePgTable, directIsSafe } from './pg-describe-table';
import { openDirectWriter } from './pg-direct-writer';
import { openStagedWriter } from './pg-staged-writer';
import type { TargetDb, TargetSpec, TargetTable } from './target-db';
import { targetError } from './target-error';

/** Opens a PostgreSQL target on one client: every statement of a load runs in order on it. */
export async function openPostgresTarget(spec: TargetSpec): Promise<TargetDb> {
  const client = new pg.Client({ connectionString: spec.url, types: textTypes });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw targetError(spec.description, error);
  }
  // A dead client (kill -9) must not leave its transaction holding locks for long.
  client.on('error', () => {});
  const { from: copyFrom } = await import('pg-copy-streams');
  let stageCounter = 0;

  const query: TargetDb['query'] = async <T>(sql: string, params: unknown[] = []) => {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    const result = await client.query(text, params);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };
  const session: PgSession = { client, query, copyFrom };

  const openWriter: TargetDb['openWriter'] = async (table, columns, batchId, options) => {
    const method = options.pgMethod ?? ((await directIsSafe(query, table)) ? 'direct' : 'staged');
    if (method === 'direct') return openDirectWriter(session, table, columns, batchId, options.chunkRows);
    return openStagedWriter(session, table, columns, batchId, options.chunkRows, `golive_stage_${++stageCounter}`);
  };

  const deleteBatchRows = async (table: TargetTable, batchId: string): Promise<number> => {
    const types = new Map(table.columns.map((c) => [c.name, c.type.declared]));
    const keys = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
    const values = table.primaryKey.map((k, i) => `(key_json::json->>${i})::${types.get(k)}`).join(', ');
    const result = await query(
      `DELETE FROM ${table.sql} WHERE (${keys}) IN (SELECT ${values} FROM ${batchKeysRelation('postgres')} k WHERE batch_id = ? AND table_name = ?)`,
      [batchId, table.name],
    );
    return result.rowCount;
  };

  return {
    dialect: 'postgres',
    description: spec.description,
    query,
    describeTable: (name) => describePgTable(query, spec.description, name),
    openWriter,
    deleteBatchRows,
    close: () => client.end().catch(() => {}),
  };
}
