import type { DbExecutor } from '../../db/connection';
import { findProcessIdRow } from './process.repository';

// CONTRACT (owner: assessment module). Other modules reference the assessment's process maps by id
// and ask here whether one exists; only this module reads or writes the process_map table.

/** Whether the project has a process map (of any stage) with this id. */
export async function processMapExists(db: DbExecutor, projectId: string, processMapId: string): Promise<boolean> {
  return (await findProcessIdRow(db, projectId, processMapId)) !== undefined;
}
