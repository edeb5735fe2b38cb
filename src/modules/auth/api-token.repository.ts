import type { DbExecutor } from '../../db/connection';
import type { ApiTokenTable, AppUserTable } from '../../db/schema';

/** A personal API token's user, expiry and last use, by the token's hash. */
export async function findApiTokenUserRow(
  db: DbExecutor,
  tokenHash: string,
): Promise<
  | (Pick<AppUserTable, 'id' | 'name' | 'email' | 'is_admin'> & Pick<ApiTokenTable, 'expires_at' | 'last_used_at'> & { token_id: string })
  | undefined
> {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'app_user.id',
      'app_user.name',
      'app_user.email',
      'app_user.is_admin',
      'api_token.expires_at',
      'api_token.id as token_id',
      'api_token.last_used_at',
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Stamps a token's last use. */
export async function updateApiTokenLastUsed(db: DbExecutor, tokenId: string, lastUsedAt: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: lastUsedAt }).where('id', '=', tokenId).execute();
}

/** Inserts a token (its hash, never the secret). */
export async function insertApiToken(db: DbExecutor, row: ApiTokenTable): Promise<void> {
  await db.insertInto('api_token').values(row).execute();
}

/** A user's tokens, oldest first. */
export async function listApiTokenRows(db: DbExecutor, userId: string): Promise<ApiTokenTable[]> {
  return db.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

/** Deletes one of a user's tokens; returns how many rows went (0 or 1). */
export async function deleteApiTokenOfUser(db: DbExecutor, tokenId: string, userId: string): Promise<number> {
  const result = await db.deleteFrom('api_token').where('id', '=', tokenId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
