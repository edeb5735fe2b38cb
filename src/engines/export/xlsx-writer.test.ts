import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_HEADER_FILL } from '../../shared/xlsx-style';
import { downloadTable } from './temp-download';
import { writeTableFile } from './table-file';
import { XlsxWriter } from './xlsx-writer';

const dir = mkdtempSync(join(tmpdir(), 'golive-export-xlsx-'));

async function* batches<T>(...items: T[][]): AsyncGenerator<T[]> {
  for (const item of items) yield item;
}

describe('XlsxWriter', () => {
  it('streams rows under a styled header and continues on a new sheet past the row limit', async () => {
    const path = join(dir, 'a.xlsx');
    const writer = await XlsxWriter.toFile(path, { sheetName: '差异', header: ['键', '值'], maxRowsPerSheet: 3 });
    writer.writeRows([
      ['1', '北京, 朝阳'],
      ['2', null],
      ['3', 4.5],
    ]);
    await writer.close();
    expect(writer.rows).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['差异', '差异2']);
    const [first, second] = workbook.worksheets;
    expect(first!.getRow(1).values).toEqual([undefined, '键', '值']);
    expect(first!.getRow(1).font?.bold).toBe(true);
    expect(first!.getCell('A1').fill).toEqual(XLSX_HEADER_FILL);
    expect(first!.getRow(2).values).toEqual([undefined, '1', '北京, 朝阳']);
    expect(first!.getCell('B3').value).toBeNull();
    expect(second!.getRow(1).values).toEqual([undefined, '键', '值']);
    expect(second!.getRow(2).values).toEqual([undefined, '3', 4.5]);
  });
});

describe('writeTableFile / downloadTable', () => {
  it('writes CSV with its own header and a BOM by default', async () => {
    const path = join(dir, 't.csv');
    const count = await writeTableFile(path, {
      format: 'csv',
      sheetName: 'x',
      header: ['键'],
      csvHeader: ['key'],
      rows: batches([['a'], [' b']], [['c']]),
    });
    expect(count).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe('\ufeffkey\r\na\r\n" b"\r\nc\r\n');
  });

  it('serves the temp file as a download', async () => {
    const download = await downloadTable('golive-test-', '名单.csv', {
      format: 'csv',
      sheetName: 'x',
      header: ['名称'],
      rows: batches([['张三']]),
    });
    expect(download.contentType).toBe('text/csv; charset=utf-8');
    expect(download.fileName).toBe('名单.csv');
    expect(Buffer.from(await new Response(download.body).arrayBuffer()).toString('utf8')).toBe('\ufeff名称\r\n张三\r\n');
  });

  it('removes the temp file when writing fails', async () => {
    async function* failing(): AsyncGenerator<string[][]> {
      yield [['a']];
      throw new Error('boom');
    }
    const prefix = `golive-test-fail-${process.pid}-`;
    await expect(downloadTable(prefix, 'x.xlsx', { format: 'xlsx', sheetName: 'x', header: ['a'], rows: failing() })).rejects.toThrow(
      'boom',
    );
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(prefix))).toEqual([]);
  });
});
