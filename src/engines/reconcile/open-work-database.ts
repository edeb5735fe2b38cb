import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ReconcileOptions } from './run-reconciliation';

/** A DuckDB work database for one run and the way to release it. */
export interface WorkDatabase {
  conn: DuckDBConnection;
  /** Idempotent: closes the connection and instance and deletes the work directory. */
  close(): Promise<void>;
}

/**
 * Opens an in-memory DuckDB catalog bounded by `memoryLimit` that spills to a fresh directory under
 * `workDir`, with the session zone pinned to UTC. Aborting `signal` interrupts the running query.
 */
export async function openWorkDatabase(options: ReconcileOptions): Promise<WorkDatabase> {
  const dir = await mkdtemp(join(options.workDir ?? tmpdir(), 'golive-reconcile-'));
  // In-memory catalog, but bounded: past memory_limit DuckDB spills to temp_directory. An on-disk
  // database file would add a WAL write and fsync per statement for data we throw away anyway.
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  try {
    instance = await DuckDBInstance.create(':memory:', {
      temp_directory: join(dir, 'spill'),
      memory_limit: options.memoryLimit ?? '1GB',
      threads: String(options.threads ?? Math.max(1, availableParallelism())),
    });
    conn = await instance.connect();
    // Naive timestamps with a TIMESTAMPTZ cast are read in the session zone: pin it.
    await conn.run(`SET TimeZone = 'UTC'`);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const interrupt = (): void => conn.interrupt();
  options.signal?.addEventListener('abort', interrupt);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    options.signal?.removeEventListener('abort', interrupt);
    conn.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  };
  return { conn, close };
}
