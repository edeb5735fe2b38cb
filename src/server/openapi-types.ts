import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument } from './app';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The generated web API types, committed so the web build needs no server code. */
export const API_TYPES_FILE = resolve(ROOT, 'web/src/api/schema.gen.ts');

const HEADER = `/**
 * GENERATED FILE — do not edit. Regenerate with \`npm run gen:api\`.
 *
 * TypeScript types of the golive HTTP API, produced by openapi-typescript from the OpenAPI document
 * the server serves at /api/openapi.json (built from the zod schemas in src/modules/*\\/*.schema.ts).
 * \`npm run check:api\` and src/server/openapi-drift.test.ts fail when this file is stale.
 */
`;

/**
 * Produces the content of {@link API_TYPES_FILE} from the routes as they are now: the OpenAPI
 * document built in-process, turned into types by openapi-typescript and formatted with the
 * project's prettier settings (so `npm run format:check` accepts the committed file).
 */
export async function generateApiTypes(): Promise<string> {
  // The version is fixed so a release bump does not make the committed file stale (it is not in the types anyway).
  const document = buildOpenApiDocument('0.0.0');
  // The document object matches OpenAPI 3.1; the two libraries declare it with their own interfaces.
  // defaultNonNullable off: the document describes request bodies as zod accepts them, where a field with a default may be left out.
  const ast = await openapiTS(document as unknown as OpenAPI3, { silent: true, defaultNonNullable: false });
  const source = HEADER + '\n' + astToString(ast);
  const options = (await resolveConfig(API_TYPES_FILE)) ?? {};
  return format(source, { ...options, filepath: API_TYPES_FILE });
}

/** Compares the committed file with what the server produces now; the message says how to fix it. */
export async function checkApiTypes(): Promise<{ upToDate: boolean; message: string }> {
  const expected = await generateApiTypes();
  let actual = '';
  try {
    actual = readFileSync(API_TYPES_FILE, 'utf8');
  } catch {
    return { upToDate: false, message: `${API_TYPES_FILE} is missing: run npm run gen:api` };
  }
  if (actual === expected) return { upToDate: true, message: 'web API types are up to date' };
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  const line = expectedLines.findIndex((l, i) => l !== actualLines[i]);
  return {
    upToDate: false,
    message:
      `web/src/api/schema.gen.ts differs from the server's OpenAPI document (first difference at line ${line + 1}: ` +
      `expected ${JSON.stringify(expectedLines[line] ?? '<end of file>')}, found ${JSON.stringify(actualLines[line] ?? '<end of file>')}). ` +
      'The API changed without regenerating the web types: run npm run gen:api and commit the result.',
  };
}
