import type { Command } from 'commander';

type Registrar = (program: Command) => void;

/**
 * Commands contributed by the data engines. They pull in DuckDB and the source drivers, which take
 * seconds to load, so each is imported only when it is the command being run (or for root help).
 */
const ENGINE_COMMANDS: Record<string, () => Promise<Registrar>> = {
  reconcile: async () => (await import('./commands/reconcile')).registerReconcileCommand,
  profile: async () => (await import('./commands/profile')).registerProfileCommand,
  quality: async () => (await import('./commands/quality')).registerQualityCommand,
  load: async () => (await import('./commands/load')).registerLoadCommand,
  rollback: async () => (await import('./commands/rollback')).registerRollbackCommand,
  migrate: async () => (await import('./commands/migrate-plan')).registerMigrateCommand,
  report: async () => (await import('./commands/report')).registerReportCommand,
  health: async () => (await import('./commands/health')).registerHealthCommand,
};

/** Registers the engine commands that `argv` may need. */
export async function registerExtraCommands(program: Command, argv: string[]): Promise<void> {
  const requested = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const names =
    requested === undefined || requested === 'help' ? Object.keys(ENGINE_COMMANDS) : requested in ENGINE_COMMANDS ? [requested] : [];
  for (const name of names) (await ENGINE_COMMANDS[name]!())(program);
}
