/**
 * `npm run gen:errors` writes docs/ERRORS.md from the error code tables (src/shared/errors/);
 * `npm run check:errors` (`--check`) fails when the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERRORS_DOC_PATH, errorsDocDrift, renderErrorsDoc } from '../src/shared/errors/errors-doc';

const file = resolve(dirname(fileURLToPath(import.meta.url)), '..', ERRORS_DOC_PATH);

if (process.argv.includes('--check')) {
  const drift = errorsDocDrift(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  if (drift) {
    console.error(drift);
    process.exit(1);
  }
  console.log(`${ERRORS_DOC_PATH} is up to date`);
} else {
  writeFileSync(file, renderErrorsDoc());
  console.log(`wrote ${ERRORS_DOC_PATH}`);
}
