import { readFileSync } from 'node:fs';

/** golive's version, from package.json. */
export const GOLIVE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
