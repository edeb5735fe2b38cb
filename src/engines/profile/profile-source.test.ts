import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, testDialects } from '../../../test/db-harness';
import { encodeCsvCell, encodeCsvRow } from '../export/csv-encode';
import { luhnCheckDigit } from '../validators/bank-card';
import { idCardCheckChar } from '../validators/id-card';
import { usccCheckChar } from '../validators/uscc';
import { profileSource } from './profile-source';
import type { ColumnProfile, SourceProfile } from './profile-types';

const dir = mkdtempSync(join(tmpdir(), 'golive-profile-'));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function column(profile: SourceProfile, name: string): ColumnProfile {
  const found = profile.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

/** Byte order, like DuckDB's VARCHAR comparison. */
const byteCompare = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Expected statistics of one column, computed in plain JS from the generated values. */
function expected(values: (string | null)[]) {
  const present = values.filter((v): v is string => v !== null && v.trim() !== '');
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || byteCompare(a[0], b[0]))
    .slice(0, 10)
    .map(([value, count]) => ({ value, count }));
  const lengths = present.map((v) => [...v].length);
  return {
    nulls: values.filter((v) => v === null).length,
    distinct: counts.size,
    top,
    present,
    length: present.length
      ? { min: Math.min(...lengths), max: Math.max(...lengths), avg: lengths.reduce((a, b) => a + b, 0) / lengths.length }
      : null,
  };
}

describe('profileSource on generated CSV', () => {
  it('matches statistics computed independently (fast-check)', async () => {
    const value = (gen: fc.Arbitrary<string>): fc.Arbitrary<string | null> => fc.option(gen, { freq: 5 });
    const row = fc.tuple(
      value(fc.integer({ min: -5000, max: 5000 }).map(String)),
      value(fc.constantFrom('北京', '上海', '广州', 'Shenzhen', '杭州 ', '成都,四川', '"引号"', '  ')),
      value(fc.integer({ min: -99999, max: 99999 }).map((n) => (n / 100).toFixed(2))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 300 }), async (rows) => {
        const path = file('gen.csv', `n,city,price\n${rows.map(encodeCsvRow).join('\n')}\n`);
        const profile = await profileSource(path);
        expect(profile.rows).toBe(rows.length);
        const [n, city, price] = [0, 1, 2].map((i) => expected(rows.map((r) => r[i])));
        for (const [name, exp] of [
          ['n', n],
          ['city', city],
          ['price', price],
        ] as const) {
          const col = column(profile, name);
          expect(col.nulls, name).toBe(exp.nulls);
          expect(col.null_ratio, name).toBeCloseTo(exp.nulls / rows.length, 12);
          expect(col.distinct, name).toBe(exp.distinct);
          expect(col.top, name).toEqual(exp.top);
          expect(col.length?.min ?? null, name).toBe(exp.length?.min ?? null);
          expect(col.length?.max ?? null, name).toBe(exp.length?.max ?? null);
          if (exp.length) expect(col.length?.avg, name).toBeCloseTo(exp.length.avg, 9);
        }
        const ints = n.present.map(Number);
        if (ints.length) {
          expect(column(profile, 'n')).toMatchObject({ type: 'integer', type_ratio: 1, min: Math.min(...ints), max: Math.max(...ints) });
        }
        const prices = price.present.map(Number);
        if (prices.length) {
          const col = column(profile, 'price');
          expect(col.type).toBe('decimal');
          expect(col.min).toBe(Math.min(...prices));
          expect(col.max).toBe(Math.max(...prices));
        }
        const cities = [...city.present].sort(byteCompare);
        const cityCol = column(profile, 'city');
        expect(cityCol.type).toBe('text');
        expect(cityCol.blank).toBe(rows.filter((r) => r[1] === '  ').length);
        if (cities.length) expect([cityCol.min, cityCol.max]).toEqual([cities[0], cities[cities.length - 1]]);
      }),
      { numRuns: 6 },
    );
  });

  it('reads GBK, UTF-8 with BOM and XLSX to the same profile', async () => {
    const text = '编号,名称,金额,日期\n1,北京朝阳,"1,234.50",2024年1月5日\n2,上海,,2024/1/6\n3,,12,2024-01-07\n3, ,(5.00),2024-02-30\n';
    const utf8 = await profileSource(file('u8.csv', text));
    const bom = await profileSource(file('bom.csv', `\ufeff${text}`));
    const gbk = await profileSource(file('gbk.csv', iconv.encode(text, 'gbk')), { encoding: 'gbk' });
    const gbkDetected = await profileSource(file('gbk2.csv', iconv.encode(text, 'gbk')));
    const strip = (p: SourceProfile) => ({ ...p, source: '' });
    expect(strip(bom)).toEqual(strip(utf8));
    expect(strip(gbk)).toEqual(strip(utf8));
    expect(strip(gbkDetected)).toEqual(strip(utf8));
    expect(utf8.columns.map((c) => c.name)).toEqual(['编号', '名称', '金额', '日期']);
    expect(column(utf8, '金额')).toMatchObject({ type: 'amount', nulls: 1, min: -5, max: 1234.5 });
    expect(column(utf8, '名称')).toMatchObject({ nulls: 1, blank: 1, distinct: 3 });
    expect(column(utf8, '日期')).toMatchObject({
      type: 'cn_date',
      type_ratio: 0.75,
      min: '2024-01-05',
      max: '2024-01-07',
      date_formats: { YYYY年M月D日: 1, 'YYYY/M/D': 1, 'YYYY-MM-DD': 1 },
    });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Other').addRow(['x']);
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['编号', '名称', '金额', '日期']);
    sheet.addRow([1, '北京朝阳', '1,234.50', '2024年1月5日']);
    sheet.addRow([2, '上海', null, '2024/1/6']);
    sheet.addRow([3, null, 12, '2024-01-07']);
    sheet.addRow([3, ' ', '(5.00)', '2024-02-30']);
    const xlsx = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const fromXlsx = await profileSource(xlsx, { sheet: '数据' });
    expect({ ...strip(fromXlsx), kind: 'csv' }).toEqual(strip(utf8));
  });

  it('recognises the Chinese business types and reports key duplicates', async () => {
    const lines = ['id,uscc,idcard,mobile,card,amount,flag,when'];
    for (let i = 1; i <= 40; i++) {
      const usccBody = `91350100${String(100000000 + i * 7919).slice(0, 9)}`;
      const idBody = `1101051990${String(101 + (i % 12) * 100).padStart(4, '0')}${String(i).padStart(3, '0')}`;
      const card = `62220202${String(i).padStart(10, '0')}`;
      lines.push(
        [
          i === 40 ? '39' : String(i),
          usccBody + (i === 1 ? '0' : usccCheckChar(usccBody)),
          i === 2 ? '110105491231002' : idBody + idCardCheckChar(idBody),
          i % 4 === 0 ? `+86 138-${String(1000 + i)}-0000` : `1390000${String(1000 + i)}`,
          card + luhnCheckDigit(card),
          encodeCsvCell(`￥${(i * 1234.5).toLocaleString('en-US', { minimumFractionDigits: 2 })}`),
          i % 2 ? '是' : '否',
          `2024-01-${String((i % 28) + 1).padStart(2, '0')} 08:30:00`,
        ].join(','),
      );
    }
    const profile = await profileSource(file('types.csv', `${lines.join('\n')}\n`), { key: ['id'] });
    const types = Object.fromEntries(profile.columns.map((c) => [c.name, [c.type, c.type_ratio]]));
    expect(types).toEqual({
      id: ['integer', 1],
      uscc: ['uscc', 39 / 40],
      idcard: ['id_card', 1],
      mobile: ['mobile', 1],
      card: ['bank_card', 1],
      amount: ['amount', 1],
      flag: ['boolean', 1],
      when: ['datetime', 1],
    });
    expect(column(profile, 'idcard').legacy_id_cards).toBe(1);
    expect(column(profile, 'amount')).toMatchObject({ min: 1234.5, max: 49380 });
    expect(column(profile, 'when')).toMatchObject({ min: '2024-01-01 08:30:00', max: '2024-01-28 08:30:00' });
    expect(profile.key).toEqual({
      columns: ['id'],
      null_keys: 0,
      duplicate_values: 1,
      duplicate_rows: 2,
      examples: [{ key: ['39'], count: 2, rows: [39, 40] }],
    });
    const idQuality = column(profile, 'id').quality;
    expect(idQuality.reasons.map((r) => r.code)).toEqual(['duplicate_keys']);
    expect(column(profile, 'uscc').quality.reasons[0]).toMatchObject({ code: 'mixed_types', en: 'mixed types: 98% uscc' });
    expect(profile.quality.score).toBeLessThan(100);
    await expect(profileSource(file('types2.csv', 'a\n1\n'), { key: ['nope'] })).rejects.toThrow(
      /types2\.csv" has no column "nope" \(--key\)/,
    );
  });

  it('profiles an empty source', async () => {
    const profile = await profileSource(file('empty.csv', 'a,b\n'));
    expect(profile.rows).toBe(0);
    expect(profile.columns[0]).toMatchObject({ nulls: 0, distinct: 0, min: null, max: null, top: [], length: null });
    expect(profile.quality.score).toBe(0);
  });
});

describe.runIf(testDialects().includes('postgres'))('profileSource on PostgreSQL', () => {
  let url = '';
  beforeAll(async () => {
    url = await createTestDatabaseUrl('postgres');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA erp; CREATE TABLE erp.customer (id int8, name text, credit numeric(12,2), since date, note text)`);
    await client.query(
      `INSERT INTO erp.customer SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE '客户' || (g % 50) END, g * 1.5, DATE '2024-01-01' + g, ` +
        `CASE WHEN g % 3 = 0 THEN '' WHEN g % 3 = 1 THEN '  ' ELSE 'ok' END FROM generate_series(1, 3000) g`,
    );
    await client.end();
  });

  it('streams a table and computes exact statistics', async () => {
    const profile = await profileSource(`${url}#erp.customer`, { key: ['id'] });
    expect(profile.kind).toBe('postgres');
    expect(profile.rows).toBe(3000);
    expect(column(profile, 'id')).toMatchObject({ type: 'integer', distinct: 3000, min: 1, max: 3000, nulls: 0 });
    expect(column(profile, 'name')).toMatchObject({ type: 'text', nulls: 300, null_ratio: 0.1, distinct: 45 });
    expect(column(profile, 'credit')).toMatchObject({ type: 'decimal', min: 1.5, max: 4500 });
    expect(column(profile, 'since')).toMatchObject({ type: 'date', min: '2024-01-02', max: '2032-03-19', type_ratio: 1 });
    expect(column(profile, 'note')).toMatchObject({ nulls: 0, empty: 1000, blank: 1000, distinct: 3 });
    expect(profile.key).toMatchObject({ duplicate_values: 0, duplicate_rows: 0, null_keys: 0 });
  });
});
