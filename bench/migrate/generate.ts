import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The benchmark table: 10 columns of the types golive converts. */
export const BENCH_TABLE_DDL = (name: string): string =>
  `CREATE TABLE ${name} (
    id bigint PRIMARY KEY, code varchar(20) NOT NULL, name text, amount numeric(14,2), qty integer,
    price double precision, active boolean, doc_date date, created_at timestamp, note varchar(100))`;

export const BENCH_COLUMNS = ['id', 'code', 'name', 'amount', 'qty', 'price', 'active', 'doc_date', 'created_at', 'note'];

/**
 * Writes `rows` rows of realistic ERP-ish data (UTF-8 CSV with header). Every `badEvery`-th row
 * (when set) carries one bad value, rotating through the kinds of error golive rejects. `native`
 * writes booleans and dates the way PostgreSQL's COPY reads them (for the \copy and pgloader runs);
 * otherwise a third of the booleans are 是/N and half the dates 2024年3月3日.
 */
export async function generateCsv(path: string, rows: number, badEvery?: number, native = false): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${BENCH_COLUMNS.join(',')}\n`);
  const names = ['上海华东机械有限公司', '北京中关村电子', 'Acme Trading', '深圳"湾区"物流', '广州, 天河 贸易'];
  let bad = 0;
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const d = 1 + (i % 28);
    const m = 1 + (i % 12);
    const fields = [
      String(i),
      `C${String(i).padStart(8, '0')}`,
      names[i % names.length],
      `${(i * 37) % 1_000_000}.${String(i % 100).padStart(2, '0')}`,
      String(i % 5000),
      String((i % 9973) / 7),
      native ? String(i % 3 !== 1) : i % 3 === 0 ? '是' : i % 3 === 1 ? 'N' : 'true',
      i % 2 || native ? `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `2024年${m}月${d}日`,
      `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:15:00`,
      i % 4 ? `note ${i}` : '',
    ];
    if (badEvery && i % badEvery === 0) {
      bad++;
      const kind = (i / badEvery) % 4;
      if (kind === 0) fields[3] = 'abc';
      else if (kind === 1) fields[7] = '2024-02-30';
      else if (kind === 2) fields[4] = '99999999999';
      else fields[1] = '';
    }
    buffer += `${fields.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  return bad;
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const [path, rows, badEvery, native] = process.argv.slice(2);
  const bad = await generateCsv(
    path ?? 'bench.csv',
    Number(rows ?? 1_000_000),
    badEvery ? Number(badEvery) : undefined,
    native === 'native',
  );
  console.log(`wrote ${path}: ${rows} rows, ${bad} bad`);
}
