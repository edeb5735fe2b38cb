/**
 * Side-by-side profiling bench on one generated CSV (N rows × 10 mixed columns, Chinese text,
 * nulls): `golive profile` (the real CLI), DuckDB `SUMMARIZE`, and csvkit's `csvstat` when
 * installed. Each tool runs as a fresh child under /usr/bin/time -v, round-robin so machine load
 * hits all tools alike; reports the median wall time, peak RSS, and whether the row count, null
 * counts and distinct counts agree with exact values computed here with DuckDB.
 *
 *   node --import tsx bench/profile/run.ts [rows=1000000] [runs=3] [csvstat-runs=runs]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { BENCH_COLUMNS, generateProfileData } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const csvstatRuns = Number(process.argv[4] ?? runs);
const dir = '/tmp/golive-bench-profile';
const data = rows === 1_000_000 ? join(dir, 'data.csv') : join(dir, `data-${rows}.csv`);
const CHECKED = ['id', 'uscc', 'mobile', 'order_date', 'qty', 'remark'];

/** Per-column facts a tool reported. */
interface Facts {
  rows: number | null;
  nulls: Record<string, number | null>;
  distinct: Record<string, number | null>;
}

interface Tool {
  name: string;
  command: string[];
  runs: number;
  parse(stdout: string): Facts;
}

function whichCsvstat(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v csvstat'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** csvstat --csv cells: nulls is True/False in csvkit 1.0.x, unique a count. */
function parseCsvstat(stdout: string): Facts {
  const lines = stdout.trim().split('\n');
  const header = lines[0].split(',');
  const at = (name: string): number => header.indexOf(name);
  const facts: Facts = { rows: null, nulls: {}, distinct: {} };
  for (const line of lines.slice(1)) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    const name = cells[at('column_name')];
    if (!BENCH_COLUMNS.includes(name)) continue;
    const nulls = cells[at('nulls')];
    facts.nulls[name] = /^\d+$/.test(nulls) ? Number(nulls) : nulls === 'False' ? 0 : null;
    facts.distinct[name] = Number(cells[at('unique')]);
  }
  return facts;
}

/** golive's profile JSON shape (`rows`, `columns[].nulls/distinct`), which duckdb-exact.ts prints too. */
function parseProfileJson(stdout: string): Facts {
  const profile = JSON.parse(stdout) as { rows: number; columns: { name: string; nulls: number; distinct: number }[] };
  return {
    rows: profile.rows,
    nulls: Object.fromEntries(profile.columns.map((c) => [c.name, c.nulls])),
    distinct: Object.fromEntries(profile.columns.map((c) => [c.name, c.distinct])),
  };
}

const csvstat = whichCsvstat();
const tools: Tool[] = [
  {
    name: 'golive profile (CLI)',
    command: [process.execPath, '--import', 'tsx', join(here, 'golive-cli.ts'), 'profile', data, '--format', 'json'],
    runs,
    parse: parseProfileJson,
  },
  {
    name: 'DuckDB SUMMARIZE',
    command: [process.execPath, '--import', 'tsx', join(here, 'duckdb-summarize.ts'), data],
    runs,
    parse(stdout) {
      const columns = JSON.parse(stdout) as { column_name: string; count: string; null_percentage: string; approx_unique: string }[];
      const count = Number(columns[0]?.count ?? 0);
      return {
        rows: count,
        // null_percentage is rounded to 2 decimals, so this is ±50 rows at 1M.
        nulls: Object.fromEntries(columns.map((c) => [c.column_name, Math.round((Number(c.null_percentage) / 100) * count)])),
        distinct: Object.fromEntries(columns.map((c) => [c.column_name, Number(c.approx_unique)])),
      };
    },
  },
  {
    name: 'DuckDB exact floor (GROUP BY each column: distinct, nulls, top 10)',
    command: [process.execPath, '--import', 'tsx', join(here, 'duckdb-exact.ts'), data],
    runs,
    parse: parseProfileJson,
  },
  ...(csvstat ? [{ name: 'csvkit csvstat --csv', command: [csvstat, '--csv', data], runs: csvstatRuns, parse: parseCsvstat }] : []),
];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Exact reference values, computed here with plain SQL (empty CSV field = NULL, as golive does). */
async function truth(): Promise<Facts> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const cols = BENCH_COLUMNS.map((c) => `'${c}': 'VARCHAR'`).join(', ');
  const select = BENCH_COLUMNS.flatMap((c) => [`count(*) - count("${c}")`, `count(DISTINCT "${c}")`]).join(', ');
  const reader = await conn.runAndReadAll(
    `SELECT count(*), ${select} FROM read_csv('${data}', header=true, auto_detect=false, columns={${cols}})`,
  );
  const row = reader.getRowsJS()[0].map(Number);
  conn.closeSync();
  instance.closeSync();
  return {
    rows: row[0],
    nulls: Object.fromEntries(BENCH_COLUMNS.map((c, i) => [c, row[1 + i * 2]])),
    distinct: Object.fromEntries(BENCH_COLUMNS.map((c, i) => [c, row[2 + i * 2]])),
  };
}

if (!existsSync(data)) {
  process.stderr.write(`generating ${rows} rows…\n`);
  await generateProfileData(rows, data);
}
const exact = await truth();
const load: number[] = [];
const results = tools.map((tool) => ({ tool, wall: [] as number[], rss: 0, facts: null as Facts | null }));
const rounds = Math.max(...tools.map((t) => t.runs));
for (let round = 0; round < rounds; round++) {
  for (const result of results) {
    if (round >= result.tool.runs) continue;
    load.push(loadavg()[0]);
    const outFile = join(dir, `out-${results.indexOf(result)}.txt`);
    const started = performance.now();
    const child = spawnSync('sh', ['-c', `/usr/bin/time -v "$@" > ${outFile}`, 'sh', ...result.tool.command], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`${result.tool.name} failed: ${child.stderr}`);
    result.wall.push(seconds);
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
    result.rss = Math.max(result.rss, match ? Number(match[1]) / 1024 : 0);
    result.facts ??= result.tool.parse(readFileSync(outFile, 'utf8'));
    process.stderr.write(`${result.tool.name}\trun ${round + 1}\t${seconds.toFixed(2)} s\trss ${result.rss.toFixed(0)} MB\n`);
  }
}

const mark = (value: number | null | undefined, want: number | null): string =>
  value === null || value === undefined ? 'n/a' : value === want ? `${value} ✓` : `${value} ✗`;
const duck = results.find((r) => r.tool.name === 'DuckDB SUMMARIZE');
const golive = results.find((r) => r.tool.name.startsWith('golive'));
const floor = results.find((r) => r.tool.name.startsWith('DuckDB exact floor'));
const ratio = duck && golive ? median(golive.wall) / median(duck.wall) : NaN;
const lines = [
  '# Profiling benchmark',
  '',
  `Command: \`node --import tsx bench/profile/run.ts ${rows} ${runs}${csvstatRuns !== runs ? ` ${csvstatRuns}` : ''}\``,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}; ` +
    `1-minute load average during the runs: ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} (shared machine).`,
  `Data: ${rows.toLocaleString('en')} rows × 10 columns (${BENCH_COLUMNS.join(', ')}), ${(readFileSync(data).length / 2 ** 20).toFixed(0)} MiB UTF-8 CSV: ` +
    'integers, Chinese company names, USCC codes (1% bad check digit), mobile numbers (20% as +86 xxx-xxxx-xxxx), amounts ' +
    '(30% with thousands separators), dates in three forms, statuses, quantities and a mostly-empty remark column.',
  `Each tool is a fresh child process (tsx start-up included for the Node tools); tools run round-robin; wall = median; ` +
    'RSS = max "Maximum resident set size" of /usr/bin/time -v over the runs.',
  '',
  '| tool | wall median (s) | all runs (s) | peak RSS (MB) |',
  '|---|---:|---|---:|',
  ...results.map(
    (r) => `| ${r.tool.name} | ${median(r.wall).toFixed(2)} | ${r.wall.map((w) => w.toFixed(2)).join(', ')} | ${r.rss.toFixed(0)} |`,
  ),
  '',
  `golive / DuckDB SUMMARIZE wall-time ratio: **${ratio.toFixed(2)}×** (target ≤ 2×).`,
  ...(floor && duck
    ? [
        `Exact floor / DuckDB SUMMARIZE: ${(median(floor.wall) / median(duck.wall)).toFixed(2)}× — what exact distinct counts and top values ` +
          `alone cost before any type inference, validator, pattern or quality score; golive / exact floor: ${(median(golive?.wall ?? []) / median(floor.wall)).toFixed(2)}×.`,
      ]
    : []),
  csvstat ? '' : 'csvstat: not installed (`apt-get install csvkit`), so not measured.',
  '',
  '## Agreement with exact values',
  '',
  'Exact values: plain DuckDB SQL (`count(*) - count(col)`, `count(DISTINCT col)`) over the file read with every column as text,',
  'an empty field being NULL. ✓ = equal to exact.',
  '',
  `| metric | exact | ${results.map((r) => r.tool.name).join(' | ')} |`,
  `|---|---:|${results.map(() => '---:').join('|')}|`,
  `| rows | ${exact.rows} | ${results.map((r) => mark(r.facts?.rows, exact.rows)).join(' | ')} |`,
  ...CHECKED.flatMap((c) => [
    `| nulls ${c} | ${exact.nulls[c]} | ${results.map((r) => mark(r.facts?.nulls[c], exact.nulls[c])).join(' | ')} |`,
    `| distinct ${c} | ${exact.distinct[c]} | ${results.map((r) => mark(r.facts?.distinct[c], exact.distinct[c])).join(' | ')} |`,
  ]),
  '',
  'Notes: SUMMARIZE reports `approx_unique` (HyperLogLog) and a rounded null percentage, and types columns itself',
  '(e.g. qty as BIGINT). csvstat 1.0.x prints only whether a column has nulls (so a count shows as n/a unless it is 0),',
  'and counts NULL as one of the unique values.',
  '',
];
writeFileSync(join(here, 'RESULTS.md'), lines.join('\n'));
process.stderr.write(`wrote ${join(here, 'RESULTS.md')}\n`);
