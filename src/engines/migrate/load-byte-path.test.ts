import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { openSource } from '../sources/open-source';
import { runLoad } from './load';
import type { LoadOptions } from './load-types';
import { batchKeysRelation } from './batch-keys';
import { parseTargetSpec } from './parse-target-spec';
import { dumpTable, freshTarget, withTarget } from './test-support';

const DDL = (name: string): string => `CREATE TABLE ${name} (
  id bigint PRIMARY KEY, code varchar(6) NOT NULL, note text, amount numeric(8,2), qty integer, price double precision,
  active boolean, born date, created timestamp)`;

/** Rows that take every branch of the byte path: copied bytes, rewrites, converter fallbacks, refusals, repeats. */
function sourceText(): string {
  const lines = ['\uFEFFid,code,note,amount,qty,price,active,born,created'];
  const notes = ['plain', '"quoted, comma"', '"say ""hi"""', '12" pipe', '"multi\r\nline"', '中文，全角', 'back\\slash', '', '"  "', '😀'];
  const amounts = ['12.50', '-0.5', '1,234.5', '007', 'abc', '1.234', '', '99999999', ' 3 '];
  const bools = ['true', '是', 'N', 'YES', 'maybe', '', 'False', '×', ' y '];
  const dates = ['2024-01-05', '2024年3月3日', '2024年2月29日', '2023年2月29日', '20240105', '2024/1/5', '0000年1月1日', '', '2024-02-30'];
  const stamps = ['2024-01-05 10:30:00', '2024-01-05 24:00:00', '2024-01-05T10:30', '', '2024年1月5日 8点5分'];
  for (let i = 1; i <= 400; i++) {
    const id = i % 97 === 0 ? String(i - 1) : i % 89 === 0 ? `00${i}` : i % 83 === 0 ? '' : String(i);
    const code = i % 71 === 0 ? '' : i % 67 === 0 ? 'TOOLONG7' : i % 61 === 0 ? '"长名字"' : `C${i % 1000}`;
    lines.push(
      [
        id,
        code,
        notes[i % notes.length],
        amounts[i % amounts.length],
        String((i * 7919) % 40000),
        String(i / 8),
        bools[i % bools.length],
        dates[i % dates.length],
        stamps[i % stamps.length],
      ]
        .map((v) => (v.includes(',') && !v.startsWith('"') ? `"${v}"` : v))
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\n\n`;
}

describeEachDialect('golive load: the byte path and the row path', (dialect) => {
  let url: string;
  let dir: string;

  beforeAll(async () => {
    ({ url, dir } = await freshTarget(dialect));
    writeFileSync(join(dir, 'mixed.csv'), sourceText());
  });

  it('load the same rows, refuse the same rows with the same reasons and row numbers, and record the same keys', async () => {
    await withTarget(url, async (db) => {
      for (const t of ['by_bytes', 'by_rows']) {
        await db.query(`DROP TABLE IF EXISTS ${t}`);
        await db.query(DDL(t));
        // Rows already present are skipped by both paths.
        await db.query(`INSERT INTO ${t} (id, code) VALUES (5, 'OLD'), (300, 'OLD')`);
      }
    });
    const load = async (table: string, rowPath: boolean, extra: Partial<LoadOptions> = {}) =>
      runLoad({
        source: 'mixed.csv',
        target: parseTargetSpec(`${url}#${table}`, dir),
        cwd: dir,
        batchSize: 50,
        rejectsFile: `${table}-rejects.csv`,
        ...(rowPath ? { openedSource: await openSource('mixed.csv', { baseDir: dir, byteParser: false, batchSize: 37 }) } : {}),
        ...extra,
      });
    const bytes = await load('by_bytes', false);
    const rows = await load('by_rows', true);
    const counts = (s: typeof bytes) => [s.source_rows, s.loaded, s.rejected, s.skipped_existing, s.count_check?.ok];
    expect(counts(bytes)).toEqual(counts(rows));
    expect(bytes.rejected).toBeGreaterThan(100);
    expect(bytes.loaded).toBeGreaterThan(50);
    expect(await dumpTable(url, 'by_bytes')).toEqual(await dumpTable(url, 'by_rows'));
    // The reasons name the table; the rest is byte-for-byte the same.
    expect(readFileSync(join(dir, 'by_bytes-rejects.csv'), 'utf8').replace(/by_bytes\./g, 'by_rows.')).toEqual(
      readFileSync(join(dir, 'by_rows-rejects.csv'), 'utf8'),
    );
    const keys = (table: string, batch: string) =>
      withTarget(url, async (db) =>
        (
          await db.query<{ k: string }>(
            `SELECT key_json AS k FROM ${batchKeysRelation(db.dialect)} k WHERE batch_id = ? AND table_name = ? ORDER BY 1`,
            [batch, table],
          )
        ).rows.map((r) => r.k),
      );
    expect(await keys('by_bytes', bytes.batch)).toEqual(await keys('by_rows', rows.batch));

    // --on-error stop names the same first bad row.
    const stopBytes = await load('by_bytes', false, { onError: 'stop' });
    const stopRows = await load('by_rows', true, { onError: 'stop' });
    expect(stopBytes.status).toBe('stopped');
    expect([stopBytes.first_rejected, stopBytes.source_rows]).toEqual([stopRows.first_rejected, stopRows.source_rows]);
  });
});
