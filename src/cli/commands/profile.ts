import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError, pickLocale, type Locale } from '../../shared/app-error';
import { optionInvalid, optionRequired } from '../option-errors';
import { maskPasswords } from '../../engines/sources/parse-source-spec';
import type { ProfileProgress } from '../../engines/profile/profile-source';
import type { ColumnProfile, SourceProfile } from '../../engines/profile/profile-types';

/** Flags of `golive profile` as commander parses them. */
export interface ProfileCommandOptions {
  key?: string;
  format?: string;
  encoding?: string;
  sheet?: string;
  /** DuckDB memory limit (default 1GB). */
  memoryLimit?: string;
}

/** Where the command writes; tests pass buffers, the CLI passes the process streams. */
export interface ProfileCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd?: string;
  locale?: Locale;
}

const processIo: ProfileCommandIo = { stdout: process.stdout, stderr: process.stderr };

/** Terminal columns a string takes: East Asian wide and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Cuts a string to a display width, marking the cut with `…`. */
function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

const percent = (ratio: number): string => `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.001 ? 2 : 1)}%`;

function cellValue(value: number | string | null): string {
  if (value === null) return '∅';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  return value.replace(/[\r\n\t]/g, ' ');
}

function topText(column: ColumnProfile): string {
  return column.top
    .slice(0, 3)
    .map((t) => `${clip(cellValue(t.value), 12)}×${t.count}`)
    .join(', ');
}

/** The profile as an aligned, bilingual table. */
export function formatProfileTable(profile: SourceProfile, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const headers = [
    '列 Column',
    '类型 Type',
    '匹配 Fit',
    '空值 Null',
    '去重 Distinct',
    '最小 Min',
    '最大 Max',
    '长度 Len',
    '质量 Score',
    '高频值 Top',
  ];
  const rows = profile.columns.map((c) => [
    clip(c.name, 24),
    c.type,
    c.type === 'text' ? '' : percent(c.type_ratio),
    percent(c.null_ratio),
    String(c.distinct),
    clip(cellValue(c.min), 20),
    clip(cellValue(c.max), 20),
    c.length ? `${c.length.min}-${c.length.max}` : '',
    String(c.quality.score),
    topText(c),
  ]);
  const numeric = new Set([2, 3, 4, 8]);
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i], numeric.has(i))))
      .join('  ')
      .trimEnd();
  const out = [
    `${zh ? '数据源' : 'Source'}: ${profile.source}`,
    `${zh ? '行数' : 'Rows'}: ${profile.rows}    ${zh ? '列数' : 'Columns'}: ${profile.columns.length}    ${zh ? '质量评分' : 'Quality'}: ${profile.quality.score}/100`,
    '',
    line(headers),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (profile.key) {
    const k = profile.key;
    out.push(
      '',
      zh
        ? `主键 ${k.columns.join(', ')}：${k.duplicate_values} 个值重复（${k.duplicate_rows} 行），${k.null_keys} 行主键为空`
        : `Key ${k.columns.join(', ')}: ${k.duplicate_values} duplicated values (${k.duplicate_rows} rows), ${k.null_keys} rows with a null key`,
    );
    for (const e of k.examples) {
      out.push(
        `  ${e.key.map((v) => v ?? '∅').join(', ')}  ×${e.count}  ${zh ? '行' : 'rows'} ${e.rows.join(', ')}${e.count > e.rows.length ? ', …' : ''}`,
      );
    }
  }
  if (profile.quality.reasons.length) {
    out.push('', zh ? '扣分原因：' : 'Quality issues:');
    for (const r of profile.quality.reasons) out.push(`  -${String(r.penalty).padStart(5)}  ${zh ? r.zh : r.en}`);
  }
  return `${out.join('\n')}\n`;
}

/** A progress bar on stderr, only when stderr is a terminal so logs and pipes stay clean. */
function progressReporter(io: ProfileCommandIo): { update(p: ProfileProgress): void; stop(): void } {
  if (!io.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr as NodeJS.WritableStream, format: '{phase} | {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const [phase, value, total] = p.phase === 'load' ? ['loading rows    ', p.rows, 0] : ['profiling column', p.column, p.columns];
      if (!started) {
        bar.start(total, value, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(value, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Runs `golive profile SRC` and returns the exit code: 0 done, 2 error (message on stderr, no stack). */
export async function runProfileCommand(source: string, opts: ProfileCommandOptions, io: ProfileCommandIo = processIo): Promise<number> {
  const progress = progressReporter(io);
  const locale = io.locale ?? pickLocale(process.env.GOLIVE_LANG ?? process.env.LANG);
  try {
    const format = opts.format ?? 'table';
    if (format !== 'table' && format !== 'json') throw optionInvalid('--format', format, ['table', 'json']);
    const key = opts.key
      ?.split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (opts.key !== undefined && !key?.length) throw optionRequired('--key', '--key ID');
    const { profileSource } = await import('../../engines/profile/profile-source');
    const profile = await profileSource(source, {
      baseDir: io.cwd ?? process.cwd(),
      encoding: opts.encoding,
      sheet: opts.sheet,
      key,
      memoryLimit: opts.memoryLimit,
      onProgress: (p) => progress.update(p),
    });
    progress.stop();
    io.stdout.write(format === 'json' ? `${JSON.stringify(profile)}\n` : formatProfileTable(profile, locale));
    return 0;
  } catch (error) {
    progress.stop();
    const message = error instanceof AppError ? error.localizedMessage(locale) : error instanceof Error ? error.message : String(error);
    io.stderr.write(`golive profile: ${maskPasswords(message)}\n`);
    return 2;
  }
}

/** Adds `golive profile` to the CLI program. */
export function registerProfileCommand(program: Command): void {
  program
    .command('profile')
    .description('Profile a data source: types (incl. Chinese business types), nulls, distincts, patterns, quality score')
    .argument('<source>', 'file.csv, file.xlsx#Sheet, sqlite:file.db#table, postgres://…#schema.table, mysql://…#table')
    .option('--key <columns>', 'key column(s), comma separated: report duplicate and null keys')
    .option('--format <format>', 'output: table or json', 'table')
    .option('--encoding <encoding>', 'CSV encoding, e.g. gbk (detected when omitted)')
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .option('--memory-limit <size>', 'memory for the analysis before spilling to disk', '1GB')
    .action(async (source: string, opts: ProfileCommandOptions) => {
      process.exitCode = await runProfileCommand(source, opts);
    });
}
