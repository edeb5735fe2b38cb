/** The golive reconcile command as a standalone program, so the bench measures the real CLI path. */
import { Command } from 'commander';
import { registerReconcileCommand } from '../../src/cli/commands/reconcile';

const program = new Command('golive');
registerReconcileCommand(program);
await program.parseAsync(process.argv);
