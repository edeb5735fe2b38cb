/** The golive profile command as a standalone program, so the bench measures the real CLI path. */
import { Command } from 'commander';
import { registerProfileCommand } from '../../src/cli/commands/profile';

const program = new Command('golive');
registerProfileCommand(program);
await program.parseAsync(process.argv);
