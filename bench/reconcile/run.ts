/**
 * Side-by-side reconciliation bench: golive's CLI, a hand-written DuckDB query, and a naive JS
 * Map diff over the same generated files; daff when the npm package is installed (≤1M rows).
 * Reports median wall time of N runs, peak RSS (/usr/bin/time -v, child process) and
 * precision/recall against the injected truth, and writes bench/reconcile/RESULTS.md.
 *
 *   node --import tsx bench/reconcile/run.ts [sizes=100000,1000000] [runs=3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchData } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 3);
const root = '/tmp/golive-bench-reconcile';

interface Tool {
  name: string;
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
    name: 'naive JS Map diff',
    args: (d) => [join(here, 'naive-js-diff.ts'), d, `${d}/naive-diff.txt`],
    output: (d) => `${d}/naive-diff.txt`,
    parse: (text) => text.split('\n').filter(Boolean),
  },
];

function daffInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('daff');
    return true;
  } catch {
    return false;
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Row {
  rows: number;
  tool: string;
  wall: number[];
  rssMb: number;
  precision: number;
  recall: number;
}

const results: Row[] = [];
for (const size of sizes) {
  const dir = join(root, String(size));
  if (!existsSync(join(dir, 'truth.txt'))) {
    process.stderr.write(`generating ${size} rows…\n`);
    await generateBenchData(size, dir);
  }
  const truth = new Set(readFileSync(join(dir, 'truth.txt'), 'utf8').split('\n').filter(Boolean));
  for (const tool of tools) {
    const wall: number[] = [];
    let rss = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const child = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', ...tool.args(dir)], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      wall.push((performance.now() - started) / 1000);
      if (child.status !== 0) throw new Error(`${tool.name} failed: ${child.stderr}`);
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
      rss = Math.max(rss, match ? Number(match[1]) / 1024 : 0);
    }
    const found = tool.parse(readFileSync(tool.output(dir), 'utf8'));
    const hits = found.filter((f) => truth.has(f)).length;
    const row = {
      rows: size,
      tool: tool.name,
      wall,
      rssMb: rss,
      precision: found.length ? hits / found.length : 1,
      recall: truth.size ? hits / truth.size : 1,
    };
    results.push(row);
    process.stderr.write(
      `${size}\t${tool.name}\tmedian ${median(wall).toFixed(2)}s\trss ${rss.toFixed(0)} MB\tP ${row.precision.toFixed(4)} R ${row.recall.toFixed(4)}\n`,
    );
  }
}

const lines = [
  '# Reconciliation benchmark',
  '',
  `Command: \`node --import tsx bench/reconcile/run.ts ${sizes.join(',')} ${runs}\``,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}.`,
  `Data: 10 columns, 1% updates (name/amount/qty/status), 0.5% deletes, 0.5% inserts, 2% sub-tolerance amount noise,`,
  'renamed column (amount → total_amount), legacy status codes mapped via status_map.csv. Each tool is a fresh',
  `child process (tsx startup included, ~0.3 s); wall = median of ${runs}; RSS = max "Maximum resident set size" from /usr/bin/time -v.`,
  '',
  '| rows | tool | wall median (s) | all runs (s) | peak RSS (MB) | precision | recall |',
  '|---:|---|---:|---|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.rows.toLocaleString('en')} | ${r.tool} | ${median(r.wall).toFixed(2)} | ${r.wall.map((w) => w.toFixed(2)).join(', ')} | ${r.rssMb.toFixed(0)} | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} |`,
  ),
  '',
  daffInstalled() ? '' : 'daff: not installed (npm package `daff` absent), so not measured.',
  '',
];
writeFileSync(join(here, 'RESULTS.md'), lines.join('\n'));
process.stderr.write(`wrote ${join(here, 'RESULTS.md')}\n`);
