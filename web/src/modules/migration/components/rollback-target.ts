import type { MigrationBatch, MigrationRun } from '../types';

/** What a rollback undoes: a whole real run, or one loaded batch of it. */
export type RollbackTarget = { kind: 'run'; run: MigrationRun } | { kind: 'batch'; run: MigrationRun; batch: MigrationBatch };
