/**
 * The naive approach: the whole left side in a JS Map, stream the right side, compare field by
 * field (same mapping, value map and tolerance). Fields never contain commas in the bench data,
 * so a plain split is a fair parser here.
 *
 *   node --import tsx bench/reconcile/naive-js-diff.ts <dataDir> <out.txt>
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [dataDir, out] = process.argv.slice(2);
const statusMap = new Map([
  ['A', 'ACTIVE'],
  ['B', 'BLOCKED'],
  ['C', 'CLOSED'],
  ['D', 'DRAFT'],
]);
async function* lines(path: string): AsyncGenerator<string[]> {
  let first = true;
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (first) {
      first = false;
      continue;
    }
    if (line) yield line.split(',');
  }
}
const names = ['id', 'code', 'name', 'amount', 'qty', 'price', 'created', 'region', 'status', 'note'];
const left = new Map<string, string[]>();
for await (const f of lines(`${dataDir}/left.csv`)) left.set(f[0], f);
const diffs: string[] = [];
for await (const r of lines(`${dataDir}/right.csv`)) {
  const l = left.get(r[0]);
  if (!l) {
    diffs.push(`${r[0]}|only_right|`);
    continue;
  }
  left.delete(r[0]);
  for (let i = 1; i < names.length; i++) {
    let same: boolean;
    if (names[i] === 'amount') same = Math.abs(Number(l[i]) - Number(r[i])) <= 0.01 + 1e-9;
    else if (names[i] === 'status') same = (statusMap.get(l[i]) ?? l[i]) === r[i];
    else same = l[i] === r[i];
    if (!same) diffs.push(`${r[0]}|changed|${names[i]}`);
  }
}
for (const key of left.keys()) diffs.push(`${key}|only_left|`);
writeFileSync(out, `${diffs.join('\n')}\n`);
process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`);
