import { AppError } from '../../shared/app-error';
import { openBisectSide, type BisectSide, type SegmentStats } from './bisect-sides';
import { bucketOf, compareCodePoints } from './code-point-order';
import type { DiffRow } from './diff-row';
import { planColumns } from './plan-columns';
import type { ColumnRule, ReconcileSource, ReconcileSpec } from './reconcile-spec';
import { runReconciliation, type ReconcileOptions, type ReconcileRun } from './run-reconciliation';

/** What a bisection did, reported in the summary next to the usual counts. */
export interface BisectStats {
  /** Segment pairs whose count and checksum were compared. */
  segments_compared: number;
  /** Depth reached (1 = the first split of the whole key range). */
  levels: number;
  /** Segments fetched and compared row by row. */
  segments_fetched: number;
  rows_fetched_left: number;
  rows_fetched_right: number;
}

/** A key range [lo, hi) in binary order; null is unbounded. */
interface Range {
  lo: string | null;
  hi: string | null;
  /** Side whose keys split the range (the one with more rows in it). */
  pivot: 'left' | 'right';
}

function sideSpec(source: ReconcileSource | undefined, side: 'left' | 'right'): { spec: string; query?: string } {
  if (source === undefined) {
    throw new AppError(side === 'left' ? 'RECONCILE_LEFT_SOURCE_MISSING' : 'RECONCILE_RIGHT_SOURCE_MISSING', { flag: `--${side}` }, [
      { field: side },
    ]);
  }
  if (typeof source === 'string') return { spec: source };
  return { spec: source.source, query: source.query };
}

/** Features whose result depends on more than the raw text of one key range cannot be bisected. */
function checkSupported(spec: ReconcileSpec): void {
  // `feature` is the spec field as written, so the message reads the same in every language.
  const refuse = (feature: string): never => {
    throw new AppError('RECONCILE_BISECT_UNSUPPORTED', { mode: 'bisect', feature }, [{ field: feature }]);
  };
  if (Object.keys(spec.valueMaps).length > 0) refuse('valueMaps');
  if ((spec.filters?.left.length ?? 0) + (spec.filters?.right.length ?? 0) > 0) refuse('filters');
  const norm = spec.keyNormalize;
  if (norm && (norm.trim || norm.case || norm.stripLeadingZeros)) refuse('keyNormalize');
  if (spec.aggregates.length > 0) refuse('aggregates');
  const rules: [string, ColumnRule | undefined][] = [
    ['defaults', spec.defaults],
    ...Object.entries(spec.rules).map(([c, r]): [string, ColumnRule] => [`rules.${c}`, r]),
  ];
  for (const [field, rule] of rules) {
    const ts = rule?.timestamp;
    if (ts && (ts.leftTimeZone ?? ts.timeZone) !== (ts.rightTimeZone ?? ts.timeZone)) {
      refuse(`${field}.timestamp.leftTimeZone/rightTimeZone`);
    }
  }
}

function sortedUnique(values: Iterable<string>): string[] {
  const out = [...new Set(values)].sort(compareCodePoints);
  return out;
}

function sameStats(a: SegmentStats | undefined, b: SegmentStats | undefined): boolean {
  return (a?.count ?? 0) === (b?.count ?? 0) && (a?.checksum ?? '') === (b?.checksum ?? '');
}

/** Sorts disjoint ranges and merges the ones that touch. */
function coalesce(ranges: { lo: string | null; hi: string | null }[]): { lo: string | null; hi: string | null }[] {
  const sorted = [...ranges].sort((a, b) => (a.lo === null ? -1 : b.lo === null ? 1 : compareCodePoints(a.lo, b.lo)));
  const out: { lo: string | null; hi: string | null }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.hi !== null && last.hi === r.lo) last.hi = r.hi;
    else out.push({ lo: r.lo, hi: r.hi });
  }
  return out;
}

/** The intervals of `thresholds` that lie inside [lo, hi). */
function intervalsOf(range: { lo: string | null; hi: string | null }, thresholds: string[]): number[] {
  const first = range.lo === null ? 0 : bucketOf(range.lo, thresholds);
  const last = range.hi === null ? thresholds.length : bucketOf(range.hi, thresholds) - 1;
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/**
 * Compares two database tables that are too large to move. Both sides are cut into the same key
 * ranges (binary order of the key text); per range each database returns only a row count and an
 * order-independent checksum of its rows' canonical text. Ranges that agree are counted as matched;
 * the others are split again at quantiles of their keys until they hold at most `leafRows` rows, and
 * only those rows are fetched and compared by the normal engine, so the summary and differences are
 * the ones the default mode gives. Null keys and duplicate keys are found by queries on each side
 * (duplicates force their range to be fetched).
 */
export async function runBisectReconciliation(spec: ReconcileSpec, options: ReconcileOptions = {}): Promise<ReconcileRun> {
  checkSupported(spec);
  const fanout = spec.bisect?.fanout ?? 16;
  const leafRows = spec.bisect?.leafRows ?? 256;
  const maxLevels = 12;
  const l = sideSpec(spec.left, 'left');
  const r = sideSpec(spec.right, 'right');
  const opened: BisectSide[] = [];
  const closeSides = async (): Promise<void> => {
    await Promise.all(opened.map((s) => s.close()));
  };
  try {
    const left = await openBisectSide(l.spec, l.query, options.baseDir);
    opened.push(left);
    const right = await openBisectSide(r.spec, r.query, options.baseDir);
    opened.push(right);
    const plan = planColumns(spec, left, right);
    left.prepare(
      plan.keys.map((k) => left.columns[k.left]),
      plan.compared.map((c) => left.columns[c.left]),
    );
    right.prepare(
      plan.keys.map((k) => right.columns[k.right]),
      plan.compared.map((c) => right.columns[c.right]),
    );
    const sides = { left, right };
    options.onProgress?.({ phase: 'compare', rows: 0 });

    const [leftCounts, rightCounts, leftDups, rightDups] = await Promise.all([
      left.counts(),
      right.counts(),
      left.duplicateKeys(),
      right.duplicateKeys(),
    ]);
    const duplicates = sortedUnique([...leftDups, ...rightDups]);
    const stats: BisectStats = { segments_compared: 0, levels: 0, segments_fetched: 0, rows_fetched_left: 0, rows_fetched_right: 0 };
    let matchedInPlace = 0;
    const leaves: { lo: string | null; hi: string | null }[] = [];
    let ranges: Range[] = [{ lo: null, hi: null, pivot: leftCounts.rows - leftCounts.nullKeys > 0 ? 'left' : 'right' }];

    while (ranges.length > 0) {
      if (stats.levels >= maxLevels) {
        leaves.push(...ranges);
        break;
      }
      stats.levels++;
      // 1. Split each range at quantiles of its pivot side's keys.
      const ends = sortedUnique(ranges.flatMap((g) => [g.lo, g.hi].filter((v): v is string => v !== null)));
      const cuts = new Map<Range, string[]>();
      for (const pivot of ['left', 'right'] as const) {
        const mine = ranges.filter((g) => g.pivot === pivot);
        const found = await sides[pivot].quantiles(
          ends,
          mine.map((g) => intervalsOf(g, ends)[0]),
          fanout,
        );
        for (const g of mine) {
          const inside = (found.get(intervalsOf(g, ends)[0]) ?? []).filter(
            (k) => (g.lo === null || compareCodePoints(k, g.lo) > 0) && (g.hi === null || compareCodePoints(k, g.hi) < 0),
          );
          cuts.set(g, sortedUnique(inside));
        }
      }
      const splittable = ranges.filter((g) => (cuts.get(g) ?? []).length > 0);
      // A range whose keys are all one value cannot be split any further: fetch it.
      leaves.push(...ranges.filter((g) => (cuts.get(g) ?? []).length === 0));
      if (splittable.length === 0) break;
      const thresholds = sortedUnique(
        splittable.flatMap((g) => [g.lo, g.hi, ...(cuts.get(g) ?? [])].filter((v): v is string => v !== null)),
      );
      const segments = splittable.flatMap((g) => {
        const bounds = [g.lo, ...(cuts.get(g) ?? []), g.hi];
        return bounds.slice(0, -1).map((lo, i) => ({ lo, hi: bounds[i + 1], bucket: lo === null ? 0 : bucketOf(lo, thresholds) }));
      });
      // 2. Count and checksum every new segment on both sides, in one query per side.
      const buckets = segments.map((s) => s.bucket);
      const [ls, rs] = await Promise.all([left.stats(thresholds, buckets), right.stats(thresholds, buckets)]);
      stats.segments_compared += segments.length;
      const dirtyByDuplicates = new Set(duplicates.map((k) => bucketOf(k, thresholds)));
      const next: Range[] = [];
      for (const s of segments) {
        const a = ls.get(s.bucket);
        const b = rs.get(s.bucket);
        if (sameStats(a, b) && !dirtyByDuplicates.has(s.bucket)) {
          matchedInPlace += a?.count ?? 0;
          continue;
        }
        const la = a?.count ?? 0;
        const rb = b?.count ?? 0;
        if (Math.max(la, rb) <= leafRows) leaves.push(s);
        else next.push({ lo: s.lo, hi: s.hi, pivot: la >= rb ? 'left' : 'right' });
      }
      ranges = next;
    }

    // 3. Fetch the differing segments and compare them exactly with the normal engine.
    // Adjacent ranges merge, so a table that differs everywhere becomes one range, not a huge query.
    const merged = coalesce(leaves);
    const leafThresholds = sortedUnique(merged.flatMap((g) => [g.lo, g.hi].filter((v): v is string => v !== null)));
    const leafBuckets = [...new Set(merged.flatMap((g) => intervalsOf(g, leafThresholds)))].sort((a, b) => a - b);
    stats.segments_fetched = leaves.length;
    const [leftRows, rightRows] = await Promise.all([
      left.segmentSource(leafThresholds, leafBuckets),
      right.segmentSource(leafThresholds, leafBuckets),
    ]);
    const exact = await runReconciliation({ ...spec, mode: 'full' }, { ...options, sources: { left: leftRows, right: rightRows } });
    stats.rows_fetched_left = exact.summary.left_rows;
    stats.rows_fetched_right = exact.summary.right_rows;
    const [leftNulls, rightNulls] = await Promise.all([
      leftCounts.nullKeys > 0 ? left.nullKeyRows() : [],
      rightCounts.nullKeys > 0 ? right.nullKeyRows() : [],
    ]);
    await closeSides();

    const summary = {
      ...exact.summary,
      left_rows: leftCounts.rows,
      right_rows: rightCounts.rows,
      matched: exact.summary.matched + matchedInPlace,
      null_keys_left: leftCounts.nullKeys,
      null_keys_right: rightCounts.nullKeys,
      bisect: stats,
    };
    async function* differences(): AsyncGenerator<DiffRow[]> {
      const nulls = (rows: { row: number; key: (string | null)[] }[], status: 'null_key_left' | 'null_key_right'): DiffRow[] =>
        rows.map((n) => ({ key: n.key, status, column: null, left: null, right: null, delta: null, row: n.row }));
      if (leftNulls.length) yield nulls(leftNulls, 'null_key_left');
      if (rightNulls.length) yield nulls(rightNulls, 'null_key_right');
      yield* exact.differences();
    }
    return { ...exact, summary, differences };
  } catch (error) {
    await closeSides();
    throw error;
  }
}
