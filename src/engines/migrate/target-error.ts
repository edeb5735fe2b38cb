import { AppError } from '../../shared/app-error';
import { maskPasswords } from '../sources/parse-source-spec';

/** A driver error as a user error: names the target, never a password. */
export function targetError(description: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = maskPasswords(error instanceof Error ? error.message : String(error));
  return new AppError('MIGRATE_TARGET_FAILED', { target: description, reason: message });
}

/** The refusal of a table without a primary key (nothing to skip on or roll back by). */
export function noPrimaryKey(description: string, table: string): AppError {
  return new AppError('MIGRATE_TABLE_NO_PRIMARY_KEY', { target: description, table });
}

/** The refusal of a table the target does not have. */
export function tableMissing(description: string, table: string): AppError {
  return new AppError('MIGRATE_TABLE_MISSING', { target: description, table });
}
