import type { DbExecutor } from '../../db/connection';
import { AppError, type Locale } from '../../shared/app-error';
import { findMemberIdRow } from './member.repository';

const NOT_MEMBER = { 'zh-CN': '不是本项目的成员', en: 'is not a member of this project' } as const;

/**
 * Refuses a member id (an owner, a responsible person) that is not a member of the project, naming the
 * input field; null or undefined pass (no one assigned).
 */
export async function assertProjectMember(
  db: DbExecutor,
  projectId: string,
  memberId: string | null | undefined,
  field: string,
  locale: Locale,
): Promise<void> {
  if (!memberId) return;
  const found = await findMemberIdRow(db, projectId, memberId);
  if (!found) {
    throw new AppError('VALIDATION_FAILED', { summary: `${field}: ${NOT_MEMBER[locale]}` }, [{ field, reason: NOT_MEMBER[locale] }]);
  }
}
