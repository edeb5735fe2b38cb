import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, testDialects } from '../../../test/db-harness';
import { formatSourceValue } from './format-source-value';
import { describeSource, openSource } from './open-source';
import { parseSourceSpec } from './parse-source-spec';
import type { OpenSourceOptions } from './source-types';

const dir = mkdtempSync(join(tmpdir(), 'golive-sources-'));

async function readAll(spec: string, options: OpenSourceOptions = {}): Promise<{ columns: readonly string[]; rows: (string | null)[][] }> {
  const source = await openSource(spec, options);
  const rows: (string | null)[][] = [];
  try {
    for await (const batch of source.batches()) rows.push(...batch.rows.map((r) => r.map(formatSourceValue)));
  } finally {
    await source.close();
  }
  return { columns: source.columns, rows };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('parseSourceSpec / describeSource', () => {
  it('parses every kind', () => {
    expect(parseSourceSpec('a.csv')).toEqual({ kind: 'csv', path: 'a.csv' });
    expect(parseSourceSpec('a.xlsx#Sheet 2')).toEqual({ kind: 'xlsx', path: 'a.xlsx', sheet: 'Sheet 2' });
    expect(parseSourceSpec('sqlite:x.db#t')).toEqual({ kind: 'sqlite', path: 'x.db', target: 't', isQuery: false });
    expect(parseSourceSpec('postgres://u:p@h:5432/db#s.t')).toMatchObject({ kind: 'postgres', target: 's.t', isQuery: false });
    expect(parseSourceSpec('mysql://u:p@h/db#select 1')).toMatchObject({ kind: 'mysql', isQuery: true });
  });

  it('masks passwords', () => {
    expect(describeSource('postgres://admin:s3cr3t@db:5432/erp#orders')).toBe('postgres://admin:***@db:5432/erp#orders');
    expect(describeSource('postgres://admin:s3cr3t@db:5432/erp')).not.toContain('s3cr3t');
  });
});

describe('CSV sources', () => {
  it('reads UTF-8, UTF-8 with BOM and GBK the same way', async () => {
    const text = '编号,名称,金额\n1,"北京, 朝阳",10.5\n2,上海,\n';
    const expected = {
      columns: ['编号', '名称', '金额'],
      rows: [
        ['1', '北京, 朝阳', '10.5'],
        ['2', '上海', null],
      ],
    };
    expect(await readAll(file('u8.csv', text))).toEqual(expected);
    expect(await readAll(file('bom.csv', `\ufeff${text}`))).toEqual(expected);
    expect(await readAll(file('gbk.csv', iconv.encode(text, 'gbk')))).toEqual(expected);
    expect(await readAll(file('gbk2.csv', iconv.encode(text, 'gbk')), { encoding: 'gbk' })).toEqual(expected);
  });

  it('detects tab, semicolon and a missing header', async () => {
    expect(await readAll(file('t.tsv', 'a\tb\n1\tx,y\n'))).toEqual({ columns: ['a', 'b'], rows: [['1', 'x,y']] });
    expect(await readAll(file('s.txt', 'a;b\n1;2\n'))).toEqual({ columns: ['a', 'b'], rows: [['1', '2']] });
    expect(await readAll(file('nh.csv', '1,2\n3,4\n'))).toEqual({
      columns: ['column1', 'column2'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    });
  });

  it('reports ragged rows with file, line and column', async () => {
    const path = file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n');
    await expect(readAll(path)).rejects.toThrow(/ragged\.csv", line 3: 2 fields where the header has 3; column 3 \("c"\) is missing/);
    const extra = file('extra.csv', 'a,b\n1,2,3\n');
    await expect(readAll(extra)).rejects.toThrow(/extra\.csv", line 2: .*column 3 is one field too many/);
  });

  it('reports an unterminated quote', async () => {
    await expect(readAll(file('open.csv', 'a,b\n1,"abc\n2,3\n'))).rejects.toThrow(/open\.csv", line 2, column 3: unterminated/);
  });

  it('reports a missing file', async () => {
    await expect(readAll(join(dir, 'nope.csv'))).rejects.toThrow(/nope\.csv" not found/);
  });
});

describe('XLSX sources', () => {
  it('streams the first or a named sheet with typed cells', async () => {
    const path = join(dir, 'book.xlsx');
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('First');
    first.addRow(['id', 'name', 'amount', 'when', 'formula']);
    first.addRow([1, 'a', 10.25, new Date(Date.UTC(2024, 0, 2)), { formula: 'C2*2', result: 20.5 }]);
    first.addRow([2, { richText: [{ text: 'b' }, { text: 'c' }] }, null, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), null]);
    const second = wb.addWorksheet('Second');
    second.addRow(['k']);
    second.addRow(['v']);
    await wb.xlsx.writeFile(path);
    expect(await readAll(path)).toEqual({
      columns: ['id', 'name', 'amount', 'when', 'formula'],
      rows: [
        ['1', 'a', '10.25', '2024-01-02', '20.5'],
        ['2', 'bc', null, '2024-01-02 03:04:05', null],
      ],
    });
    expect(await readAll(`${path}#Second`)).toEqual({ columns: ['k'], rows: [['v']] });
    await expect(readAll(`${path}#Nope`)).rejects.toThrow(/no sheet named "Nope" \(sheets: First, Second\)/);
  });

  it('names and orders sheets from workbook.xml even when the zip stores it after the sheets', async () => {
    // Tab order differs from part order, and shared strings come first, so the streaming reader meets
    // every sheet before it has seen workbook.xml (the case behind a crash in an earlier build).
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet2').addRows([['k'], ['in Sheet2']]);
    wb.addWorksheet('客户').addRows([['名称'], ['兰州']]);
    wb.addWorksheet('Sheet1').addRows([['k'], ['in Sheet1']]);
    const original = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const names = Object.keys(original.files).filter((n) => !original.files[n]!.dir);
    const rank = (n: string): number =>
      n === 'xl/sharedStrings.xml' ? 0 : n.startsWith('xl/worksheets/') ? 1 : n === 'xl/workbook.xml' ? 3 : 2;
    const reordered = new JSZip();
    for (const name of [...names].sort((a, b) => rank(a) - rank(b))) {
      reordered.file(name, await original.file(name)!.async('uint8array'));
    }
    const path = file('late-workbook.xlsx', await reordered.generateAsync({ type: 'nodebuffer' }));
    const order = Object.keys((await JSZip.loadAsync(await reordered.generateAsync({ type: 'nodebuffer' }))).files);
    expect(order.indexOf('xl/workbook.xml')).toBeGreaterThan(order.indexOf('xl/worksheets/sheet3.xml'));
    expect(await readAll(path)).toEqual({ columns: ['k'], rows: [['in Sheet2']] });
    expect(await readAll(`${path}#客户`)).toEqual({ columns: ['名称'], rows: [['兰州']] });
    expect(await readAll(`${path}#Sheet1`)).toEqual({ columns: ['k'], rows: [['in Sheet1']] });
    await expect(readAll(`${path}#Sheet9`)).rejects.toThrow(/no sheet named "Sheet9" \(sheets: Sheet2, 客户, Sheet1\)/);
    await expect(readAll(file('not-a-zip.xlsx', 'id,name\n1,a\n'))).rejects.toThrow(/not-a-zip\.xlsx" is not a readable XLSX file/);
  });

  it('numbers rows like Excel across blank rows (firstRow + i is the data row)', async () => {
    const path = join(dir, 'gaps.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Data');
    sheet.addRow(['code']);
    sheet.getCell('A2').value = 'r1';
    sheet.getCell('A3').value = 'r2';
    sheet.getCell('A6').value = 'r5'; // rows 4 and 5 are blank
    sheet.getCell('A7').value = 'r6';
    await wb.xlsx.writeFile(path);
    const source = await openSource(path);
    const numbered: [number, string | null][] = [];
    for await (const batch of source.batches()) {
      batch.rows.forEach((row, i) => numbered.push([batch.firstRow + i, formatSourceValue(row[0])]));
    }
    await source.close();
    expect(numbered).toEqual([
      [1, 'r1'],
      [2, 'r2'],
      [5, 'r5'],
      [6, 'r6'],
    ]);
  });
});

describe('SQLite sources', () => {
  it('reads a table and a query, integers exactly', async () => {
    const path = join(dir, 'src.db');
    const db = new SQLite(path);
    db.exec(`CREATE TABLE "order items" (id INTEGER, name TEXT, amount REAL, big INTEGER)`);
    db.prepare('INSERT INTO "order items" VALUES (?, ?, ?, ?)').run(1, 'a', 1.5, 9007199254740993n);
    db.prepare('INSERT INTO "order items" VALUES (?, ?, ?, ?)').run(2, null, 2, 1);
    db.close();
    expect(await readAll(`sqlite:${path}#order items`)).toEqual({
      columns: ['id', 'name', 'amount', 'big'],
      rows: [
        ['1', 'a', '1.5', '9007199254740993'],
        ['2', null, '2', '1'],
      ],
    });
    expect((await readAll(`sqlite:${path}#SELECT id FROM "order items" WHERE id > 1`)).rows).toEqual([['2']]);
    await expect(readAll(`sqlite:${path}#missing`)).rejects.toThrow(/no such table: missing/);
  });
});

describe.runIf(testDialects().includes('postgres'))('PostgreSQL sources', () => {
  let url = '';
  beforeAll(async () => {
    url = await createTestDatabaseUrl('postgres');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA erp; CREATE TABLE erp.orders (id int8, amount numeric(12,2), at timestamp, ok boolean)`);
    await client.query(
      `INSERT INTO erp.orders SELECT g, g * 1.5, TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 second', g % 2 = 0 FROM generate_series(1, 20000) g`,
    );
    await client.end();
  });
  afterAll(() => {});

  it('streams a schema-qualified table exactly through a cursor', async () => {
    const { columns, rows } = await readAll(`${url}#erp.orders`, { batchSize: 5000 });
    expect(columns).toEqual(['id', 'amount', 'at', 'ok']);
    expect(rows).toHaveLength(20000);
    expect(rows[0]).toEqual(['1', '1.50', '2024-01-01 00:00:01', 'false']);
  });

  it('runs a query and never shows the password in errors', async () => {
    expect((await readAll(`${url}#SELECT count(*) AS n FROM erp.orders`)).rows).toEqual([['20000']]);
    const withPassword = url.replace('postgres@', 'postgres:hunter2@');
    const error = await readAll(`${withPassword}#erp.nope`).catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(/does not exist/);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });
});
