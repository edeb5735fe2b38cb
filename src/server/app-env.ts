import type { RouteConfig } from '@hono/zod-openapi';
import type { Db } from '../db/connection';
import type { Locale } from '../shared/app-error';
import type { Actor } from '../modules/access/access.service';
import type { JobQueue } from '../modules/jobs/job-queue';

/** Server-wide settings resolved at start-up. */
export interface ServerConfig {
  dataDir: string;
  /** Largest accepted upload, bytes. */
  uploadLimitBytes: number;
  /** Largest accepted JSON body, bytes. */
  jsonLimitBytes: number;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  version: string;
}

/** Hono environment: what every handler can read from `c.var`. */
export interface AppEnv {
  Variables: {
    db: Db;
    config: ServerConfig;
    jobs: JobQueue;
    locale: Locale;
    actor: Actor;
    /** The caller's role in the project of the path (set by project routes). */
    projectRole: string;
    /** The matched route's request schemas (set by defineRoute; the validation hook reads field labels from them). */
    request: RouteConfig['request'];
  };
}
