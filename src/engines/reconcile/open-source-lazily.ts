import { resolve } from 'node:path';
import { describeSourceSpec, parseSourceSpec } from '../sources/parse-source-spec';
import type { OpenSourceOptions, TabularSource } from '../sources/source-types';

/**
 * `openSource`, but a CSV spec loads only the CSV reader: the general entry point pulls in the
 * XLSX reader (exceljs), whose import alone costs about a second of start-up that a CSV-to-CSV
 * reconciliation never needs.
 */
export async function openSourceLazily(spec: string, options: OpenSourceOptions & { baseDir?: string } = {}): Promise<TabularSource> {
  const parsed = parseSourceSpec(spec);
  if (parsed.kind === 'csv') {
    const { openCsvSource } = await import('../sources/csv-source');
    return openCsvSource(resolve(options.baseDir ?? process.cwd(), parsed.path), describeSourceSpec(spec), options);
  }
  const { openSource } = await import('../sources/open-source');
  return openSource(spec, options);
}
