/**
 * Side-by-side reconciliation bench: golive's CLI, a hand-written DuckDB query, daff (≤1M rows) and
 * a naive JS Map diff over the same generated files. Reports median wall time of N runs, peak RSS
 * (/usr/bin/time -v, child process) and precision/recall against the injected truth, and writes
 * bench/reconcile/RESULTS.md. A size may carry its own run count (`5000000:1`). A run that exceeds
 * the time limit is recorded as a timeout, one that dies of heap exhaustion as out of memory; the
 * remaining runs of that tool at that size are skipped.
 *
 *   node --import tsx bench/reconcile/run.ts [sizes=100000,1000000,5000000:1] [runs=3] [limitSeconds=600]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchData } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const sizeArg = process.argv[2] ?? '100000,1000000,5000000:1';
const runs = Number(process.argv[3] ?? 3);
const limitSeconds = Number(process.argv[4] ?? 600);
const sizes = sizeArg.split(',').map((part) => {
  const [rows, n] = part.split(':');
  return { rows: Number(rows), runs: n ? Number(n) : runs };
});
const root = '/tmp/golive-bench-reconcile';

interface Tool {
  name: string;
  /** Largest size this tool is run at. */
  maxRows?: number;
  args(dir: string): string[];
  output(dir: string): string;
  parse(text: string): string[];
}

const tools: Tool[] = [
  {
    name: 'golive reconcile (CLI)',
    args: (d) => [
      join(here, 'golive-cli.ts'),
      'reconcile',
      '--left',
      `${d}/left.csv`,
      '--right',
      `${d}/right.csv`,
      '--key',
      'id',
      '--map-column',
      'amount=total_amount',
      '--tolerance',
      'amount=0.01',
      '--value-map',
      `status=${d}/status_map.csv`,
      '--format',
      'json',
      '--out',
      `${d}/golive-diff.csv`,
    ],
    output: (d) => `${d}/golive-diff.csv`,
    parse: (text) =>
      text
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(',').slice(0, 3).join('|')),
  },
  {
    name: 'DuckDB FULL OUTER JOIN query',
    args: (d) => [join(here, 'duckdb-baseline.ts'), d, `${d}/duckdb-diff.csv`],
    output: (d) => `${d}/duckdb-diff.csv`,
    parse: (text) => {
      const [header, ...lines] = text.split('\n').filter(Boolean);
      const names = header.split(',');
      return lines.flatMap((line) => {
        const f = line.split(',');
        if (f[1] !== 'changed') return [`${f[0]}|${f[1]}|`];
        return names.flatMap((n, i) => (n.startsWith('d_') && f[i] === 'true' ? [`${f[0]}|changed|${n.slice(2)}`] : []));
      });
    },
  },
  {
    name: 'daff (npm daff 1.4, rules applied in JS around it)',
    maxRows: 1_000_000,
    args: (d) => [join(here, 'daff-diff.ts'), d, `${d}/daff-diff.txt`],
    output: (d) => `${d}/daff-diff.txt`,
    parse: (text) => text.split('\n').filter(Boolean),
  },
  {
    name: 'naive JS Map diff',
    args: (d) => [join(here, 'naive-js-diff.ts'), d, `${d}/naive-diff.txt`],
    output: (d) => `${d}/naive-diff.txt`,
    parse: (text) => text.split('\n').filter(Boolean),
  },
];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Row {
  rows: number;
  tool: string;
  wall: number[];
  /** User + system CPU seconds per run (the fairer figure on a shared machine). */
  cpu: number[];
  rssMb: number;
  precision: number;
  recall: number;
  /** Set when the tool did not finish: 'timeout' or 'out of memory'. */
  failed?: string;
}

const results: Row[] = [];
for (const size of sizes) {
  const dir = join(root, String(size.rows));
  if (!existsSync(join(dir, 'truth.txt'))) {
    process.stderr.write(`generating ${size.rows} rows…\n`);
    await generateBenchData(size.rows, dir);
  }
  const truth = new Set(readFileSync(join(dir, 'truth.txt'), 'utf8').split('\n').filter(Boolean));
  for (const tool of tools) {
    if (tool.maxRows !== undefined && size.rows > tool.maxRows) continue;
    const wall: number[] = [];
    const cpu: number[] = [];
    let rss = 0;
    let failed: string | undefined;
    rmSync(tool.output(dir), { force: true });
    for (let i = 0; i < size.runs && !failed; i++) {
      const started = performance.now();
      // timeout(1) kills the tool itself (a kill from here would only reach /usr/bin/time).
      const command = ['-v', 'timeout', '-s', 'KILL', String(limitSeconds), process.execPath, '--import', 'tsx', ...tool.args(dir)];
      const child = spawnSync('/usr/bin/time', command, { encoding: 'utf8', maxBuffer: 1 << 26 });
      const seconds = (performance.now() - started) / 1000;
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
      rss = Math.max(rss, match ? Number(match[1]) / 1024 : 0);
      if (seconds >= limitSeconds && child.status !== 0) {
        failed = `timeout (> ${limitSeconds} s)`;
      } else if (child.status !== 0) {
        if (/heap out of memory|Allocation failed|out of memory/i.test(child.stderr)) failed = 'out of memory';
        else throw new Error(`${tool.name} failed: ${child.stderr}`);
      } else {
        wall.push(seconds);
        const user = /User time \(seconds\): ([\d.]+)/.exec(child.stderr);
        const system = /System time \(seconds\): ([\d.]+)/.exec(child.stderr);
        cpu.push(Number(user?.[1] ?? 0) + Number(system?.[1] ?? 0));
      }
    }
    let precision = Number.NaN;
    let recall = Number.NaN;
    if (!failed) {
      const found = tool.parse(readFileSync(tool.output(dir), 'utf8'));
      const hits = found.filter((f) => truth.has(f)).length;
      precision = found.length ? hits / found.length : 1;
      recall = truth.size ? hits / truth.size : 1;
    }
    const row: Row = { rows: size.rows, tool: tool.name, wall, cpu, rssMb: rss, precision, recall, failed };
    results.push(row);
    process.stderr.write(
      `${size.rows}\t${tool.name}\t${failed ?? `median ${median(wall).toFixed(2)}s cpu ${median(cpu).toFixed(2)}s`}\trss ${rss.toFixed(0)} MB\tP ${precision.toFixed(4)} R ${recall.toFixed(4)}\n`,
    );
  }
}

const cell = (r: Row): string[] =>
  r.failed
    ? [r.failed, '—', r.wall.map((w) => w.toFixed(2)).join(', ') || '—', r.rssMb ? `${r.rssMb.toFixed(0)} (at failure)` : '—', '—', '—']
    : [
        median(r.wall).toFixed(2),
        median(r.cpu).toFixed(2),
        r.wall.map((w) => w.toFixed(2)).join(', '),
        r.rssMb.toFixed(0),
        r.precision.toFixed(4),
        r.recall.toFixed(4),
      ];
const lines = [
  '# Reconciliation benchmark',
  '',
  `Command: \`node --import tsx bench/reconcile/run.ts ${sizeArg} ${runs} ${limitSeconds}\``,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}.`,
  `Data: 10 columns, 1% updates (name/amount/qty/status), 0.5% deletes, 0.5% inserts, 2% sub-tolerance amount noise,`,
  'renamed column (amount → total_amount), legacy status codes mapped via status_map.csv. Each tool is a fresh',
  `child process (node + tsx start-up included); wall = median of the runs listed (${sizes.map((s) => `${s.rows}: ${s.runs}`).join(', ')});`,
  `RSS = max "Maximum resident set size" from /usr/bin/time -v; time limit per run ${limitSeconds} s.`,
  '',
  '| rows | tool | wall median (s) | CPU median (s) | all runs, wall (s) | peak RSS (MB) | precision | recall |',
  '|---:|---|---:|---:|---|---:|---:|---:|',
  ...results.map((r) => `| ${r.rows.toLocaleString('en')} | ${r.tool} | ${cell(r).join(' | ')} |`),
  '',
];
const resultsFile = resolve(here, process.env.BENCH_RESULTS ?? 'RESULTS.md');
writeFileSync(resultsFile, lines.join('\n'));
process.stderr.write(`wrote ${resultsFile}\n`);
