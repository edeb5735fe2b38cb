import { AppError } from '../../shared/app-error';
import { maskPasswords } from '../sources/parse-source-spec';

/** A driver error as a user error: names the target, never a password. */
export function targetError(description: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = maskPasswords(error instanceof Error ? error.message : String(error));
  return new AppError('BAD_INPUT', { summary: `${description}: ${message}` });
}

/** The refusal of a table without a primary key (nothing to skip on or roll back by). */
export function noPrimaryKey(description: string, table: string): AppError {
  return new AppError('BAD_INPUT', {
    summary: `${description}: table ${table} has no primary key; golive load needs one to skip rows already present and to roll a batch back`,
  });
}

/** The refusal of a table the target does not have. */
export function tableMissing(description: string, table: string): AppError {
  return new AppError('BAD_INPUT', { summary: `${description}: table ${table} does not exist` });
}
