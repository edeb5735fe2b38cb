import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './connection';
import * as platform from './migrations/2026_11_28_1200_platform';
import * as dualRun from './migrations/2026_11_28_1300_dual_run';
import * as assessment from './migrations/2026_11_28_1400_assessment';
import * as blueprint from './migrations/2026_11_28_1410_blueprint';
import * as permissionMatrix from './migrations/2026_11_28_1415_permission_matrix';
import * as dataAssets from './migrations/2026_11_28_1420_data_assets';
import * as migration from './migrations/2026_11_28_1425_migration';
import * as risks from './migrations/2026_11_28_1500_risks';
import * as goLive from './migrations/2026_11_28_1510_go_live';
import * as projectTimeZone from './migrations/2026_12_07_0930_project_time_zone';
import * as rollout from './migrations/2026_12_08_1300_rollout';

/**
 * The ordered migration set, listed statically so it works the same under tsx, Vitest and a
 * bundler. Names are the file names; add new files at the end and never edit a landed one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_28_1200_platform': platform,
  '2026_11_28_1300_dual_run': dualRun,
  '2026_11_28_1400_assessment': assessment,
  '2026_11_28_1410_blueprint': blueprint,
  '2026_11_28_1415_permission_matrix': permissionMatrix,
  '2026_11_28_1420_data_assets': dataAssets,
  '2026_11_28_1425_migration': migration,
  '2026_11_28_1500_risks': risks,
  '2026_11_28_1510_go_live': goLive,
  '2026_12_07_0930_project_time_zone': projectTimeZone,
  '2026_12_08_1300_rollout': rollout,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticMigrationProvider() });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
