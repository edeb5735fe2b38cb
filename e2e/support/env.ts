import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts/e2e');

/**
 * The Chromium to drive: $CHROME_PATH, else Debian's /usr/bin/chromium. Never downloads one.
 * Without a browser the specs skip, unless GOLIVE_REQUIRE_ALL=1, which makes them fail.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found && process.env.GOLIVE_REQUIRE_ALL === '1') {
    throw new Error(`GOLIVE_REQUIRE_ALL=1 but no Chromium found (looked at: ${candidates.join(', ')}); set CHROME_PATH`);
  }
  return found;
}

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist' || name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function webIsFresh(): boolean {
  const index = join(ROOT, 'web/dist/index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newestMtime(join(ROOT, 'web/src')),
    newestMtime(join(ROOT, 'web/index.html')),
    newestMtime(join(ROOT, 'web/vite.config.ts')),
  );
  return statSync(index).mtimeMs >= sources;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Builds web/dist once when it is missing or older than its sources (a lock keeps parallel spec files from building twice). */
export async function ensureWebBuilt(): Promise<void> {
  if (webIsFresh()) return;
  const lock = join(tmpdir(), 'golive-e2e-web-build.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another spec file is building; a lock older than 5 minutes is stale.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* vanished meanwhile */
      }
      if (Date.now() - started > 300_000) throw new Error('timed out waiting for the web build lock');
      await sleep(500);
    }
  }
  try {
    if (!webIsFresh()) {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
        {
          cwd: ROOT,
          stdio: 'inherit',
        },
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface TestServer {
  baseUrl: string;
  admin: { email: string; password: string; name: string };
  /** Server output so far, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `golive serve` on a free port with a fresh SQLite database in a temp directory (the
 * server loads the demo project on first start), creates the admin used by the tests, and waits
 * for GET /api/health.
 */
export async function startServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'golive-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    GOLIVE_DATA_DIR: dir,
    GOLIVE_ADMIN_PASSWORD: `first-start-${Math.random().toString(36).slice(2)}`,
    NODE_ENV: 'test',
  };
  const bin = join(ROOT, 'bin/golive.js');
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`golive serve exited (${exited}) before it was healthy:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`golive serve did not become healthy in 90 s:\n${output}`);
    }
    await sleep(250);
  }

  const admin = { email: 'admin@example.com', password: 'E2e-Passw0rd!', name: '管理员' };
  execFileSync(process.execPath, [bin, 'admin', 'create', '--email', admin.email, '--password', admin.password, '--name', admin.name], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
  });

  return {
    baseUrl,
    admin,
    log: () => output,
    stop: async () => {
      if (exited === undefined) {
        const done = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await done;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
