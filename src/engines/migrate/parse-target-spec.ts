import { resolve } from 'node:path';
import { AppError } from '../../shared/app-error';
import { maskPasswords, parseSourceSpec } from '../sources/parse-source-spec';
import type { TargetSpec } from './target-db';

/** The target forms, as written in any language, for the message on a spec that is none. */
const TARGET_FORMS = 'postgres://user@host/db#schema.table, sqlite:file.db#table';

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
    throw new AppError('MIGRATE_TARGET_INVALID', { target: maskPasswords(spec), forms: TARGET_FORMS }, [{ field: flag }]);
  }
  if (parsed.isQuery) throw new AppError('MIGRATE_TARGET_IS_QUERY', { target: maskPasswords(spec) }, [{ field: flag }]);
  if (parsed.kind === 'postgres') {
    return { dialect: 'postgres', url: parsed.url, table: parsed.target, description: maskPasswords(spec.trim()) };
  }
  if (parsed.kind !== 'sqlite')
    throw new AppError('MIGRATE_TARGET_INVALID', { target: maskPasswords(spec), forms: TARGET_FORMS }, [{ field: flag }]);
  const path = resolve(cwd, parsed.path);
  return { dialect: 'sqlite', url: path, table: parsed.target, description: `sqlite:${path}${parsed.target ? `#${parsed.target}` : ''}` };
}
