import { resolve } from 'node:path';
import { describeSourceSpec, parseSourceSpec } from './parse-source-spec';
import type { OpenSourceOptions, TabularSource } from './source-types';

/** The printable name of a source spec (passwords masked): use it in every message and log. */
export function describeSource(spec: string): string {
  return describeSourceSpec(spec);
}

/**
 * Opens a tabular source from a spec string (see `parseSourceSpec`). Relative file paths resolve
 * against `baseDir` (default: the working directory).
 *
 * Each reader is imported when its kind is opened: exceljs, pg, mysql2 and better-sqlite3 together
 * cost about half a second of start-up, which a CLI run over one CSV file never needs.
 */
export async function openSource(spec: string, options: OpenSourceOptions & { baseDir?: string } = {}): Promise<TabularSource> {
  const parsed = parseSourceSpec(spec);
  const description = describeSource(spec);
  const file = (path: string): string => resolve(options.baseDir ?? process.cwd(), path);
  switch (parsed.kind) {
    case 'csv': {
      const { openCsvSource } = await import('./csv-source');
      return openCsvSource(file(parsed.path), description, options);
    }
    case 'xlsx': {
      const { openXlsxSource } = await import('./xlsx-source');
      return openXlsxSource(file(parsed.path), parsed.sheet, description, options);
    }
    case 'sqlite': {
      const { openSqliteSource } = await import('./sqlite-source');
      return openSqliteSource(file(parsed.path), parsed.target, parsed.isQuery, description, options);
    }
    case 'postgres': {
      const { openPostgresSource } = await import('./postgres-source');
      return openPostgresSource(parsed.url, parsed.target, parsed.isQuery, description, options);
    }
    case 'mysql': {
      const { openMysqlSource } = await import('./mysql-source');
      return openMysqlSource(parsed.url, parsed.target, parsed.isQuery, description, options);
    }
  }
}
