import { expect } from 'vitest';
import { readJson } from '../../../test/api-harness';

/** The error body every API error is served as. */
export type ErrorBody = { error: { code: string; message: string; details: { field: string; reason: string }[] } };

/**
 * Asserts an error response: status, documented code, the field of its first detail (null: none)
 * and the message, which is zh-CN unless the request asked for another language.
 */
export async function expectError(
  response: Response,
  status: number,
  code: string,
  field: string | null,
  message: string | RegExp,
): Promise<void> {
  expect(response.status, await response.clone().text()).toBe(status);
  const { error } = await readJson<ErrorBody>(response);
  expect([error.code, error.details[0]?.field ?? null]).toEqual([code, field]);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}
