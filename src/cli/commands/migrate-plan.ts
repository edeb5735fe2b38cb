import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { fileUnreadable, optionInvalid } from '../option-errors';
import type { PlanObject, MigrationPlan } from '../../engines/migrate/plan';
import type { PlanRunReport } from '../../engines/migrate/plan-run';
import { errorText, rowProgress } from './load';
import type { CommandIo } from './reconcile';

/** Flags of `golive migrate`. */
export interface MigrateCommandOptions {
  format?: string;
  pgMethod?: string;
}

const ACTIONS = ['plan', 'simulate', 'run', 'status', 'rollback'] as const;
type MigrateAction = (typeof ACTIONS)[number];

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

function formatOrder(plan: MigrationPlan, order: PlanObject[]): string {
  const lines = [`plan ${plan.name}: ${order.length} objects in load order`];
  order.forEach((o, i) => {
    const deps = o.depends_on.length ? `  (after ${o.depends_on.join(', ')})` : '';
    lines.push(`${String(i + 1).padStart(3)}. ${o.name} → ${o.table}${deps}`);
  });
  return `${lines.join('\n')}\n`;
}

function formatReport(report: PlanRunReport): string {
  const header = report.run ? `plan ${report.plan}, run ${report.run}: ${report.status}` : `plan ${report.plan}: simulation (rolled back)`;
  const rows = report.objects.map((o) => [
    String(o.seq),
    o.object,
    o.table,
    o.status,
    o.loaded === null ? '' : String(o.loaded),
    o.rejected === null ? '' : String(o.rejected),
    o.skipped_existing === null ? '' : String(o.skipped_existing),
    o.batch ?? '',
  ]);
  const titles = ['#', 'object', 'table', 'status', 'loaded', 'rejected', 'skipped', 'batch'];
  const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = titles.map((t, c) => Math.max(width(t), ...rows.map((r) => width(r[c]))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => cell + ' '.repeat(widths[c] - width(cell)))
      .join('  ')
      .trimEnd();
  const out = [header, '', line(titles), ...rows.map(line)];
  for (const o of report.objects) if (o.message) out.push(`  ${o.object}: ${o.message}`);
  return `${out.join('\n')}\n`;
}

/**
 * Runs `golive migrate <action> PLAN.yaml` and returns the exit code: 0 ok; 1 an object stopped on a
 * bad row (run) or would (simulate); 2 error (invalid plan, cycle, failed object, nothing to roll back).
 */
export async function runMigrateCommand(
  action: string,
  planPath: string,
  opts: MigrateCommandOptions,
  io: CommandIo = processIo,
): Promise<number> {
  const progress = rowProgress(io, action === 'simulate' ? 'simulating' : 'loading');
  try {
    if (!(ACTIONS as readonly string[]).includes(action)) throw optionInvalid('<action>', action, ACTIONS);
    const format = opts.format ?? 'table';
    if (format !== 'table' && format !== 'json') throw optionInvalid('--format', format, ['table', 'json']);
    const pgMethod = opts.pgMethod;
    if (pgMethod !== undefined && pgMethod !== 'direct' && pgMethod !== 'staged') {
      throw optionInvalid('--pg-method', pgMethod, ['direct', 'staged']);
    }
    const cwd = io.cwd ?? process.cwd();
    const path = resolve(cwd, planPath);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw fileUnreadable('<plan>', planPath);
    }
    const { parsePlanYaml, loadOrder } = await import('../../engines/migrate/plan');
    const plan = parsePlanYaml(text, planPath, basename(path, extname(path)));
    if ((action as MigrateAction) === 'plan') {
      const order = loadOrder(plan, planPath);
      io.stdout.write(
        format === 'json'
          ? `${JSON.stringify({ plan: plan.name, order: order.map((o) => ({ object: o.name, table: o.table, depends_on: o.depends_on })) })}\n`
          : formatOrder(plan, order),
      );
      return 0;
    }
    const engine = await import('../../engines/migrate/plan-run');
    const options = {
      baseDir: dirname(path),
      planFile: planPath,
      pgMethod: pgMethod as 'direct' | 'staged' | undefined,
      onProgress: (_object: string, rows: number) => progress.update(rows),
    };
    const report =
      action === 'simulate'
        ? await engine.simulatePlan(plan, options)
        : action === 'run'
          ? await engine.runPlan(plan, options)
          : action === 'status'
            ? await engine.planStatus(plan, options)
            : await engine.rollbackPlan(plan, options);
    progress.stop();
    io.stdout.write(format === 'json' ? `${JSON.stringify(report)}\n` : formatReport(report));
    if (action === 'simulate' || action === 'run') {
      if (report.objects.some((o) => o.status === 'failed')) return 2;
      if (report.objects.some((o) => o.status === 'stopped')) return 1;
    }
    return 0;
  } catch (error) {
    progress.stop();
    io.stderr.write(`golive migrate: ${errorText(error)}\n`);
    return 2;
  }
}

/** Adds `golive migrate plan|simulate|run|status|rollback PLAN.yaml` to the CLI program. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Run a migration plan: objects loaded in dependency order, each as its own batch')
    .argument('<action>', 'plan (print the load order), simulate, run, status (of the last run) or rollback (the last run)')
    .argument('<plan>', 'plan YAML file')
    .option('--format <format>', 'table or json', 'table')
    .option(
      '--pg-method <method>',
      'PostgreSQL load method: direct or staged (default: direct when only the primary key can conflict; see golive load --help)',
    )
    .action(async (action: string, plan: string, opts: MigrateCommandOptions) => {
      process.exitCode = await runMigrateCommand(action, plan, opts);
    });
}
