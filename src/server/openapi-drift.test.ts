import { describe, expect, it } from 'vitest';
import { checkApiTypes } from './openapi-types';

describe('web API types (web/src/api/schema.gen.ts)', () => {
  it('match the OpenAPI document the server produces now', async () => {
    const result = await checkApiTypes();
    // The message names the first differing line and the fix (npm run gen:api).
    expect(result.upToDate, result.message).toBe(true);
  });
});
