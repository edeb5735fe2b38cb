import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabaseUrl } from '../../../test/db-harness';
import type { DialectName } from '../../db/connection-url';
import { parseTargetSpec } from './parse-target-spec';
import { openTargetDb, type TargetDb } from './target-db';

/** A fresh empty target database for one test file: its URL (no #table) and a working directory. */
export async function freshTarget(dialect: DialectName): Promise<{ url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'golive-migrate-'));
  if (dialect === 'sqlite') {
    const SQLite = (await import('better-sqlite3')).default;
    const path = join(dir, 'target.db');
    new SQLite(path).close();
    return { url: `sqlite:${path}`, dir };
  }
  return { url: await createTestDatabaseUrl('postgres'), dir };
}

/** Runs statements against a target database. */
export async function withTarget<T>(url: string, fn: (db: TargetDb) => Promise<T>): Promise<T> {
  const db = await openTargetDb(parseTargetSpec(url, process.cwd(), '--target'));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Every row of a table in key order, values as text, for before/after comparisons. */
export async function dumpTable(url: string, table: string, orderBy = 'id'): Promise<string[][]> {
  return withTarget(url, async (db) => {
    const { rows } = await db.query(`SELECT * FROM ${table} ORDER BY ${orderBy}`);
    return rows.map((r) => Object.values(r).map((v) => (v === null ? '∅' : String(v))));
  });
}

export async function countRows(url: string, table: string, where = ''): Promise<number> {
  return withTarget(url, async (db) => Number((await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} ${where}`)).rows[0].n));
}
