import type { TargetDb } from './target-db';

/** golive's tables in the target: batches, their recorded keys, plan runs and their objects. */
const BOOKKEEPING_DDL = [
  `CREATE TABLE IF NOT EXISTS golive_batch (
    id TEXT PRIMARY KEY, target_table TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,
    source_rows BIGINT NOT NULL, loaded BIGINT NOT NULL, rejected BIGINT NOT NULL, skipped_existing BIGINT NOT NULL,
    rejects_file TEXT, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, rolled_back_at TEXT)`,
  `CREATE TABLE IF NOT EXISTS golive_batch_key (batch_id TEXT NOT NULL, table_name TEXT NOT NULL, key_json TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS golive_batch_key_batch ON golive_batch_key (batch_id, table_name)`,
  `CREATE TABLE IF NOT EXISTS golive_plan_run (
    id TEXT PRIMARY KEY, plan_name TEXT NOT NULL, plan_file TEXT NOT NULL, status TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT, rolled_back_at TEXT)`,
  `CREATE TABLE IF NOT EXISTS golive_plan_run_object (
    run_id TEXT NOT NULL, seq INTEGER NOT NULL, object TEXT NOT NULL, target_table TEXT NOT NULL, batch_id TEXT,
    status TEXT NOT NULL, source_rows BIGINT, loaded BIGINT, rejected BIGINT, skipped_existing BIGINT, message TEXT,
    PRIMARY KEY (run_id, seq))`,
];

/** Creates the bookkeeping tables when one is missing. */
export async function ensureBookkeeping(db: TargetDb): Promise<void> {
  // Skip the DDL when everything is there: CREATE INDEX IF NOT EXISTS still locks the table and
  // would wait for a load that is running in another process.
  const names = ['golive_batch', 'golive_batch_key', 'golive_batch_key_batch', 'golive_plan_run', 'golive_plan_run_object'];
  const present =
    db.dialect === 'postgres'
      ? await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM unnest(?::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL`, [
          names,
        ])
      : await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM sqlite_master WHERE name IN (${names.map(() => '?').join(', ')})`, names);
  if (Number(present.rows[0]?.n) === names.length) return;
  for (const ddl of BOOKKEEPING_DDL) {
    try {
      await db.query(ddl);
    } catch (error) {
      // Two loads starting at once may race on CREATE … IF NOT EXISTS; the loser finds the table there.
      if (!/already exists|duplicate key/i.test(error instanceof Error ? error.message : '')) throw error;
    }
  }
}
