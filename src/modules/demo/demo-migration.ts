import type { DbExecutor } from '../../db/connection';

/**
 * The demo project's migration content. SCAFFOLD: filled by the module's owner.
 * @param memberIds demo member key (see MEMBERS in demo-project.ts) → project_member id
 */
export async function insertDemoMigration(tx: DbExecutor, projectId: string, memberIds: ReadonlyMap<string, string>): Promise<void> {
  void tx;
  void projectId;
  void memberIds;
}
