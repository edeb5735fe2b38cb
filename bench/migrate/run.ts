/**
 * Side-by-side load bench into PostgreSQL, same table, same 1M rows × 10 columns:
 *   - golive load (validation + conversion in JS on the CSV's bytes; default direct method: table
 *     locked, COPY straight into the table and its keys into golive_batch_key)
 *   - golive load on a file with 0.1 % bad rows (isolated to the rejects file)
 *   - golive load --pg-method staged (COPY into a temp table, INSERT … ON CONFLICT DO NOTHING
 *     RETURNING the keys)
 *   - psql \copy (no validation; the file written the way COPY reads it)
 *   - pgloader (when installed)
 * Median wall time of N runs, peak RSS of the client process (/usr/bin/time), rows/s. Writes
 * bench/migrate/RESULTS.md.
 *
 *   GOLIVE_BENCH_PG_URL=postgres://postgres@127.0.0.1:55432/postgres node --import tsx bench/migrate/run.ts [rows=1000000] [runs=3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BENCH_COLUMNS, BENCH_TABLE_DDL, generateCsv } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const admin = process.env.GOLIVE_BENCH_PG_URL ?? process.env.GOLIVE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
const work = join(root, 'bench/.work');
mkdirSync(work, { recursive: true });

const dbUrl = new URL(admin);
dbUrl.pathname = '/golive_bench_migrate';
const url = dbUrl.toString();

async function sql(connection: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

interface Measure {
  seconds: number;
  rssKb: number;
  ok: boolean;
  note: string;
}

/** Runs a command under /usr/bin/time; wall time and the client's peak RSS. */
function timed(cmd: string, args: string[]): Measure {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /RSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { seconds, rssKb: rss ? Number(rss[1]) : 0, ok: r.status === 0, note: `${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-600) };
}

async function freshTable(): Promise<void> {
  await sql(url, 'DROP TABLE IF EXISTS bench_load; DROP TABLE IF EXISTS golive_batch_key; DROP TABLE IF EXISTS golive_batch');
  await sql(url, BENCH_TABLE_DDL('bench_load'));
  await sql(url, 'CHECKPOINT');
}

async function count(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS n FROM bench_load')).rows[0].n);
  } finally {
    await client.end();
  }
}

const hasPgloader = spawnSync('sh', ['-c', 'command -v pgloader']).status === 0;
const files = {
  golive: join(work, `migrate-${rows}.csv`),
  native: join(work, `migrate-${rows}-native.csv`),
  bad: join(work, `migrate-${rows}-bad.csv`),
};
let badRows = rows / 1000;
if (!existsSync(files.golive)) await generateCsv(files.golive, rows);
if (!existsSync(files.native)) await generateCsv(files.native, rows, undefined, true);
if (!existsSync(files.bad)) badRows = await generateCsv(files.bad, rows, 1000);

const pgloaderFile = join(work, 'migrate.load');
writeFileSync(
  pgloaderFile,
  `LOAD CSV FROM '${files.native}' (${BENCH_COLUMNS.join(', ')})
  INTO ${url}?tablename=bench_load (${BENCH_COLUMNS.join(', ')})
  WITH skip header = 1, fields optionally enclosed by '"', fields escaped by double-quote, fields terminated by ',';
`,
);

interface Tool {
  name: string;
  command: string;
  args: string[];
  expectRows: number;
}
const golive = (file: string, extra: string[] = []): string[] => [
  join(root, 'bin/golive.js'),
  'load',
  file,
  '--into',
  `${url}#bench_load`,
  '--format',
  'json',
  '--rejects',
  join(work, 'migrate-rejects.csv'),
  ...extra,
];
const tools: Tool[] = [
  {
    name: 'golive load (validated; default: direct, byte path)',
    command: process.execPath,
    args: golive(files.golive),
    expectRows: rows,
  },
  { name: 'golive load, 0.1 % bad rows isolated', command: process.execPath, args: golive(files.bad), expectRows: rows - badRows },
  {
    name: 'golive load --pg-method staged (temp table + ON CONFLICT)',
    command: process.execPath,
    args: golive(files.golive, ['--pg-method', 'staged']),
    expectRows: rows,
  },
  {
    name: 'psql \\copy (no validation)',
    command: '/usr/bin/psql',
    args: [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bench_load FROM '${files.native}' WITH (FORMAT csv, HEADER true)`],
    expectRows: rows,
  },
  ...(hasPgloader ? [{ name: 'pgloader', command: 'pgloader', args: ['--quiet', pgloaderFile], expectRows: rows }] : []),
];

await sql(admin, 'DROP DATABASE IF EXISTS golive_bench_migrate').catch(() => {});
await sql(admin, 'CREATE DATABASE golive_bench_migrate');
const results = new Map<string, Measure[]>();
for (let run = 1; run <= runs; run++) {
  for (const tool of tools) {
    await freshTable();
    const m = timed(tool.command, tool.args);
    const loaded = await count();
    if (loaded !== tool.expectRows) {
      m.ok = false;
      m.note = `loaded ${loaded} rows, expected ${tool.expectRows}; ${m.note}`;
    }
    console.log(`run ${run} ${tool.name}: ${m.seconds.toFixed(2)} s, ${Math.round(m.rssKb / 1024)} MiB${m.ok ? '' : ` FAILED ${m.note}`}`);
    results.set(tool.name, [...(results.get(tool.name) ?? []), m]);
  }
}
await sql(admin, 'DROP DATABASE IF EXISTS golive_bench_migrate').catch(() => {});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = tools.map((t) => {
  const ms = results.get(t.name)!;
  const seconds = median(ms.map((m) => m.seconds));
  return {
    name: t.name,
    seconds,
    rss: Math.max(...ms.map((m) => m.rssKb)) / 1024,
    rate: rows / seconds,
    ok: ms.every((m) => m.ok),
    all: ms.map((m) => m.seconds),
  };
});
const copy = summary.find((s) => s.name.startsWith('psql'))!;
const clean = summary[0];
const bad = summary[1];
const loader = summary.find((s) => s.name === 'pgloader');
const table = [
  '| tool | median s | runs (s) | rows/s | vs \\copy throughput | peak RSS (client) | ok |',
  '|---|---:|---|---:|---:|---:|---|',
  ...summary.map(
    (s) =>
      `| ${s.name} | ${s.seconds.toFixed(2)} | ${s.all.map((x) => x.toFixed(1)).join(', ')} | ${Math.round(s.rate).toLocaleString('en')} | ` +
      `${(s.rate / copy.rate).toFixed(2)}× | ${Math.round(s.rss)} MiB | ${s.ok ? 'yes' : 'NO'} |`,
  ),
];
const lines = [
  '# golive load benchmark',
  '',
  `${rows.toLocaleString('en')} rows × 10 columns (bigint PK, varchar(20) NOT NULL, text, numeric(14,2), integer, double, boolean, date,`,
  'timestamp, varchar(100)) into a fresh PostgreSQL table with a primary key; median of ' + `${runs} runs, tools interleaved per run.`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; PostgreSQL on the same host. Written ${new Date().toISOString()}.`,
  '',
  'Command:',
  '',
  '```',
  `GOLIVE_BENCH_PG_URL=${admin} node --import tsx bench/migrate/run.ts ${rows} ${runs}`,
  '```',
  '',
  ...table,
  '',
  `- golive (validated) vs \\copy: **${(clean.rate / copy.rate).toFixed(2)}×** throughput (target ≥ 0.5×).`,
  `- 0.1 % bad rows (${badRows.toLocaleString('en')} rows isolated into the rejects file) cost **${(bad.seconds / clean.seconds).toFixed(2)}×** the clean run (target ≤ 2×).`,
  loader
    ? `- golive vs pgloader: ${(clean.rate / loader.rate).toFixed(2)}× pgloader's throughput (${clean.seconds < loader.seconds ? 'faster' : 'slower'}).`
    : '- pgloader: not installed (`apt-get install -y pgloader`), not measured.',
  '- golive reads the file with booleans as 是/N/true and half the dates as 2024年3月3日, converting and checking every value',
  '  (types, lengths, NOT NULL, duplicate keys) and records every loaded key in golive_batch_key; \\copy and pgloader read',
  '  the same data written in PostgreSQL-native form and check nothing beyond what the server does. Peak RSS is the client',
  "  process's only (psql and pgloader hand the parsing to the server or their own heap respectively).",
];
writeFileSync(join(here, 'RESULTS.md'), `${lines.join('\n')}\n`);
console.log(readFileSync(join(here, 'RESULTS.md'), 'utf8'));
