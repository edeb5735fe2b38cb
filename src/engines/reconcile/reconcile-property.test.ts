import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateReconcileSpec } from './reconcile-spec';
import { runReconciliation } from './run-reconciliation';

interface Row {
  id: string;
  a: string;
  b: string;
}

const dir = mkdtempSync(join(tmpdir(), 'golive-reconcile-prop-'));
let n = 0;

function writeCsv(rows: Row[], gbk: boolean): string {
  const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = `id,a,b\n${rows.map((r) => [r.id, r.a, r.b].map(cell).join(',')).join('\n')}\n`;
  const path = join(dir, `p${n++}.csv`);
  // GBK files take golive's streaming parser, UTF-8 ones DuckDB's reader: both must agree.
  writeFileSync(path, gbk ? iconv.encode(text, 'gbk') : text);
  return path;
}

/** The obvious in-memory implementation the engine must agree with. */
function referenceDiff(left: Row[], right: Row[]) {
  const group = (rows: Row[]) => {
    const map = new Map<string, Row[]>();
    for (const r of rows) map.set(r.id, [...(map.get(r.id) ?? []), r]);
    return map;
  };
  const l = group(left);
  const r = group(right);
  const dupL = [...l].filter(([, v]) => v.length > 1).map(([k]) => k);
  const dupR = [...r].filter(([, v]) => v.length > 1).map(([k]) => k);
  const excluded = new Set([...dupL, ...dupR]);
  const norm = (v: string): string | null => (v === '' ? null : v);
  let matched = 0;
  let onlyLeft = 0;
  let onlyRight = 0;
  const changed: string[] = [];
  const columns = { a: 0, b: 0 };
  const cells: string[] = [];
  for (const [k, rows] of l) {
    if (excluded.has(k)) continue;
    const other = r.get(k);
    if (!other) {
      onlyLeft++;
      cells.push(`only_left|${k}`);
      continue;
    }
    const diffA = norm(rows[0].a) !== norm(other[0].a);
    const diffB = norm(rows[0].b) !== norm(other[0].b);
    if (diffA) {
      columns.a++;
      cells.push(`changed|${k}|a|${rows[0].a}|${other[0].a}`);
    }
    if (diffB) {
      columns.b++;
      cells.push(`changed|${k}|b|${rows[0].b}|${other[0].b}`);
    }
    if (diffA || diffB) changed.push(k);
    else matched++;
  }
  for (const k of r.keys()) {
    if (!excluded.has(k) && !l.has(k)) {
      onlyRight++;
      cells.push(`only_right|${k}`);
    }
  }
  return {
    summary: {
      left_rows: left.length,
      right_rows: right.length,
      matched,
      changed: changed.length,
      only_left: onlyLeft,
      only_right: onlyRight,
      duplicate_keys_left: dupL.length,
      duplicate_keys_right: dupR.length,
      columns,
    },
    cells: cells.sort(),
  };
}

const value = fc.constantFrom('', 'x', 'y', '1.0', '1', 'a,b', 'q"q', 'two\nlines', ' sp ', '中文');
const row = fc.record({ id: fc.integer({ min: 0, max: 25 }).map(String), a: value, b: value });

describe('runReconciliation property', () => {
  it('agrees with a plain JS diff on random tables with random edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 25 }),
        fc.array(fc.tuple(fc.constantFrom('keep', 'drop', 'edit', 'dup'), value), { maxLength: 25 }),
        fc.array(row, { maxLength: 5 }),
        fc.boolean(),
        async (left, edits, inserts, gbk) => {
          const right: Row[] = [];
          left.forEach((r, i) => {
            const [op, v] = edits[i] ?? ['keep', ''];
            if (op === 'keep') right.push(r);
            if (op === 'edit') right.push({ ...r, b: v });
            if (op === 'dup') right.push(r, { ...r, a: v });
          });
          right.push(...inserts);
          const expected = referenceDiff(left, right);
          const run = await runReconciliation(
            validateReconcileSpec({ left: writeCsv(left, gbk), right: writeCsv(right, !gbk), key: 'id' }),
            { threads: 1, memoryLimit: '128MB' },
          );
          try {
            const cells: string[] = [];
            for await (const batch of run.differences()) {
              for (const d of batch) {
                if (d.status === 'changed') cells.push(`changed|${d.key[0]}|${d.column}|${d.left ?? ''}|${d.right ?? ''}`);
                if (d.status === 'only_left' || d.status === 'only_right') cells.push(`${d.status}|${d.key[0]}`);
              }
            }
            expect(run.summary).toMatchObject(expected.summary);
            expect(cells.sort()).toEqual(expected.cells);
          } finally {
            await run.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
