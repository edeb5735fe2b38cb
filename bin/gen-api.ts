/**
 * `npm run gen:api` writes web/src/api/schema.gen.ts from the server's OpenAPI document;
 * `npm run check:api` (`--check`) fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, checkApiTypes, generateApiTypes } from '../src/server/openapi-types';

if (process.argv.includes('--check')) {
  const result = await checkApiTypes();
  if (!result.upToDate) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(result.message);
} else {
  writeFileSync(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${API_TYPES_FILE}`);
}
