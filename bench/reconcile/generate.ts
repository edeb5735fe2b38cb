/**
 * Generates a dual-run benchmark pair: left.csv (old system) and right.csv (new system), 10
 * columns, with injected updates, inserts, deletes, sub-tolerance noise on amounts, renamed
 * column (amount → total_amount) and legacy status codes mapped through status_map.csv.
 * truth.txt lists every true difference as `key|status|column`.
 *
 *   node --import tsx bench/reconcile/generate.ts <rows> <outDir> [seed]
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

const LEGACY = ['A', 'B', 'C', 'D'];
const NEW = ['ACTIVE', 'BLOCKED', 'CLOSED', 'DRAFT'];
const REGIONS = ['华北', '华东', '华南', '西南', '东北'];

/** Small deterministic PRNG so every run of the bench sees the same data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  private buffer: string[] = [];
  private readonly stream;
  constructor(path: string) {
    this.stream = createWriteStream(path);
  }
  async line(text: string): Promise<void> {
    this.buffer.push(text);
    if (this.buffer.length >= 5000) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const ok = this.stream.write(`${this.buffer.join('\n')}\n`);
    this.buffer = [];
    if (!ok) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function generateBenchData(rows: number, outDir: string, seed = 42): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const rand = mulberry32(seed);
  const left = new Writer(join(outDir, 'left.csv'));
  const right = new Writer(join(outDir, 'right.csv'));
  const truth = new Writer(join(outDir, 'truth.txt'));
  writeFileSync(join(outDir, 'status_map.csv'), `old,new\n${LEGACY.map((c, i) => `${c},${NEW[i]}`).join('\n')}\n`);
  await left.line('id,code,name,amount,qty,price,created,region,status,note');
  await right.line('id,code,name,total_amount,qty,price,created,region,status,note');
  for (let i = 1; i <= rows; i++) {
    const id = String(i);
    const s = Math.floor(rand() * 4);
    const amountCents = Math.floor(rand() * 10_000_000);
    const amount = (amountCents / 100).toFixed(2);
    const row = [
      id,
      `P${String(Math.floor(rand() * 100000)).padStart(6, '0')}`,
      `name-${Math.floor(rand() * 1e9).toString(36)}`,
      amount,
      String(Math.floor(rand() * 1000)),
      (rand() * 1000).toFixed(4),
      `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')} 10:00:00`,
      REGIONS[Math.floor(rand() * REGIONS.length)],
      LEGACY[s],
      rand() < 0.5 ? '' : `note ${i}`,
    ];
    await left.line(row.join(','));
    const r = rand();
    if (r < 0.005) {
      await truth.line(`${id}|only_left|`);
      continue;
    }
    const out = [...row];
    out[8] = NEW[s];
    if (r < 0.015) {
      const which = Math.floor(rand() * 4);
      if (which === 0) {
        out[2] = `${row[2]}x`;
        await truth.line(`${id}|changed|name`);
      } else if (which === 1) {
        out[3] = ((amountCents + 500) / 100).toFixed(2);
        await truth.line(`${id}|changed|amount`);
      } else if (which === 2) {
        out[4] = String(Number(row[4]) + 1);
        await truth.line(`${id}|changed|qty`);
      } else {
        out[8] = NEW[(s + 1) % 4];
        await truth.line(`${id}|changed|status`);
      }
    } else if (r < 0.035) {
      // Below the 0.01 tolerance: not a difference.
      out[3] = (amountCents / 100 + 0.004).toFixed(3);
    }
    await right.line(out.join(','));
  }
  const inserts = Math.floor(rows * 0.005);
  for (let j = 1; j <= inserts; j++) {
    const id = String(rows + j);
    await right.line(`${id},P000000,new-${j},1.00,1,1.0000,2024-01-01 10:00:00,华北,ACTIVE,`);
    await truth.line(`${id}|only_right|`);
  }
  await Promise.all([left.close(), right.close(), truth.close()]);
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const rows = Number(process.argv[2] ?? 100000);
  const outDir = process.argv[3] ?? `/tmp/golive-bench-reconcile/${rows}`;
  await generateBenchData(rows, outDir, Number(process.argv[4] ?? 42));
  process.stdout.write(`wrote ${rows} rows to ${outDir}\n`);
}
