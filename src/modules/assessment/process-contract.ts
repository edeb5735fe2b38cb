import type { DbExecutor } from '../../db/connection';

// CONTRACT (owner: assessment module). Other modules reference the assessment's process maps by id
// and ask here whether one exists; only this module reads or writes the process_map table.

/** Whether the project has a process map (of any stage) with this id. */
export async function processMapExists(db: DbExecutor, projectId: string, processMapId: string): Promise<boolean> {
  const found = await db
    .selectFrom('process_map')
    .select('id')
    .where('id', '=', processMapId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return found !== undefined;
}
