import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError, pickLocale, type Locale } from '../../shared/app-error';
import { directoryNotFound, optionInvalid, optionRequired, outputIsDirectory } from '../option-errors';
import { maskUrlPassword } from '../../db/connection-url';
import type { ReportDocument } from '../../documents/document-model';

/** The reports `golive report` builds (the same builders the web app uses). */
export type ReportKind = 'current-state' | 'blueprint';

/** Flags of `golive report <kind>` as commander parses them. */
export interface ReportCommandOptions {
  project?: string;
  out?: string;
  format?: string;
  lang?: string;
  author?: string;
  /** blueprint: a saved version id (default: the latest version). */
  version?: string;
  /** current-state: the version label printed on the cover. */
  versionLabel?: string;
}

/** Where the command writes; tests pass buffers, the CLI passes the process streams. */
export interface ReportCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const processIo: ReportCommandIo = { stdout: process.stdout, stderr: process.stderr };

/** The language of CLI messages (not of the report): GOLIVE_LANG or LANG, zh-CN by default. */
const messageLocale = (): Locale => pickLocale(process.env.GOLIVE_LANG ?? process.env.LANG);

function errorText(error: unknown): string {
  const message =
    error instanceof AppError ? error.localizedMessage(messageLocale()) : error instanceof Error ? error.message : String(error);
  return maskUrlPassword(message);
}

/** The CLI user's login name, the default author of a report. */
function cliUserName(): string {
  try {
    return userInfo().username || 'golive';
  } catch {
    // No passwd entry (e.g. an arbitrary uid in a container).
    return process.env.USER ?? process.env.USERNAME ?? 'golive';
  }
}

/**
 * Writes the bytes next to the target and renames them into place, so the target is either the old
 * file or the complete new one — never half written (rename is atomic within a directory).
 */
export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function parseOptions(
  kind: ReportKind,
  opts: ReportCommandOptions,
  cwd: string,
): { projectId: string; out: string; format: 'docx' | 'html'; locale: Locale } {
  const projectId = opts.project?.trim();
  if (!projectId) throw optionRequired('--project', '--project 6f1c…');
  if (!opts.out?.trim()) throw optionRequired('--out', `--out ${kind}.docx`);
  const out = resolve(cwd, opts.out);
  const format = (
    opts.format ?? (extname(out).toLowerCase() === '.html' || extname(out).toLowerCase() === '.htm' ? 'html' : 'docx')
  ).toLowerCase();
  if (format !== 'docx' && format !== 'html') throw optionInvalid('--format', opts.format ?? format, ['docx', 'html']);
  const lang = opts.lang ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw optionInvalid('--lang', lang, ['zh-CN', 'en']);
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw directoryNotFound('--out', dir);
  if (existsSync(out) && statSync(out).isDirectory()) throw outputIsDirectory('--out', out);
  return { projectId, out, format, locale: lang };
}

/**
 * `golive report current-state|blueprint`: opens golive's database (DATABASE_URL or the default SQLite
 * file, migrated like `golive serve` does), builds the report for the project and writes it as DOCX or
 * HTML. Returns the exit code: 0 written, 2 on any error (message on stderr).
 */
export async function runReportCommand(kind: ReportKind, opts: ReportCommandOptions, io: ReportCommandIo = processIo): Promise<number> {
  try {
    const { projectId, out, format, locale } = parseOptions(kind, opts, io.cwd ?? process.cwd());
    const author = opts.author?.trim() || cliUserName();
    const { openMigratedDb, resolveDatabaseUrl } = await import('../../server/runtime');
    const db = await openMigratedDb(resolveDatabaseUrl(io.env ?? process.env));
    let doc: ReportDocument;
    try {
      const project = await db.kysely.selectFrom('project').select(['id', 'name']).where('id', '=', projectId).executeTakeFirst();
      if (!project) throw new AppError('NOT_FOUND', { entity: 'project', id: projectId });
      if (kind === 'current-state') {
        const { buildCurrentStateReport } = await import('../../modules/assessment/current-state-report');
        doc = await buildCurrentStateReport(db, projectId, { locale, author, versionLabel: opts.versionLabel });
      } else {
        const { buildBlueprintReport } = await import('../../modules/blueprint/blueprint-report');
        doc = await buildBlueprintReport(db, projectId, { locale, author, versionId: opts.version });
      }
    } finally {
      await db.close();
    }
    let data: Buffer;
    if (format === 'docx') {
      const { renderDocx } = await import('../../documents/render-docx');
      data = await renderDocx(doc);
    } else {
      const { renderHtml } = await import('../../documents/render-html');
      data = Buffer.from(renderHtml(doc), 'utf8');
    }
    await writeFileAtomic(out, data);
    io.stdout.write(`Wrote ${out} (${data.length} bytes)\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`golive report: ${errorText(error)}\n`);
    return 2;
  }
}

function addCommonOptions(command: Command): Command {
  return command
    .requiredOption('--project <id>', 'project id (see the project URL in the web app)')
    .requiredOption('--out <file>', 'output file (.docx or .html); written atomically')
    .option('--format <format>', 'docx or html (default: from the --out extension, else docx)')
    .option('--lang <lang>', 'report language: zh-CN or en', 'zh-CN')
    .option('--author <name>', 'author on the cover (default: your login name)');
}

/** Adds `golive report current-state|blueprint` to the CLI program. */
export function registerReportCommand(program: Command): void {
  const report = program
    .command('report')
    .description('write a project report (DOCX or HTML) from the golive database: current-state or blueprint');
  addCommonOptions(
    report
      .command('current-state')
      .description('Current State Analysis Report (现状分析报告): processes, bottlenecks, data, roles, environment, conclusions'),
  )
    .option('--version-label <label>', 'version label on the cover (default: from the project)')
    .action(async (opts: ReportCommandOptions) => {
      process.exitCode = await runReportCommand('current-state', opts);
    });
  addCommonOptions(
    report
      .command('blueprint')
      .description('System Blueprint Design Document (系统蓝图设计文档): functions, processes, permissions, prototypes, customisations'),
  )
    .option('--version <id>', 'a saved blueprint version id (default: the latest version)')
    .action(async (opts: ReportCommandOptions) => {
      process.exitCode = await runReportCommand('blueprint', opts);
    });
}
