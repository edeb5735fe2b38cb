import type { Command } from 'commander';
import { optionInvalid, optionRequired } from '../option-errors';
import { errorText } from './load';
import type { CommandIo } from './reconcile';

/** Flags of `golive rollback`. */
export interface RollbackCommandOptions {
  batch?: string;
  target?: string;
  format?: string;
}

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

/** Runs `golive rollback` and returns the exit code: 0 rolled back, 2 error (unknown batch, already rolled back, …). */
export async function runRollbackCommand(opts: RollbackCommandOptions, io: CommandIo = processIo): Promise<number> {
  try {
    const format = opts.format ?? 'table';
    if (format !== 'table' && format !== 'json') throw optionInvalid('--format', format, ['table', 'json']);
    if (!opts.batch) throw optionRequired('--batch', '--batch 20250101-093000-1a2b3c');
    if (!opts.target) throw optionRequired('--target', '--target postgres://user@host/db');
    const [{ openTargetDb }, { parseTargetSpec }, { targetError }, { rollbackBatch }] = await Promise.all([
      import('../../engines/migrate/target-db'),
      import('../../engines/migrate/parse-target-spec'),
      import('../../engines/migrate/target-error'),
      import('../../engines/migrate/rollback'),
    ]);
    const spec = parseTargetSpec(opts.target, io.cwd ?? process.cwd(), '--target');
    const db = await openTargetDb(spec);
    try {
      const summary = await rollbackBatch(db, opts.batch).catch((error: unknown) => {
        throw targetError(spec.description, error);
      });
      if (format === 'json') {
        io.stdout.write(`${JSON.stringify(summary)}\n`);
      } else {
        const lines = [`batch ${summary.batch} rolled back`];
        for (const t of summary.tables) lines.push(`  ${t.table}: ${t.deleted} rows deleted (${t.keys} recorded)`);
        if (summary.already_gone) lines.push(`  ${summary.already_gone} recorded rows were already gone`);
        io.stdout.write(`${lines.join('\n')}\n`);
      }
      return 0;
    } finally {
      await db.close();
    }
  } catch (error) {
    io.stderr.write(`golive rollback: ${errorText(error)}\n`);
    return 2;
  }
}

/** Adds `golive rollback` to the CLI program. */
export function registerRollbackCommand(program: Command): void {
  program
    .command('rollback')
    .description('Undo a load batch: delete exactly the rows it inserted, in one transaction')
    .option('--batch <id>', 'batch id printed by golive load')
    .option('--target <database>', 'the database the batch went into: postgres://user@host/db or sqlite:file.db')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: RollbackCommandOptions) => {
      process.exitCode = await runRollbackCommand(opts);
    });
}
