import type { DbExecutor } from '../db/connection';
import { newId, nowIso } from '../shared/ids';
import { DEFAULT_CHECKS } from '../modules/go-live/go-live.service';

/** Status, owner and note of the demo's checklist items, in DEFAULT_CHECKS order. */
const DEMO_STATE: [status: string, owner: string | null, note: string][] = [
  ['pending', 'pm', '财务、仓储关键用户考核安排在 2027-02 第二周'],
  ['pass', 'it', '按蓝图 V1 权限矩阵开通 86 个账号'],
  ['pending', 'it', '计划 2027-02-20 演练'],
  ['pending', 'vc1', ''],
  ['pass', 'pm', '金昌顾问两名驻场，2027-03-01 至 03-07'],
  ['pending', 'gm', ''],
];

/** Writes 陇原精工's go-live checklist: the default items, two of them done. */
export async function insertDemoGoLive(tx: DbExecutor, projectId: string, memberIds: ReadonlyMap<string, string>): Promise<void> {
  const now = nowIso();
  for (const [index, item] of DEFAULT_CHECKS.entries()) {
    const [status, owner, note] = DEMO_STATE[index] ?? ['pending', null, ''];
    await tx
      .insertInto('go_live_check')
      .values({
        id: newId(),
        project_id: projectId,
        title: item.title.zh,
        category: item.category,
        owner_member_id: owner ? (memberIds.get(owner) ?? null) : null,
        status,
        note,
        sort: index + 1,
        created_at: now,
        updated_at: now,
        updated_by_name: null,
      })
      .execute();
  }
}
