import type { DbExecutor } from '../../db/connection';
import type { ProjectTable } from '../../db/schema';

/** One project row. */
export function findProject(db: DbExecutor, projectId: string): Promise<ProjectTable | undefined> {
  return db.selectFrom('project').selectAll().where('id', '=', projectId).executeTakeFirst();
}

/** Projects the user is a member of, with their role; every project for admins. */
export async function listProjectsForUser(
  db: DbExecutor,
  userId: string,
  isAdmin: boolean,
): Promise<(ProjectTable & { my_role: string | null })[]> {
  const base = db
    .selectFrom('project')
    .leftJoin('project_member', (join) =>
      join.onRef('project_member.project_id', '=', 'project.id').on('project_member.user_id', '=', userId),
    )
    .selectAll('project')
    .select('project_member.project_role as my_role')
    .orderBy('project.created_at', 'desc');
  return isAdmin ? base.execute() : base.where('project_member.user_id', '=', userId).execute();
}
