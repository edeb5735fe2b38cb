import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError, pickLocale } from '../../shared/app-error';
import { fileUnreadable, optionFormat, optionInteger, optionInvalid, optionNumber } from '../option-errors';
import { maskPasswords, parseSourceSpec } from '../../engines/sources/parse-source-spec';
import {
  parseReconcileSpecYaml,
  validateReconcileSpec,
  type ReconcileSource,
  type ReconcileSpec,
  type ReconcileSpecInput,
} from '../../engines/reconcile/reconcile-spec';
import { runReconciliation, type ReconcileProgress, type ReconcileSummary } from '../../engines/reconcile/run-reconciliation';
import { writeDiffFile } from '../../engines/reconcile/write-diff-file';

/** Flags of `golive reconcile` as commander parses them. */
export interface ReconcileCommandOptions {
  left?: string;
  right?: string;
  key?: string;
  spec?: string;
  mapColumn?: string[];
  ignore?: string[];
  tolerance?: string[];
  valueMap?: string[];
  encoding?: string;
  format?: string;
  out?: string;
  failOnDiff?: boolean;
  /** DuckDB memory limit (default 1GB). */
  memoryLimit?: string;
  /** `full` (default) or `bisect` (compare two database tables in place). */
  mode?: string;
  /** Bisect: parts per split (default 16). */
  bisectFanout?: string;
  /** Bisect: fetch a differing range once it holds at most this many rows (default 256). */
  bisectLeafRows?: string;
}

/** Where the command writes; tests pass buffers, the CLI passes the process streams. */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd?: string;
}

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

function splitPair(flag: string, value: string): [string, string] {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw optionFormat(flag, value, 'NAME=VALUE');
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

/** File paths given on the command line are relative to the working directory, not the spec file. */
function absoluteSource(spec: string, cwd: string): string {
  const parsed = parseSourceSpec(spec);
  if (parsed.kind === 'csv') return resolve(cwd, parsed.path);
  if (parsed.kind === 'xlsx') return resolve(cwd, parsed.path) + (parsed.sheet ? `#${parsed.sheet}` : '');
  if (parsed.kind === 'sqlite') return `sqlite:${resolve(cwd, parsed.path)}${parsed.target ? `#${parsed.target}` : ''}`;
  return spec;
}

/** Merges a spec file (if any) with the flags; flags win. */
async function buildSpec(opts: ReconcileCommandOptions, cwd: string): Promise<{ spec: ReconcileSpec; baseDir: string }> {
  let base: ReconcileSpecInput = {};
  let baseDir = cwd;
  if (opts.spec) {
    const path = resolve(cwd, opts.spec);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw fileUnreadable('--spec', opts.spec);
    }
    base = parseReconcileSpecYaml(text, opts.spec);
    baseDir = dirname(path);
  }
  const merged: ReconcileSpecInput = { ...base };
  const source = (flag: string | undefined, current: ReconcileSource | undefined): ReconcileSource | undefined => {
    if (flag === undefined) return current;
    const spec = absoluteSource(flag, cwd);
    return current !== undefined && typeof current !== 'string' ? { ...current, source: spec } : spec;
  };
  merged.left = source(opts.left, base.left);
  merged.right = source(opts.right, base.right);
  if (opts.key)
    merged.key = opts.key
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  const mapColumns = { ...(base.mapColumns ?? {}) };
  for (const pair of opts.mapColumn ?? []) {
    const [from, to] = splitPair('--map-column', pair);
    mapColumns[from] = to;
  }
  merged.mapColumns = mapColumns;
  merged.ignore = [...(base.ignore ?? []), ...(opts.ignore ?? [])];
  const rules = { ...(base.rules ?? {}) };
  for (const pair of opts.tolerance ?? []) {
    const [column, text] = splitPair('--tolerance', pair);
    const tolerance = Number(text);
    if (!Number.isFinite(tolerance) || tolerance < 0) throw optionNumber('--tolerance', text, '≥ 0');
    rules[column] = { ...(rules[column] ?? {}), tolerance };
  }
  merged.rules = rules;
  const valueMaps = { ...(base.valueMaps ?? {}) };
  for (const pair of opts.valueMap ?? []) {
    const [column, file] = splitPair('--value-map', pair);
    valueMaps[column] = { file: resolve(cwd, file) };
  }
  merged.valueMaps = valueMaps;
  if (opts.mode !== undefined) {
    if (opts.mode !== 'full' && opts.mode !== 'bisect') throw optionInvalid('--mode', opts.mode, ['full', 'bisect']);
    merged.mode = opts.mode;
  }
  const positive = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw optionInteger(flag, text, '≥ 1');
    return n;
  };
  const fanout = positive('--bisect-fanout', opts.bisectFanout);
  const leafRows = positive('--bisect-leaf-rows', opts.bisectLeafRows);
  if (fanout !== undefined || leafRows !== undefined) {
    merged.bisect = {
      ...(base.bisect ?? {}),
      ...(fanout !== undefined ? { fanout } : {}),
      ...(leafRows !== undefined ? { leafRows } : {}),
    };
  }
  return { spec: validateReconcileSpec(merged, opts.spec ?? 'options'), baseDir };
}

/** True when anything at all disagrees (rows, keys or aggregate groups). */
export function hasDifferences(summary: ReconcileSummary): boolean {
  return (
    summary.changed +
      summary.only_left +
      summary.only_right +
      summary.duplicate_keys_left +
      summary.duplicate_keys_right +
      summary.null_keys_left +
      summary.null_keys_right >
      0 || (summary.aggregates ?? []).some((a) => a.mismatched_groups > 0)
  );
}

function formatTable(summary: ReconcileSummary, left: string, right: string): string {
  const lines = [
    `left   ${left}`,
    `right  ${right}`,
    '',
    ...(
      [
        ['left rows', summary.left_rows],
        ['right rows', summary.right_rows],
        ['matched', summary.matched],
        ['changed', summary.changed],
        ['only left', summary.only_left],
        ['only right', summary.only_right],
        ['duplicate keys left', summary.duplicate_keys_left],
        ['duplicate keys right', summary.duplicate_keys_right],
        ['null keys left', summary.null_keys_left],
        ['null keys right', summary.null_keys_right],
      ] as const
    ).map(([label, value]) => `${label.padEnd(22)}${String(value).padStart(12)}`),
  ];
  const columns = Object.entries(summary.columns);
  if (columns.length) {
    lines.push('', 'mismatching rows by column:');
    const width = Math.max(...columns.map(([c]) => c.length)) + 2;
    for (const [column, count] of columns) lines.push(`  ${column.padEnd(width)}${String(count).padStart(12)}`);
  }
  if (summary.bisect) {
    const b = summary.bisect;
    lines.push(
      '',
      `bisect: ${b.segments_compared} segments compared in place over ${b.levels} levels; ${b.segments_fetched} fetched ` +
        `(${b.rows_fetched_left} left rows, ${b.rows_fetched_right} right rows)`,
    );
  }
  if (summary.skipped_columns.length) lines.push('', `not compared (no such column on the right): ${summary.skipped_columns.join(', ')}`);
  for (const agg of summary.aggregates ?? []) {
    lines.push('', `${agg.name}: ${agg.mismatched_groups} of ${agg.groups} groups differ`);
    for (const m of agg.mismatches.slice(0, 20)) {
      const group =
        Object.entries(m.group)
          .map(([k, v]) => `${k}=${v ?? '∅'}`)
          .join(', ') || '(all rows)';
      const sums = Object.entries(m.sums)
        .map(([k, s]) => `${k}: ${s.left ?? '∅'} → ${s.right ?? '∅'}`)
        .join('; ');
      lines.push(`  ${group}: count ${m.left_count} → ${m.right_count}${sums ? `; ${sums}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatCsv(summary: ReconcileSummary): string {
  const rows: [string, number][] = [
    ['left_rows', summary.left_rows],
    ['right_rows', summary.right_rows],
    ['matched', summary.matched],
    ['changed', summary.changed],
    ['only_left', summary.only_left],
    ['only_right', summary.only_right],
    ['duplicate_keys_left', summary.duplicate_keys_left],
    ['duplicate_keys_right', summary.duplicate_keys_right],
    ['null_keys_left', summary.null_keys_left],
    ['null_keys_right', summary.null_keys_right],
    ...Object.entries(summary.columns).map(([c, n]): [string, number] => [`column:${c}`, n]),
    ...(summary.aggregates ?? []).map((a): [string, number] => [`aggregate:${a.name}:mismatched_groups`, a.mismatched_groups]),
    ...Object.entries(summary.bisect ?? {}).map(([k, v]): [string, number] => [`bisect:${k}`, v]),
  ];
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `metric,value\n${rows.map(([k, v]) => `${cell(k)},${v}`).join('\n')}\n`;
}

/** A progress bar on stderr, only when stderr is a terminal so logs and pipes stay clean. */
function progressReporter(io: CommandIo): { update(p: ReconcileProgress): void; stop(): void } {
  if (!io.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const labels = { load_left: 'loading left ', load_right: 'loading right', compare: 'comparing    ' };
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr as NodeJS.WritableStream, format: '{phase} | {value} rows', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(0, 0, { phase: labels[p.phase] });
        started = true;
      }
      bar.update(p.rows, { phase: labels[p.phase] });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * Runs `golive reconcile` and returns the exit code: 0 done, 1 differences with --fail-on-diff,
 * 2 error (message on stderr, never a stack trace or a password).
 */
export async function runReconcileCommand(opts: ReconcileCommandOptions, io: CommandIo = processIo): Promise<number> {
  const progress = progressReporter(io);
  try {
    const format = opts.format ?? 'table';
    if (!['table', 'json', 'csv'].includes(format)) throw optionInvalid('--format', format, ['table', 'json', 'csv']);
    const cwd = io.cwd ?? process.cwd();
    const { spec, baseDir } = await buildSpec(opts, cwd);
    const run = await runReconciliation(spec, {
      baseDir,
      encoding: opts.encoding,
      memoryLimit: opts.memoryLimit,
      onProgress: (p) => progress.update(p),
    });
    try {
      if (opts.out) await writeDiffFile(resolve(cwd, opts.out), run.differences());
      progress.stop();
      const { summary } = run;
      if (format === 'json') {
        const { skipped_columns: _skipped, ...rest } = summary;
        io.stdout.write(`${JSON.stringify(summary.skipped_columns.length ? summary : rest)}\n`);
      } else if (format === 'csv') {
        io.stdout.write(formatCsv(summary));
      } else {
        io.stdout.write(formatTable(summary, run.left.description, run.right.description));
      }
      return opts.failOnDiff && hasDifferences(summary) ? 1 : 0;
    } finally {
      await run.close();
    }
  } catch (error) {
    progress.stop();
    const message =
      error instanceof AppError
        ? error.localizedMessage(pickLocale(process.env.GOLIVE_LANG ?? process.env.LANG))
        : error instanceof Error
          ? error.message
          : String(error);
    io.stderr.write(`golive reconcile: ${maskPasswords(message)}\n`);
    return 2;
  }
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds `golive reconcile` to the CLI program. */
export function registerReconcileCommand(program: Command): void {
  program
    .command('reconcile')
    .description('Compare two data sources (old system vs new system) row by row and column by column')
    .option(
      '--left <source>',
      'left (old system) source: file.csv, file.xlsx#Sheet, sqlite:file.db#table, postgres://…#schema.table, mysql://…#table',
    )
    .option('--right <source>', 'right (new system) source, same syntax as --left')
    .option('--key <columns>', 'key column(s), comma separated, left names')
    .option('--spec <file>', 'YAML spec with keys, mappings, rules, filters and aggregate checks')
    .option('--map-column <left=right>', 'right-side name of a left column (repeatable)', collect, [])
    .option('--ignore <column>', 'do not compare this column (repeatable)', collect, [])
    .option('--tolerance <column=abs>', 'numeric absolute tolerance (repeatable)', collect, [])
    .option('--value-map <column=file.csv>', 'map legacy codes to new codes from a 2-column CSV (repeatable)', collect, [])
    .option('--encoding <encoding>', 'CSV encoding, e.g. gbk (detected when omitted)')
    .option('--format <format>', 'summary format: table, json or csv', 'table')
    .option('--out <file>', 'write every difference to a .csv or .xlsx file')
    .option('--fail-on-diff', 'exit with code 1 when any difference is found')
    .option('--memory-limit <size>', 'memory for the comparison before spilling to disk', '1GB')
    .option(
      '--mode <mode>',
      'full (copy both sides into the comparison engine) or bisect (two PostgreSQL/SQLite tables compared in place by key-range checksums; only differing ranges are fetched)',
    )
    .option('--bisect-fanout <n>', 'bisect: parts each differing key range is split into (default 16)')
    .option('--bisect-leaf-rows <n>', 'bisect: fetch a differing range once it holds at most this many rows (default 256)')
    .action(async (opts: ReconcileCommandOptions) => {
      process.exitCode = await runReconcileCommand(opts);
    });
}
