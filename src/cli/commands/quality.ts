import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { AppError, pickLocale, type Locale } from '../../shared/app-error';
import { fileParseFailed, fileUnreadable, optionFormat, optionOneOfRequired, optionRequires, specInvalid } from '../option-errors';
import { maskPasswords } from '../../engines/sources/parse-source-spec';
import type { DatasetInput } from '../../engines/quality/workspace';
import { CsvWriter } from '../../engines/export/csv-writer';

/** Flags of `golive quality` as commander parses them. */
export interface QualityCommandOptions {
  rules?: string;
  recipe?: string;
  out?: string;
  failures?: string;
  key?: string;
  dataset?: string[];
  encoding?: string;
  sheet?: string;
  memoryLimit?: string;
}

/** Where the command writes; tests pass buffers, the CLI passes the process streams. */
export interface QualityCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd?: string;
  locale?: Locale;
}

const processIo: QualityCommandIo = { stdout: process.stdout, stderr: process.stderr };

/** Reads a rule set or recipe; `file` is the path as the user typed it, `path` the resolved one. */
async function readSpecFile(path: string, file: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw fileUnreadable(option, file);
  }
  const format = /\.json$/i.test(path) ? 'JSON' : 'YAML';
  try {
    return format === 'JSON' ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown);
  } catch (error) {
    throw fileParseFailed(option, file, format, error instanceof Error ? error.message : String(error));
  }
}

/**
 * `golive quality`: runs a rule set (JSON/YAML file) over a source and writes every failing row
 * (CSV, Chinese headers) and/or applies a cleansing recipe into a cleaned UTF-8 CSV. The source is
 * never modified. Exit code 0 when every rule passes, 1 when some row fails a rule, 2 on errors.
 */
export async function runQualityCommand(source: string, opts: QualityCommandOptions, io: QualityCommandIo = processIo): Promise<number> {
  const locale = io.locale ?? pickLocale(process.env.GOLIVE_LANG ?? process.env.LANG);
  const cwd = io.cwd ?? process.cwd();
  try {
    if (!opts.rules && !opts.recipe) throw optionOneOfRequired(['--rules', '--recipe']);
    if (opts.recipe && !opts.out) throw optionRequires('--recipe', '--out <cleaned.csv>');
    const { ruleSetSchema, cleanseRecipeSchema } = await import('../../engines/quality/quality-schema');
    const input: DatasetInput = { spec: source, options: { baseDir: cwd, encoding: opts.encoding, sheet: opts.sheet } };
    const datasets: Record<string, DatasetInput> = {};
    for (const pair of opts.dataset ?? []) {
      const at = pair.indexOf('=');
      if (at <= 0) throw optionFormat('--dataset', pair, 'ID=SOURCE');
      datasets[pair.slice(0, at)] = { spec: pair.slice(at + 1), options: { baseDir: cwd }, label: pair.slice(0, at) };
    }
    let code = 0;
    if (opts.rules) {
      const parsed = ruleSetSchema.safeParse(await readSpecFile(resolve(cwd, opts.rules), opts.rules, '--rules'));
      if (!parsed.success) throw specInvalid('--rules', opts.rules, parsed.error.issues);
      const { runQualityRules } = await import('../../engines/quality/run-rules');
      const out = opts.failures
        ? CsvWriter.toFile(resolve(cwd, opts.failures), ['规则编号', '行号', '键', '列', '值', '原因'], { bom: true })
        : null;
      const key = opts.key
        ?.split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      const result = await runQualityRules(input, parsed.data, {
        keyColumns: key,
        datasets,
        locale,
        memoryLimit: opts.memoryLimit,
        onFailures: async (batch) => {
          await out?.writeRows(batch.map((f) => [f.ruleId, f.row, f.key, f.column, f.value, f.reason]));
        },
      });
      await out?.close();
      const zh = locale === 'zh-CN';
      io.stdout.write(
        zh ? `${result.rows} 行，不合格 ${result.failuresTotal} 条\n` : `${result.rows} rows, ${result.failuresTotal} failing\n`,
      );
      for (const r of result.rules) io.stdout.write(`  ${r.failing === 0 ? '✓' : '✗'} ${r.label}: ${r.failing}\n`);
      if (result.failuresTotal > 0) code = 1;
    }
    if (opts.recipe && opts.out) {
      const parsed = cleanseRecipeSchema.safeParse(await readSpecFile(resolve(cwd, opts.recipe), opts.recipe, '--recipe'));
      if (!parsed.success) throw specInvalid('--recipe', opts.recipe, parsed.error.issues);
      const { writeCleansedCsv } = await import('../../engines/quality/cleanse');
      const preview = await writeCleansedCsv(input, parsed.data, resolve(cwd, opts.out), { datasets, memoryLimit: opts.memoryLimit });
      const changed = preview.changedCells.reduce((s, c) => s + c.changed, 0);
      io.stdout.write(
        locale === 'zh-CN'
          ? `清洗：${preview.rowsBefore} → ${preview.rowsAfter} 行（去重 ${preview.duplicatesRemoved}），修改 ${changed} 个单元格 → ${opts.out}\n`
          : `cleansed: ${preview.rowsBefore} → ${preview.rowsAfter} rows (${preview.duplicatesRemoved} duplicates removed), ${changed} cells changed → ${opts.out}\n`,
      );
    }
    return code;
  } catch (error) {
    const message = error instanceof AppError ? error.localizedMessage(locale) : error instanceof Error ? error.message : String(error);
    io.stderr.write(`golive quality: ${maskPasswords(message)}\n`);
    return 2;
  }
}

/** Registers `golive quality`. */
export function registerQualityCommand(program: Command): void {
  program
    .command('quality')
    .description('Run quality rules over a source (every failing row) and/or cleanse it into a new CSV; the source is never modified')
    .argument('<source>', 'file.csv, file.xlsx#Sheet, sqlite:file.db#table, postgres://…#schema.table, mysql://…#table')
    .option('--rules <file>', 'rule set (JSON or YAML): { rules: [...] }')
    .option('--failures <file.csv>', 'write every failing row here (UTF-8 CSV with BOM, Chinese headers)')
    .option('--key <columns>', 'key column(s) identifying rows in the failure report, comma separated')
    .option('--recipe <file>', 'cleansing recipe (JSON or YAML): { steps: [...] }')
    .option('--out <file.csv>', 'where the cleaned CSV goes (with --recipe)')
    .option('--dataset <id=source...>', 'datasets named by reference rules or mapping steps')
    .option('--encoding <encoding>', 'CSV encoding, e.g. gbk (detected when omitted)')
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .option('--memory-limit <size>', 'memory before spilling to disk', '1GB')
    .action(async (source: string, opts: QualityCommandOptions) => {
      process.exitCode = await runQualityCommand(source, opts);
    });
}
