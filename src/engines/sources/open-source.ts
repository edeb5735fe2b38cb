import { resolve } from 'node:path';
import { openCsvSource } from './csv-source';
import { openMysqlSource } from './mysql-source';
import { describeSourceSpec, parseSourceSpec } from './parse-source-spec';
import { openPostgresSource } from './postgres-source';
import type { OpenSourceOptions, TabularSource } from './source-types';
import { openSqliteSource } from './sqlite-source';
import { openXlsxSource } from './xlsx-source';

/** The printable name of a source spec (passwords masked): use it in every message and log. */
export function describeSource(spec: string): string {
  return describeSourceSpec(spec);
}

/**
 * Opens a tabular source from a spec string (see `parseSourceSpec`). Relative file paths resolve
 * against `baseDir` (default: the working directory).
 */
export async function openSource(spec: string, options: OpenSourceOptions & { baseDir?: string } = {}): Promise<TabularSource> {
  const parsed = parseSourceSpec(spec);
  const description = describeSource(spec);
  const file = (path: string): string => resolve(options.baseDir ?? process.cwd(), path);
  switch (parsed.kind) {
    case 'csv':
      return openCsvSource(file(parsed.path), description, options);
    case 'xlsx':
      return openXlsxSource(file(parsed.path), parsed.sheet, description, options);
    case 'sqlite':
      return openSqliteSource(file(parsed.path), parsed.target, parsed.isQuery, description, options);
    case 'postgres':
      return openPostgresSource(parsed.url, parsed.target, parsed.isQuery, description, options);
    case 'mysql':
      return openMysqlSource(parsed.url, parsed.target, parsed.isQuery, description, options);
  }
}
