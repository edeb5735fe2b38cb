import type { Command } from 'commander';

/** Commands contributed by the data engines (reconcile, profile, load …). */
export function registerExtraCommands(program: Command): void {
  void program;
}
