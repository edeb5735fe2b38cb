/** The two supported database dialects. */
export type DialectName = 'sqlite' | 'postgres';

/** Parses `sqlite:path`, `sqlite::memory:`, `postgres://…` or `postgresql://…`. */
export function parseDatabaseUrl(url: string): { dialect: DialectName; target: string } {
  if (url.startsWith('sqlite:')) {
    const target = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!target) throw new Error(`DATABASE_URL "${url}" names no SQLite file`);
    return { dialect: 'sqlite', target };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', target: url };
  throw new Error(
    `DATABASE_URL "${maskUrlPassword(url)}" is not supported: use sqlite:path/to/file.db or postgres://user:password@host:port/db`,
  );
}

/** Replaces the password part of a URL with `***` so it can be logged. */
export function maskUrlPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
