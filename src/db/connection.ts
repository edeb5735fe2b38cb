import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { parseDatabaseUrl, maskUrlPassword } from './connection-url';

export { parseDatabaseUrl, maskUrlPassword } from './connection-url';

export type { DialectName } from './connection-url';
import type { DialectName } from './connection-url';

/** A golive database handle: the Kysely instance plus what kind it is. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The URL with any password masked, safe to print. */
  displayUrl: string;
  close(): Promise<void>;
}

/** A Kysely handle that may be a transaction: services accept either. */
export type DbExecutor = Kysely<Database> | Transaction<Database>;

/** The embedded default used when DATABASE_URL is unset. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/golive.db';

// PostgreSQL returns int8 and numeric as strings by default; golive stores counts and
// amounts that fit a double, so parse them as numbers for one code path across dialects.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens a database from a URL (default: the embedded SQLite file). */
export function openDb(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Db {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'sqlite') {
    const isMemory = target === ':memory:';
    const file = isMemory ? target : resolve(target);
    if (!isMemory) mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      kysely,
      dialect,
      displayUrl: `sqlite:${target}`,
      close: () => kysely.destroy(),
    };
  }
  const pool = new pg.Pool({ connectionString: target, max: Number(process.env.GOLIVE_PG_POOL ?? 10) });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect, displayUrl: maskUrlPassword(target), close: () => kysely.destroy() };
}
