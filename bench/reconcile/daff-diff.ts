/**
 * daff (npm `daff`, the table diff library) on the bench files. daff has no tolerance, column
 * renaming or value maps, so they are applied around it in plain JS to make the result comparable:
 * the right side's `total_amount` header is renamed to `amount`, legacy status codes on the left are
 * mapped before the diff, and changed `amount` cells within 0.01 are dropped afterwards. daff aligns
 * rows on the primary key `id` (unordered), then its highlighter output is turned into
 * `key|status|column` lines. Fields never contain commas in the bench data, so a split is a fair parser.
 *
 *   node --import tsx bench/reconcile/daff-diff.ts <dataDir> <out.txt>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface DaffTable {
  readonly __brand?: 'daff-table';
}
interface DaffFlags {
  ordered: boolean;
  unchanged_context: number;
  addPrimaryKey(column: string): void;
}
interface DaffModule {
  TableView: new (data: string[][]) => DaffTable;
  CompareFlags: new () => DaffFlags;
  compareTables(local: DaffTable, remote: DaffTable, flags: DaffFlags): { align(): unknown };
  TableDiff: new (alignment: unknown, flags: DaffFlags) => { hilite(output: DaffTable): void };
}

// daff ships no type declarations: load it through require with the slice of its API used here.
const lib = createRequire(import.meta.url)('daff') as DaffModule;
const [dataDir, out] = process.argv.slice(2);
const statusMap = new Map([
  ['A', 'ACTIVE'],
  ['B', 'BLOCKED'],
  ['C', 'CLOSED'],
  ['D', 'DRAFT'],
]);

function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}

const left = readCsv(`${dataDir}/left.csv`);
const right = readCsv(`${dataDir}/right.csv`);
const status = left[0].indexOf('status');
for (let i = 1; i < left.length; i++) left[i][status] = statusMap.get(left[i][status]) ?? left[i][status];
right[0] = right[0].map((name) => (name === 'total_amount' ? 'amount' : name));

const flags = new lib.CompareFlags();
flags.addPrimaryKey('id');
flags.ordered = false;
flags.unchanged_context = 0;
const alignment = lib.compareTables(new lib.TableView(left), new lib.TableView(right), flags).align();
const output: string[][] = [];
new lib.TableDiff(alignment, flags).hilite(new lib.TableView(output));

const diffs: string[] = [];
let header: string[] = [];
for (const row of output) {
  const action = row[0];
  if (action === '@@') {
    header = row;
    continue;
  }
  const id = row[header.indexOf('id')];
  if (action === '+++') diffs.push(`${id}|only_right|`);
  else if (action === '---') diffs.push(`${id}|only_left|`);
  else if (action === '->') {
    for (let c = 1; c < row.length; c++) {
      const cell = String(row[c] ?? '');
      const at = cell.indexOf('->');
      if (at < 0) continue;
      if (header[c] === 'amount' && Math.abs(Number(cell.slice(0, at)) - Number(cell.slice(at + 2))) <= 0.01 + 1e-9) continue;
      diffs.push(`${String(row[header.indexOf('id')]).split('->')[0]}|changed|${header[c]}`);
    }
  }
}
// A row whose only change was sub-tolerance noise ends with no entry, as it should.
writeFileSync(out, `${diffs.join('\n')}\n`);
process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`);
