import { AppError } from '../../shared/app-error';
import type { OpenSourceOptions, TabularSource } from '../sources/source-types';
import { countSummary } from './count-summary';
import type { DiffRow } from './diff-row';
import { joinOnKeys } from './key-join';
import { loadSourceTable } from './load-source-table';
import { openWorkDatabase } from './open-work-database';
import { planColumns } from './plan-columns';
import type { ReconcileSource, ReconcileSpec } from './reconcile-spec';
import { runAggregates } from './run-aggregates';
import type { BisectStats } from './run-bisect';
import { prepareSideViews } from './side-views';
import { streamDifferences } from './stream-differences';

/** Progress of a run: which phase and how many rows it has handled. */
export interface ReconcileProgress {
  phase: 'load_left' | 'load_right' | 'compare';
  rows: number;
}

/** Engine knobs; none changes the result. */
export interface ReconcileOptions {
  /** Base directory for relative file paths (sources, value maps). */
  baseDir?: string;
  /** Directory for DuckDB's database and spill files (default: a fresh temp dir). */
  workDir?: string;
  /** DuckDB memory limit, e.g. '1GB' (default). Above it DuckDB spills to disk. */
  memoryLimit?: string;
  threads?: number;
  /** CSV encoding for sides that do not set one. */
  encoding?: string;
  onProgress?: (progress: ReconcileProgress) => void;
  /** Aborting stops the run: the running DuckDB query is interrupted and the run rejects with CANCELLED. */
  signal?: AbortSignal;
  /** Already opened sources to use instead of opening the spec's (bisect mode passes the differing segments). */
  sources?: { left?: TabularSource; right?: TabularSource };
}

/** One group of an aggregate check whose count or sums disagree. */
export interface AggregateGroupResult {
  group: Record<string, string | null>;
  left_count: number;
  right_count: number;
  sums: Record<string, { left: string | null; right: string | null; delta: string | null }>;
}

/** Result of one aggregate check. */
export interface AggregateResult {
  name: string;
  group_by: string[];
  sum: string[];
  groups: number;
  mismatched_groups: number;
  /** Every mismatching group, ordered by group. */
  mismatches: AggregateGroupResult[];
}

/** Counts of a run, in the JSON shape the CLI prints. */
export interface ReconcileSummary {
  left_rows: number;
  right_rows: number;
  matched: number;
  changed: number;
  only_left: number;
  only_right: number;
  duplicate_keys_left: number;
  duplicate_keys_right: number;
  null_keys_left: number;
  null_keys_right: number;
  /** Compared column (left name) → rows where it differs. */
  columns: Record<string, number>;
  /** Left columns with no counterpart on the right, so not compared. */
  skipped_columns: string[];
  aggregates?: AggregateResult[];
  /** Present in bisect mode: how much was compared in place and how much fetched. */
  bisect?: BisectStats;
}

/** A finished comparison: the summary now, the differences streamed on demand. */
export interface ReconcileRun {
  summary: ReconcileSummary;
  keyColumns: string[];
  left: { description: string; columns: string[] };
  right: { description: string; columns: string[] };
  /** Null and duplicate keys first, then changed, only_left, only_right, each ordered by key. */
  differences(): AsyncGenerator<DiffRow[]>;
  close(): Promise<void>;
}

function sourceSpecOf(source: ReconcileSource | undefined, side: 'left' | 'right'): { spec: string; options: OpenSourceOptions } {
  if (source === undefined) {
    throw new AppError(side === 'left' ? 'RECONCILE_LEFT_SOURCE_MISSING' : 'RECONCILE_RIGHT_SOURCE_MISSING', { flag: `--${side}` }, [
      { field: side },
    ]);
  }
  if (typeof source === 'string') return { spec: source, options: {} };
  const { source: spec, ...options } = source;
  return { spec, options };
}

/**
 * Reconciles two sources under a spec. Both sides are copied into an on-disk DuckDB database
 * (bounded memory, spills to `workDir`), normalised in SQL, checked for null and duplicate keys —
 * which are reported and kept out of the join so it stays one-to-one — and compared with a
 * FULL OUTER JOIN. Call `close()` when done with the differences.
 */
export async function runReconciliation(spec: ReconcileSpec, options: ReconcileOptions = {}): Promise<ReconcileRun> {
  if (spec.mode === 'bisect') {
    const { runBisectReconciliation } = await import('./run-bisect');
    return runBisectReconciliation(spec, options);
  }
  const left = sourceSpecOf(spec.left, 'left');
  const right = sourceSpecOf(spec.right, 'right');
  const { conn, close } = await openWorkDatabase(options);
  try {
    const signal = options.signal;
    // Progress callbacks run inside the load loops, so checking there stops appends between chunks.
    const progress = (p: ReconcileProgress): void => {
      if (signal?.aborted) throw new AppError('CANCELLED');
      options.onProgress?.(p);
    };
    if (signal?.aborted) throw new AppError('CANCELLED');
    const leftTable = await loadSourceTable(conn, 'l_raw', left.spec, {
      source: options.sources?.left,
      encoding: options.encoding,
      ...left.options,
      baseDir: options.baseDir,
      onRows: (rows) => progress?.({ phase: 'load_left', rows }),
    });
    const rightTable = await loadSourceTable(conn, 'r_raw', right.spec, {
      source: options.sources?.right,
      encoding: options.encoding,
      ...right.options,
      baseDir: options.baseDir,
      onRows: (rows) => progress?.({ phase: 'load_right', rows }),
    });
    progress?.({ phase: 'compare', rows: 0 });
    const plan = planColumns(spec, leftTable, rightTable);
    const views = await prepareSideViews(conn, spec, plan, { left: leftTable, right: rightTable }, options.baseDir);
    const join = await joinOnKeys(conn, plan, views);
    const summary = await countSummary(conn, plan, views, join);
    if (spec.aggregates.length > 0) {
      summary.aggregates = await runAggregates(conn, spec.aggregates, plan, {
        left: leftTable.description,
        right: rightTable.description,
      });
    }
    return {
      summary,
      keyColumns: plan.keys.map((k) => k.name),
      left: { description: leftTable.description, columns: leftTable.columns },
      right: { description: rightTable.description, columns: rightTable.columns },
      differences: () => streamDifferences(conn, plan, views, join),
      close,
    };
  } catch (error) {
    await close();
    // An interrupted DuckDB query fails with its own message; report it as the cancellation it is.
    if (options.signal?.aborted) throw new AppError('CANCELLED');
    throw error;
  }
}
