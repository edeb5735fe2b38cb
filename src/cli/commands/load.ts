import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError, pickLocale } from '../../shared/app-error';
import { optionFormat, optionInteger, optionInvalid, optionRequired } from '../option-errors';
import { maskPasswords } from '../../engines/sources/parse-source-spec';
import type { LoadSummary } from '../../engines/migrate/load-types';
import type { CommandIo } from './reconcile';

/** Flags of `golive load` as commander parses them. */
export interface LoadCommandOptions {
  into?: string;
  batchSize?: string;
  onError?: string;
  rejects?: string;
  simulate?: boolean;
  format?: string;
  mapColumn?: string[];
  encoding?: string;
  pgMethod?: string;
}

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

/** An error as one line for stderr: localized, no stack, passwords masked. */
export function errorText(error: unknown): string {
  const message =
    error instanceof AppError
      ? error.localizedMessage(pickLocale(process.env.GOLIVE_LANG ?? process.env.LANG))
      : error instanceof Error
        ? error.message
        : String(error);
  return maskPasswords(message);
}

/** `A=B` pairs from a repeatable flag. */
export function parsePairs(flag: string, values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) throw optionFormat(flag, value, 'SOURCE=TARGET');
    out[value.slice(0, at).trim()] = value.slice(at + 1).trim();
  }
  return out;
}

/** A whole number ≥ 1 from a flag, or undefined. */
export function positiveInt(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw optionInteger(flag, text, '≥ 1');
  return n;
}

/** A row counter on stderr, only when stderr is a terminal. */
export function rowProgress(io: CommandIo, label: string): { update(rows: number): void; stop(): void } {
  if (!io.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: `${label} | {value} rows | {speed} rows/s`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = 0;
  return {
    update(rows) {
      if (!started) {
        started = Date.now();
        bar.start(0, 0, { speed: 0 });
      }
      bar.update(rows, { speed: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
    stop() {
      if (started) bar.stop();
      started = 0;
    },
  };
}

/** The human-readable summary of one load. */
export function formatLoadTable(s: LoadSummary): string {
  const lines = [
    `batch             ${s.batch}${s.status === 'simulated' ? '  (simulation: rolled back, nothing changed)' : s.status === 'stopped' ? '  (stopped: nothing loaded)' : ''}`,
    `source            ${s.source}`,
    `target            ${s.target}`,
    '',
    ...(
      [
        ['source rows', s.source_rows],
        [s.status === 'simulated' ? 'would load' : 'loaded', s.loaded],
        ['rejected', s.rejected],
        ['skipped existing', s.skipped_existing],
      ] as const
    ).map(([label, value]) => `${label.padEnd(18)}${String(value).padStart(12)}`),
  ];
  if (s.count_check) {
    const c = s.count_check;
    lines.push(
      '',
      `count check       ${c.ok ? 'ok' : 'MISMATCH'}: ${c.source_rows} source rows = ${s.loaded} loaded + ${s.rejected} rejected + ${s.skipped_existing} already present; ` +
        `target ${c.target_rows_before} → ${c.target_rows_after} rows`,
    );
  }
  if (s.first_rejected && s.status === 'stopped') {
    lines.push('', `first bad row     row ${s.first_rejected.row}, column ${s.first_rejected.column}: ${s.first_rejected.reason}`);
  }
  if (s.rejects_file) lines.push(`rejects           ${s.rejects_file}`);
  lines.push(`time              ${s.seconds} s`);
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `golive load` and returns the exit code: 0 loaded (rejected rows, if any, are in the rejects
 * file), 1 a bad row with --on-error stop (nothing loaded), 2 error.
 */
export async function runLoadCommand(sourceSpec: string, opts: LoadCommandOptions, io: CommandIo = processIo): Promise<number> {
  const progress = rowProgress(io, opts.simulate ? 'simulating' : 'loading');
  try {
    const format = opts.format ?? 'table';
    if (format !== 'table' && format !== 'json') throw optionInvalid('--format', format, ['table', 'json']);
    const onError = opts.onError ?? 'skip';
    if (onError !== 'skip' && onError !== 'stop') throw optionInvalid('--on-error', onError, ['skip', 'stop']);
    if (!opts.into) throw optionRequired('--into', '--into postgres://user@host/db#public.customer');
    const cwd = io.cwd ?? process.cwd();
    const [{ runLoad }, { parseTargetSpec }] = await Promise.all([
      import('../../engines/migrate/load'),
      import('../../engines/migrate/parse-target-spec'),
    ]);
    const target = parseTargetSpec(opts.into, cwd);
    const pgMethod = opts.pgMethod;
    if (pgMethod !== undefined && pgMethod !== 'direct' && pgMethod !== 'staged') {
      throw optionInvalid('--pg-method', pgMethod, ['direct', 'staged']);
    }
    const pauseAfter = positiveInt('GOLIVE_TEST_PAUSE_AFTER_ROWS', process.env.GOLIVE_TEST_PAUSE_AFTER_ROWS || undefined);
    const summary = await runLoad({
      source: sourceSpec,
      target,
      batchSize: positiveInt('--batch-size', opts.batchSize),
      onError,
      pgMethod,
      rejectsFile: opts.rejects,
      simulate: opts.simulate ?? false,
      mapColumns: parsePairs('--map-column', opts.mapColumn),
      encoding: opts.encoding,
      cwd,
      onProgress: (rows) => progress.update(rows),
      pauseAfterRows: pauseAfter,
      onPause: async (rows) => {
        // Test hook for the crash test: the transaction is open and holds rows; wait to be killed.
        io.stderr.write(`golive load: paused after ${rows} rows (GOLIVE_TEST_PAUSE_AFTER_ROWS)\n`);
        await new Promise((done) => setTimeout(done, Number(process.env.GOLIVE_TEST_PAUSE_MS ?? 120_000)));
      },
    });
    progress.stop();
    io.stdout.write(format === 'json' ? `${JSON.stringify(summary)}\n` : formatLoadTable(summary));
    if (summary.status === 'stopped') {
      const f = summary.first_rejected!;
      io.stderr.write(`golive load: row ${f.row}, column ${f.column}: ${f.reason}; stopped (--on-error stop), nothing was loaded\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    progress.stop();
    io.stderr.write(`golive load: ${errorText(error)}\n`);
    return 2;
  }
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds `golive load` to the CLI program. */
export function registerLoadCommand(program: Command): void {
  program
    .command('load')
    .description('Load a source (CSV, XLSX, database table) into an existing table as one batch that can be rolled back')
    .argument('<source>', 'file.csv, file.xlsx#Sheet, sqlite:file.db#table, postgres://…#schema.table, mysql://…#table')
    .option('--into <target>', 'target table: postgres://user@host/db#schema.table or sqlite:file.db#table')
    .option('--batch-size <n>', 'rows per write round (PostgreSQL: per COPY chunk)', '50000')
    .option(
      '--on-error <mode>',
      'skip: write bad rows to the rejects file and load the rest; stop: load nothing at the first bad row',
      'skip',
    )
    .option('--rejects <file>', 'rejects CSV (default golive-rejects-<batch>.csv, written only when rows are rejected)')
    .option('--simulate', 'validate and load inside a transaction, report what would happen, then roll back')
    .option('--format <format>', 'summary format: table or json', 'table')
    .option('--map-column <source=target>', 'target column of a source column (repeatable)', collect, [])
    .option('--encoding <encoding>', 'CSV encoding, e.g. gbk (detected when omitted)')
    .option(
      '--pg-method <method>',
      'PostgreSQL: direct (lock the table against other writers, look keys up, COPY new rows straight in; the default unless the ' +
        'table has another unique index, an exclusion constraint or rules) or staged (COPY into a temp table, INSERT … ON CONFLICT DO NOTHING)',
    )
    .action(async (source: string, opts: LoadCommandOptions) => {
      process.exitCode = await runLoadCommand(source, opts);
    });
}
