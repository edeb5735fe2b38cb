import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { copySourceIntoDuckDb } from '../duckdb/copy-source';
import { registerAmountFunction } from '../profile/amount-udf';
import { openSource } from '../sources/open-source';
import type { OpenSourceOptions } from '../sources/source-types';
import { AppError } from '../../shared/app-error';

/** A source as the quality engine takes it: a spec (see `openSource`) plus its open options. */
export interface DatasetInput {
  spec: string;
  options?: OpenSourceOptions & { baseDir?: string };
  /** Printable name for messages (defaults to the source's masked description). */
  label?: string;
}

/** Options shared by the rule runner and the cleanser. */
export interface WorkspaceOptions {
  /** Directory for DuckDB's spill files (default: a fresh temp dir). */
  workDir?: string;
  /** DuckDB memory limit (default 1GB); past it DuckDB spills to disk. */
  memoryLimit?: string;
}

/** A loaded table: `c0…cN` VARCHAR columns in source order; `rowid + 1` is the data row number. */
export interface LoadedTable {
  table: string;
  columns: string[];
  rows: number;
  label: string;
}

/**
 * An in-memory DuckDB with a memory limit and a spill directory (as the profiler uses), into which
 * sources are copied once; every check and transform then runs as SQL over millions of rows.
 */
export class QualityWorkspace {
  private constructor(
    readonly conn: DuckDBConnection,
    private readonly instance: DuckDBInstance,
    private readonly dir: string,
  ) {}

  static async open(options: WorkspaceOptions = {}): Promise<QualityWorkspace> {
    const dir = await mkdtemp(join(options.workDir ?? tmpdir(), 'golive-quality-'));
    const instance = await DuckDBInstance.create(':memory:', {
      temp_directory: join(dir, 'spill'),
      memory_limit: options.memoryLimit ?? '1GB',
      threads: String(Math.max(1, availableParallelism())),
    });
    const conn = await instance.connect();
    registerAmountFunction(conn);
    return new QualityWorkspace(conn, instance, dir);
  }

  /** Copies a source into table `table`. */
  async load(table: string, input: DatasetInput): Promise<LoadedTable> {
    const source = await openSource(input.spec, input.options ?? {});
    try {
      if (source.columns.length === 0) throw new AppError('SOURCES_NO_COLUMNS', { source: source.description });
      const { rows } = await copySourceIntoDuckDb(this.conn, table, source);
      return { table, columns: [...source.columns], rows, label: input.label ?? source.description };
    } finally {
      await source.close();
    }
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** The `cN` column of a loaded table, or SOURCES_COLUMN_MISSING naming the field, the column and the columns there are. */
export function columnRef(loaded: LoadedTable, name: string, field: string): string {
  const index = loaded.columns.indexOf(name);
  if (index < 0) {
    throw new AppError('SOURCES_COLUMN_MISSING', { source: loaded.label, column: name, field, columns: loaded.columns.join(', ') }, [
      { field },
    ]);
  }
  return `c${index}`;
}
