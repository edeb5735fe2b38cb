import type { Command } from 'commander';
import { maskUrlPassword } from '../../db/connection-url';
import type { HealthView } from '../../modules/risks/risk.schema';
import { AppError, pickLocale, type Locale } from '../../shared/app-error';
import { optionInvalid, optionNumber, optionRequired } from '../option-errors';

/** Flags of `golive health` as commander parses them. */
export interface HealthCommandOptions {
  project?: string;
  format?: string;
  lang?: string;
  failBelow?: string;
}

/** Where the command writes; tests pass buffers, the CLI passes the process streams. */
export interface HealthCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env?: NodeJS.ProcessEnv;
}

/** Exit code when the health score is below `--fail-below` (or cannot be scored). */
export const EXIT_UNHEALTHY = 3;

const LEVEL_TEXT: Record<Locale, Record<string, string>> = {
  'zh-CN': { ok: '正常', watch: '关注', warning: '预警', critical: '严重', no_data: '无数据' },
  en: { ok: 'ok', watch: 'watch', warning: 'warning', critical: 'critical', no_data: 'no data' },
};

/** Pads by display width: CJK characters take two columns in a terminal. */
function pad(text: string, width: number): string {
  let columns = 0;
  for (const ch of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(1, width - columns));
}

/** The health as a terminal table: score, one line per dimension, then the alerts worst first. */
export function formatHealthTable(health: HealthView, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const level = (l: string) => LEVEL_TEXT[locale][l] ?? l;
  const lines = [
    `${zh ? '项目健康度' : 'Project health'}: ${health.score ?? '—'} (${level(health.level)})  ${zh ? '评估日期' : 'evaluated'} ${health.evaluatedOn}`,
    '',
  ];
  for (const d of health.dimensions) {
    lines.push(`${pad(d.title, 22)}${pad(String(d.score ?? '—'), 6)}${level(d.level)}`);
  }
  lines.push('');
  if (health.alerts.length === 0) lines.push(zh ? '没有预警。' : 'No alerts.');
  for (const a of health.alerts) {
    const registered = a.riskCode ? ` [${a.riskCode}]` : '';
    lines.push(`[${level(a.level)}] ${a.code}${registered}: ${a.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function parseOptions(opts: HealthCommandOptions): {
  projectId: string;
  format: 'table' | 'json';
  locale: Locale;
  failBelow: number | null;
} {
  const projectId = opts.project?.trim();
  if (!projectId) throw optionRequired('--project', '--project 6f1c…');
  const format = (opts.format ?? 'table').toLowerCase();
  if (format !== 'table' && format !== 'json') throw optionInvalid('--format', opts.format ?? format, ['table', 'json']);
  const lang = opts.lang ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw optionInvalid('--lang', lang, ['zh-CN', 'en']);
  let failBelow: number | null = null;
  if (opts.failBelow !== undefined) {
    failBelow = Number(opts.failBelow);
    if (!/^\d+(\.\d+)?$/.test(opts.failBelow.trim()) || failBelow > 100) throw optionNumber('--fail-below', opts.failBelow, '0–100');
  }
  return { projectId, format, locale: lang, failBelow };
}

/**
 * `golive health`: evaluates a project's early warnings and health score from golive's database
 * (DATABASE_URL or the default SQLite file), records today's snapshot like the web page does and
 * prints it. Exit 0; 3 when `--fail-below` is given and the score is lower (or there is no score); 2 on
 * any error.
 */
export async function runHealthCommand(
  opts: HealthCommandOptions,
  io: HealthCommandIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const messageLocale = pickLocale((io.env ?? process.env).GOLIVE_LANG ?? (io.env ?? process.env).LANG);
  try {
    const { projectId, format, locale, failBelow } = parseOptions(opts);
    const { openMigratedDb, resolveDatabaseUrl } = await import('../../server/runtime');
    const db = await openMigratedDb(resolveDatabaseUrl(io.env ?? process.env));
    let health: HealthView;
    try {
      const project = await db.kysely.selectFrom('project').select('id').where('id', '=', projectId).executeTakeFirst();
      if (!project) throw new AppError('NOT_FOUND', { entity: 'project', id: projectId });
      const { getProjectHealth } = await import('../../modules/risks/health.service');
      health = await getProjectHealth(db, projectId, locale);
    } finally {
      await db.close();
    }
    io.stdout.write(format === 'json' ? `${JSON.stringify(health, null, 2)}\n` : formatHealthTable(health, locale));
    if (failBelow !== null && (health.score === null || health.score < failBelow)) {
      io.stderr.write(`golive health: score ${health.score ?? 'none'} is below ${failBelow}\n`);
      return EXIT_UNHEALTHY;
    }
    return 0;
  } catch (error) {
    const message =
      error instanceof AppError ? error.localizedMessage(messageLocale) : error instanceof Error ? error.message : String(error);
    io.stderr.write(`golive health: ${maskUrlPassword(message)}\n`);
    return 2;
  }
}

/** Adds `golive health` to the CLI program. */
export function registerHealthCommand(program: Command): void {
  program
    .command('health')
    .description('project health (风险预警): early warnings for the classic pitfalls and the weighted health score')
    .requiredOption('--project <id>', 'project id (see the project URL in the web app)')
    .option('--format <format>', 'table or json', 'table')
    .option('--lang <lang>', 'language of the messages: zh-CN or en', 'zh-CN')
    .option('--fail-below <score>', `exit ${EXIT_UNHEALTHY} when the health score is below this (0–100)`)
    .action(async (opts: HealthCommandOptions) => {
      process.exitCode = await runHealthCommand(opts);
    });
}
