import { resolve } from 'node:path';
import { openDb, type Db } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { syncPermissionMatrix } from '../modules/access/access.service';
import { JobQueue } from '../modules/jobs/job-queue';
import { GOLIVE_VERSION } from '../shared/version';
import type { ServerConfig } from './app-env';

/** Reads server settings from the environment (documented in the README). */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    dataDir: resolve(env.GOLIVE_DATA_DIR ?? './data'),
    uploadLimitBytes: Number(env.GOLIVE_UPLOAD_LIMIT_MB ?? 1024) * 1024 * 1024,
    jsonLimitBytes: Number(env.GOLIVE_JSON_LIMIT_KB ?? 1024) * 1024,
    secureCookies: env.GOLIVE_SECURE_COOKIES === '1',
    version: GOLIVE_VERSION,
  };
}

/** The database URL: DATABASE_URL, else the SQLite file in the data directory. */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return `sqlite:${resolve(env.GOLIVE_DATA_DIR ?? './data', 'golive.db')}`;
}

/** Opens the database, applies migrations and syncs the permission matrix. */
export async function openMigratedDb(url: string = resolveDatabaseUrl()): Promise<Db> {
  const db = openDb(url);
  await migrateToLatest(db);
  await syncPermissionMatrix(db);
  return db;
}

/** A job queue for this database: pg-boss dispatch on PostgreSQL, polling on SQLite. */
export function createJobQueue(db: Db, url: string = resolveDatabaseUrl()): JobQueue {
  return new JobQueue(db, { pgConnectionString: db.dialect === 'postgres' ? url : undefined });
}
