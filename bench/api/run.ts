/**
 * API benchmark: autocannon against the project dashboard and the goal list of the demo project,
 * on SQLite and on PostgreSQL, in one run. Also measures the gzip size of the JavaScript a browser
 * loads for the sign-in page plus the first project page.
 *
 *   npx tsx bench/api/run.ts [--duration 20] [--connections 50] [--pg postgres://…]
 *
 * PostgreSQL comes from --pg, BENCH_PG_URL or GOLIVE_TEST_PG_URL (an admin URL; a fresh database
 * is created). Prints a Markdown table; paste it into bench/RESULTS.md with the command.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium } from 'playwright-core';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const duration = Number(args.get('duration') ?? 20);
const connections = Number(args.get('connections') ?? 50);
const pgAdmin = args.get('pg') ?? process.env.BENCH_PG_URL ?? process.env.GOLIVE_TEST_PG_URL;
const PASSWORD = 'bench-password-1';

interface Server {
  child: ChildProcess;
  base: string;
}

async function startServer(databaseUrl: string, port: number): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'golive-bench-'));
  const child = spawn(process.execPath, ['bin/golive.js', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GOLIVE_DATA_DIR: dataDir, GOLIVE_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function signIn(base: string): Promise<{ cookie: string; projectId: string }> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@golive.local', password: PASSWORD }),
  });
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const projects = (await (await fetch(`${base}/api/v1/projects`, { headers: { cookie } })).json()) as { items: { id: string }[] };
  return { cookie, projectId: projects.items[0]!.id };
}

interface Row {
  dialect: string;
  endpoint: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(url: string, cookie: string): Promise<Omit<Row, 'dialect' | 'endpoint'>> {
  const result = await autocannon({ url, connections, duration, headers: { cookie } });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

async function freshPgDatabase(admin: string): Promise<string> {
  const name = `golive_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function measureWebJs(base: string): Promise<{ kb: number; files: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') {
        try {
          scripts.set(response.url(), gzipSync(await response.body()).length);
        } catch {
          /* redirected or aborted */
        }
      }
    });
    await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
    await page.getByTestId('login-email').fill('admin@golive.local');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const firstProject = page.locator('[data-testid^="project-link-"]').first();
    await firstProject.waitFor();
    await firstProject.click();
    await page.waitForURL(/\/projects\/[^/]+\//);
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    return { kb: Math.round(total / 1024), files: scripts.size };
  } finally {
    await browser.close();
  }
}

const rows: Row[] = [];
const rss: Record<string, number> = {};
let web: { kb: number; files: number } | undefined;
const targets: [string, () => Promise<string>][] = [
  ['sqlite', async () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'golive-bench-db-')), 'bench.db')}`],
];
if (pgAdmin) targets.push(['postgres', () => freshPgDatabase(pgAdmin)]);
else console.error('No PostgreSQL URL: benchmarking SQLite only');

let port = 3900;
for (const [dialect, makeUrl] of targets) {
  const server = await startServer(await makeUrl(), port++);
  try {
    const { cookie, projectId } = await signIn(server.base);
    for (const [endpoint, path] of [
      ['dashboard', `/api/v1/projects/${projectId}/dashboard`],
      ['goal list', `/api/v1/projects/${projectId}/goals`],
    ] as const) {
      rows.push({ dialect, endpoint, ...(await load(`${server.base}${path}`, cookie)) });
    }
    rss[dialect] = peakRssMb(server.child.pid!);
    if (dialect === 'sqlite')
      web = await measureWebJs(server.base).catch((e: unknown) => (console.error(`web size: ${String(e)}`), undefined));
  } finally {
    server.child.kill('SIGTERM');
  }
}

console.log(`\n${connections} connections, ${duration} s per endpoint, demo project\n`);
console.log('| database | endpoint | requests/s | p50 ms | p99 ms | errors | requests | server peak RSS MB |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.dialect} | ${r.endpoint} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.requests} | ${rss[r.dialect]} |`);
if (web) console.log(`\nJS loaded for sign-in + first project page: ${web.kb} KB gzip in ${web.files} files`);
if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
