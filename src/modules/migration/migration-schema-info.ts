import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import { openTargetDb } from '../../engines/migrate/target-db';
import { targetError } from '../../engines/migrate/target-error';
import { readColumns } from '../cutover/source-resolver';
import { resolveObjectSource, resolveTargetSpec } from './migration-load';
import type { MigrationSource } from './migration.schema';

/** The columns of an object's source (header only; a cleansed asset is materialized to a temp dir first). */
export async function readSourceColumns(db: Db, projectId: string, dataDir: string, source: MigrationSource): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'golive-migration-cols-'));
  try {
    return await readColumns(await resolveObjectSource(db, projectId, source, dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The user tables of a target connection (golive's bookkeeping tables left out). */
export async function listTargetTables(db: Db, projectId: string, dataDir: string, connectionId: string): Promise<string[]> {
  const { spec } = await resolveTargetSpec(db, projectId, dataDir, { type: 'connection', connectionId, table: 'x' });
  const target = await openTargetDb(spec);
  try {
    const result =
      target.dialect === 'sqlite'
        ? await target.query<{ name: string }>(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'golive_%' ORDER BY name`,
          )
        : await target.query<{ name: string }>(
            `SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.' || table_name END AS name
               FROM information_schema.tables
              WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                AND table_name NOT LIKE 'golive_%' AND table_schema NOT LIKE 'pg_temp%'
              ORDER BY 1`,
          );
    return result.rows.map((r) => r.name);
  } catch (error) {
    throw targetError(spec.description, error);
  } finally {
    await target.close();
  }
}

/** The columns of a target table, for the mapping editor. */
export async function listTargetColumns(
  db: Db,
  projectId: string,
  dataDir: string,
  connectionId: string,
  table: string,
): Promise<{ name: string; type: string; notNull: boolean; hasDefault: boolean; primaryKey: boolean }[]> {
  const { spec } = await resolveTargetSpec(db, projectId, dataDir, { type: 'connection', connectionId, table });
  const target = await openTargetDb(spec);
  try {
    const described = await target.describeTable(table);
    return described.columns.map((c) => ({
      name: c.name,
      type: c.type.declared,
      notNull: c.notNull,
      hasDefault: c.hasDefault,
      primaryKey: described.primaryKey.includes(c.name),
    }));
  } catch (error) {
    throw targetError(spec.description, error);
  } finally {
    await target.close();
  }
}
