import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { openDb, type Db, type DialectName } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';

/**
 * Runs database tests on every dialect: SQLite always, PostgreSQL when GOLIVE_TEST_PG_URL
 * (an admin URL to a server) is set. With GOLIVE_REQUIRE_ALL=1 a missing PostgreSQL fails
 * instead of skipping, so CI cannot go green on half the matrix.
 */
export function testDialects(): DialectName[] {
  if (process.env.GOLIVE_TEST_PG_URL) return ['sqlite', 'postgres'];
  if (process.env.GOLIVE_REQUIRE_ALL === '1') {
    throw new Error('GOLIVE_REQUIRE_ALL=1 but GOLIVE_TEST_PG_URL is not set: PostgreSQL tests cannot run');
  }
  return ['sqlite'];
}

/** `describe` once per dialect; the callback gets the dialect name. */
export function describeEachDialect(name: string, fn: (dialect: DialectName) => void): void {
  for (const dialect of testDialects()) describe(`${name} [${dialect}]`, () => fn(dialect));
}

/** A fresh database URL for one test file: a new SQLite file or a new PostgreSQL database. */
export async function createTestDatabaseUrl(dialect: DialectName): Promise<string> {
  if (dialect === 'sqlite') {
    return `sqlite:${join(mkdtempSync(join(tmpdir(), 'golive-test-')), 'test.db')}`;
  }
  const admin = process.env.GOLIVE_TEST_PG_URL;
  if (!admin) throw new Error('GOLIVE_TEST_PG_URL is not set');
  const name = `golive_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a fresh, migrated database for a dialect. */
export async function createTestDb(dialect: DialectName): Promise<Db> {
  const db = openDb(await createTestDatabaseUrl(dialect));
  await migrateToLatest(db);
  return db;
}

/**
 * A fresh MySQL/MariaDB database URL for one test file, from GOLIVE_TEST_MYSQL_URL (an account that
 * may create databases). Undefined when unset, unless GOLIVE_REQUIRE_ALL=1, which makes it an error.
 */
export async function createTestMysqlUrl(): Promise<string | undefined> {
  const admin = process.env.GOLIVE_TEST_MYSQL_URL;
  if (!admin) {
    if (process.env.GOLIVE_REQUIRE_ALL === '1')
      throw new Error('GOLIVE_REQUIRE_ALL=1 but GOLIVE_TEST_MYSQL_URL is not set: MySQL tests cannot run');
    return undefined;
  }
  const mysql = await import('mysql2/promise');
  const name = `golive_t_${randomBytes(6).toString('hex')}`;
  const connection = await mysql.createConnection(admin);
  try {
    await connection.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
  } finally {
    await connection.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
