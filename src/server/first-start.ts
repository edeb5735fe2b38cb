import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import { createUser, findUserByEmail } from '../modules/auth/auth.service';
import { loadDemoProject } from '../demo/demo-project';

/** The account created on first start when the database has no users. */
export const DEFAULT_ADMIN_EMAIL = 'admin@golive.local';

/**
 * On a database with no users: creates the platform admin (password from GOLIVE_ADMIN_PASSWORD,
 * else a random one shown once) and loads the demo project. Returns what to tell the operator.
 */
export async function prepareFirstStart(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const anyUser = await db.kysely.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (anyUser) return undefined;
  const email = env.GOLIVE_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
  const password = env.GOLIVE_ADMIN_PASSWORD ?? randomBytes(9).toString('base64url');
  const user = await createUser(db, { email, name: '管理员', password, isAdmin: true });
  const row = await findUserByEmail(db.kysely, user.email);
  if (!row) throw new Error('admin was not created');
  await loadDemoProject(db, { userId: user.id, name: user.name, email: user.email, isAdmin: true });
  const shown = env.GOLIVE_ADMIN_PASSWORD ? '(the value of GOLIVE_ADMIN_PASSWORD)' : password;
  return [
    'First start: created the platform admin and loaded the demo project.',
    `  Sign in as ${email} with password ${shown}`,
    '  首次启动：已创建管理员账号并加载演示项目。请用以上邮箱和密码登录；此密码只显示这一次。',
  ].join('\n');
}
