import { resolve } from 'node:path';
import { badInput } from '../../shared/app-error';
import { maskPasswords, parseSourceSpec } from '../sources/parse-source-spec';
import type { TargetSpec } from './target-db';

/**
 * Parses `postgres://…/db#schema.table`, `postgres://…/db` (rollback), `sqlite:path.db#table` or
 * `path.db#table`; relative SQLite paths resolve against `cwd`.
 */
export function parseTargetSpec(spec: string, cwd: string, flag = '--into'): TargetSpec {
  const parsed = (() => {
    try {
      return parseSourceSpec(spec);
    } catch {
      return undefined;
    }
  })();
  if (!parsed || (parsed.kind !== 'postgres' && parsed.kind !== 'sqlite')) {
    throw badInput(
      flag,
      `"${maskPasswords(spec)}" is not a target database: use postgres://user@host/db#schema.table or sqlite:file.db#table`,
    );
  }
  if (parsed.isQuery) throw badInput(flag, `the target must name a table after '#', not a query`);
  if (parsed.kind === 'postgres') {
    return { dialect: 'postgres', url: parsed.url, table: parsed.target, description: maskPasswords(spec.trim()) };
  }
  if (parsed.kind !== 'sqlite') throw badInput(flag, 'unsupported target');
  const path = resolve(cwd, parsed.path);
  return { dialect: 'sqlite', url: path, table: parsed.target, description: `sqlite:${path}${parsed.target ? `#${parsed.target}` : ''}` };
}
