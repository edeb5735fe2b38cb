import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../../shared/app-error';
import type { SourceKind } from './source-types';

/** A source spec string taken apart. `target` is a table name or a query (see `isQuery`). */
export type ParsedSourceSpec =
  | { kind: 'csv'; path: string }
  | { kind: 'xlsx'; path: string; sheet?: string }
  | { kind: 'sqlite'; path: string; target?: string; isQuery: boolean }
  | { kind: 'postgres' | 'mysql'; url: string; target?: string; isQuery: boolean };

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);
const SQLITE_EXTENSIONS = new Set(['.db', '.sqlite', '.sqlite3']);
/** The spec forms, as written in any language, for the message on an unsupported one. */
const SOURCE_FORMS = '.csv/.tsv/.txt, .xlsx, sqlite:file.db#table, postgres://…#table, mysql://…#table';

/** True when a `#…` fragment is a SQL query rather than a table name. */
export function isQueryText(text: string): boolean {
  return /^\s*(select|with)\b/i.test(text);
}

/** Splits `base#fragment` at the first `#`; URL passwords must encode `#` as %23 anyway. */
function splitFragment(spec: string): [string, string | undefined] {
  const at = spec.indexOf('#');
  if (at < 0) return [spec, undefined];
  const fragment = spec.slice(at + 1);
  return [spec.slice(0, at), fragment === '' ? undefined : fragment];
}

/**
 * Parses a source spec: `file.csv|.tsv|.txt`, `file.xlsx#Sheet`, `sqlite:file.db#table`,
 * `postgres://user:pw@host:port/db#schema.table`, `mysql://…#table`; any `#table` may instead be
 * a `SELECT …`/`WITH …` query.
 */
export function parseSourceSpec(spec: string): ParsedSourceSpec {
  const trimmed = spec.trim();
  if (!trimmed) throw new AppError('SOURCES_SPEC_EMPTY', {}, [{ field: 'source' }]);
  if (/^postgres(ql)?:\/\//i.test(trimmed) || /^mysql:\/\//i.test(trimmed)) {
    const [url, target] = splitFragment(trimmed);
    const kind = /^mysql:/i.test(trimmed) ? 'mysql' : 'postgres';
    return { kind, url, target: target?.trim(), isQuery: target ? isQueryText(target) : false };
  }
  if (/^sqlite:/i.test(trimmed)) {
    const [base, target] = splitFragment(trimmed.slice('sqlite:'.length).replace(/^\/\//, ''));
    if (!base) throw new AppError('SOURCES_SQLITE_FILE_MISSING', { source: describeSourceSpec(spec) }, [{ field: 'source' }]);
    return { kind: 'sqlite', path: base, target: target?.trim(), isQuery: target ? isQueryText(target) : false };
  }
  // A file name may itself contain '#': prefer the whole string when such a file exists.
  const [base, fragment] = existsSync(trimmed) ? [trimmed, undefined] : splitFragment(trimmed);
  const ext = extname(base).toLowerCase();
  if (XLSX_EXTENSIONS.has(ext)) return { kind: 'xlsx', path: base, sheet: fragment };
  if (SQLITE_EXTENSIONS.has(ext)) {
    return { kind: 'sqlite', path: base, target: fragment?.trim(), isQuery: fragment ? isQueryText(fragment) : false };
  }
  if (CSV_EXTENSIONS.has(ext) || ext === '') return { kind: 'csv', path: trimmed };
  throw new AppError('SOURCES_UNSUPPORTED', { source: describeSourceSpec(spec), forms: SOURCE_FORMS }, [{ field: 'source' }]);
}

/** Replaces the password of any `scheme://user:password@` in a text with `***`. */
export function maskPasswords(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@');
}

/** A spec string safe to print: passwords masked, long queries shortened. */
export function describeSourceSpec(spec: string): string {
  const masked = maskPasswords(spec.trim());
  return masked.length > 160 ? `${masked.slice(0, 157)}...` : masked;
}

/** The kind a spec string would open, without touching the file or server. */
export function sourceKindOf(spec: string): SourceKind {
  return parseSourceSpec(spec).kind;
}
