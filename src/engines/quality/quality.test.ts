import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../sources/csv-parser';
import { validatorRule, type RuleName } from '../validators/rules';
import { parseChineseDate } from '../validators/cn-date';
import { toHalfWidth, trimText } from '../validators/validation-result';
import { previewCleansing, writeCleansedCsv } from './cleanse';
import { cleanseRecipeSchema, ruleSetSchema, type CleanseRecipe, type QualityRule } from './quality-schema';
import { runQualityRules, type RuleFailure } from './run-rules';

const dir = mkdtempSync(join(tmpdir(), 'golive-quality-test-'));

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const CUSTOMERS = [
  '客户编码,客户名称,统一社会信用代码,手机,城市,信用额度,建档日期',
  'C001,兰州天马机械有限公司,91620100MA71C7E27U,13893100001,兰州,50000,2024-01-05',
  'C002,甘肃陇兴商贸有限公司,91620100MA71C7E27X,1389310000,天水,abc,2024年3月8日',
  'C003,白银恒达物资公司,,13893100003,白银,900000,2024/5/9',
  'C001,兰州天马机械有限公司,91620100MA71C7E27U,,兰州,50000,2024-01-06',
  'C005,  酒泉新能源科技  ,91620900MA74WQ6R1H,１３８９３１００００５,上海,-5,20240710',
  'C006,张掖农机,,  ,嘉峪关,1200,2024-13-01',
].join('\n');

const ORDERS = ['订单号,客户编码,金额', 'PO1,C001,100', 'PO2,C009,200', 'PO3, C003 ,300', 'PO4,,50', 'PO5,C404,1'].join('\n');

/** A plain JS reading of the rules, the specification the DuckDB runner is checked against. */
function referenceFailures(rows: string[][], header: string[], rule: QualityRule, refValues?: Set<string>): number[] {
  const col = (name: string): number => header.indexOf(name);
  const present = (v: string | undefined): v is string => v !== undefined && v !== '' && trimText(v) !== '';
  const failing: number[] = [];
  if (rule.kind === 'unique') {
    const idx = rule.columns.map(col);
    const counts = new Map<string, number>();
    const keyOf = (r: string[]): string | null => (idx.every((i) => present(r[i])) ? JSON.stringify(idx.map((i) => trimText(r[i]))) : null);
    for (const r of rows) {
      const k = keyOf(r);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    rows.forEach((r, i) => {
      const k = keyOf(r);
      if (k && counts.get(k)! > 1) failing.push(i + 1);
    });
    return failing;
  }
  const c = col(rule.column);
  rows.forEach((r, i) => {
    const v = r[c];
    let bad = false;
    if (rule.kind === 'required') bad = !present(v);
    else if (!present(v)) bad = false;
    else {
      const tv = trimText(v);
      const nv = trimText(toHalfWidth(v));
      switch (rule.kind) {
        case 'regex':
          bad = !new RegExp(`^(?:${rule.pattern})$`).test(tv);
          break;
        case 'range': {
          if (rule.mode === 'number') {
            const ok = /^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(nv);
            const n = Number(nv);
            bad = !ok || (rule.min != null && n < Number(rule.min)) || (rule.max != null && n > Number(rule.max));
          } else {
            const d = parseChineseDate(nv);
            bad = !d.ok || (rule.min != null && d.value < String(rule.min)) || (rule.max != null && d.value > String(rule.max));
          }
          break;
        }
        case 'allowed':
          bad = !rule.values
            .map((x) => (rule.ignoreCase ? x.trim().toLowerCase() : x.trim()))
            .includes(rule.ignoreCase ? tv.toLowerCase() : tv);
          break;
        case 'reference':
          bad = !refValues!.has(tv);
          break;
        case 'validator':
          bad = !validatorRule(rule.validator as RuleName).validate(v).ok;
          break;
      }
    }
    if (bad) failing.push(i + 1);
  });
  return failing;
}

function table(text: string): { header: string[]; rows: string[][] } {
  const parser = new CsvParser(',', 'test');
  const all = [...parser.push(text.replace(/^\uFEFF/, '')), ...parser.end()].map((r) => r.fields);
  return { header: all[0]!, rows: all.slice(1) };
}

describe('quality rules in DuckDB', () => {
  const customers = writeCsv('customers.csv', CUSTOMERS);
  const orders = writeCsv('orders.csv', ORDERS);
  const cases: QualityRule[] = [
    { id: 'r1', kind: 'required', column: '手机' },
    { id: 'r2', kind: 'regex', column: '客户编码', pattern: 'C[0-9]{3}' },
    { id: 'r3', kind: 'range', column: '信用额度', mode: 'number', min: 0, max: 100000 },
    { id: 'r4', kind: 'range', column: '建档日期', mode: 'date', min: '2024-02-01', max: '2024-12-31' },
    { id: 'r5', kind: 'allowed', column: '城市', values: ['兰州', '天水', '白银', '酒泉', '张掖', '嘉峪关'] },
    { id: 'r6', kind: 'unique', columns: ['客户编码'] },
    { id: 'r7', kind: 'validator', column: '统一社会信用代码', validator: 'uscc' },
    { id: 'r8', kind: 'validator', column: '手机', validator: 'mobile' },
    { id: 'r9', kind: 'validator', column: '建档日期', validator: 'cn_date' },
    { id: 'r10', kind: 'unique', columns: ['客户名称', '城市'] },
  ];

  it.each(cases)('$kind rule $id finds exactly the rows the JS reference finds', async (rule) => {
    const failures: RuleFailure[] = [];
    const result = await runQualityRules({ spec: customers }, ruleSetSchema.parse({ rules: [rule] }), {
      keyColumns: ['客户编码'],
      onFailures: (batch) => void failures.push(...batch),
    });
    const { header, rows } = table(CUSTOMERS);
    const expected = referenceFailures(rows, header, rule);
    expect(failures.map((f) => f.row)).toEqual(expected);
    expect(result.rules[0]!.failing).toBe(expected.length);
    for (const f of failures) {
      expect(f.key).toBe(rows[f.row - 1]![0]);
      expect(f.reason.length).toBeGreaterThan(0);
    }
  });

  it('checks references against another dataset and reports every failing row with reasons', async () => {
    const failures: RuleFailure[] = [];
    const result = await runQualityRules(
      { spec: orders },
      { rules: [{ id: 'ref', kind: 'reference', column: '客户编码', datasetId: 'cust', datasetColumn: '客户编码' }] },
      { keyColumns: ['订单号'], datasets: { cust: { spec: customers, label: '客户档案' } }, onFailures: (b) => void failures.push(...b) },
    );
    const { header, rows } = table(ORDERS);
    const refValues = new Set(table(CUSTOMERS).rows.map((r) => r[0]!));
    const rule: QualityRule = { id: 'ref', kind: 'reference', column: '客户编码', datasetId: 'cust', datasetColumn: '客户编码' };
    expect(failures.map((f) => f.row)).toEqual(referenceFailures(rows, header, rule, refValues));
    expect(failures.map((f) => [f.key, f.value, f.reason])).toEqual([
      ['PO2', 'C009', '在 客户档案.客户编码 中不存在'],
      ['PO5', 'C404', '在 客户档案.客户编码 中不存在'],
    ]);
    expect(result.rules[0]!.label).toBe('客户编码 必须存在于 客户档案.客户编码');
  });

  it('explains validator failures with the validator reason and range failures with the bound', async () => {
    const failures: RuleFailure[] = [];
    await runQualityRules(
      { spec: customers },
      ruleSetSchema.parse({
        rules: [
          { id: 'u', kind: 'validator', column: '统一社会信用代码', validator: 'uscc' },
          { id: 'a', kind: 'range', column: '信用额度', mode: 'number', min: 0, max: 100000 },
        ],
      }),
      { locale: 'en', onFailures: (b) => void failures.push(...b) },
    );
    expect(failures.find((f) => f.ruleId === 'u')!.reason).toMatch(/check/i);
    expect(failures.filter((f) => f.ruleId === 'a').map((f) => f.reason)).toEqual([
      'is not a number',
      'above the maximum 100000',
      'below the minimum 0',
    ]);
  });

  it('names the rule field when a column does not exist', async () => {
    await expect(
      runQualityRules({ spec: customers }, { rules: [{ id: 'x', kind: 'required', column: '邮箱' }] }, { onFailures: () => undefined }),
    ).rejects.toMatchObject({
      code: 'SOURCES_COLUMN_MISSING',
      params: { column: '邮箱', field: 'rules[0].column' },
      details: [{ field: 'rules[0].column' }],
    });
  });

  it('reports all failing rows of a large file, not a sample', async () => {
    const lines = ['id,phone'];
    for (let i = 1; i <= 20_000; i++) lines.push(`${i},${i % 3 === 0 ? '' : '13893100001'}`);
    const big = writeCsv('big.csv', lines.join('\n'));
    let count = 0;
    const result = await runQualityRules(
      { spec: big },
      { rules: [{ id: 'p', kind: 'required', column: 'phone' }] },
      {
        onFailures: (b) => void (count += b.length),
      },
    );
    expect(count).toBe(6666);
    expect(result.failuresTotal).toBe(6666);
  });
});

/** A plain JS reading of the cleansing steps (value steps only), to check the SQL against. */
function referenceCleanse(header: string[], rows: (string | null)[][], recipe: CleanseRecipe): (string | null)[][] {
  let out = rows.map((r) => [...r]);
  for (const step of recipe.steps) {
    const targets = (cols: string[]): number[] => (cols.length ? cols.map((c) => header.indexOf(c)) : header.map((_, i) => i));
    const apply = (idx: number[], fn: (v: string) => string): void => {
      for (const r of out) for (const i of idx) if (r[i] !== null) r[i] = fn(r[i]!);
    };
    if (step.kind === 'trim') apply(targets(step.columns), trimText);
    else if (step.kind === 'half_width') apply(targets(step.columns), toHalfWidth);
    else if (step.kind === 'case') apply(targets(step.columns), (v) => (step.to === 'upper' ? v.toUpperCase() : v.toLowerCase()));
    else if (step.kind === 'date')
      apply(targets(step.columns), (v) => {
        const d = parseChineseDate(v);
        return d.ok ? d.value : v;
      });
    else if (step.kind === 'map') {
      const m = new Map(step.pairs.map((p) => [p.from, p.to]));
      apply([header.indexOf(step.column)], (v) => m.get(v) ?? v);
    } else if (step.kind === 'dedupe') {
      const idx = step.keyColumns.map((c) => header.indexOf(c));
      const seen = new Set<string>();
      out = out.filter((r) => {
        if (!idx.every((i) => r[i] !== null && trimText(r[i]!) !== '')) return true;
        const k = JSON.stringify(idx.map((i) => trimText(r[i]!)));
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
  }
  return out;
}

describe('cleansing recipes', () => {
  const customers = writeCsv('customers2.csv', CUSTOMERS);
  const recipe = cleanseRecipeSchema.parse({
    steps: [
      { kind: 'trim' },
      { kind: 'half_width', columns: ['手机'] },
      { kind: 'date', columns: ['建档日期'] },
      { kind: 'map', column: '城市', pairs: [{ from: '上海', to: '酒泉' }] },
      { kind: 'case', columns: ['统一社会信用代码'], to: 'lower' },
      { kind: 'dedupe', keyColumns: ['客户编码'], survivor: 'first' },
    ],
  });

  it('writes the cleaned CSV exactly as the JS reference cleans it, never touching the source', async () => {
    const out = join(dir, 'clean.csv');
    const preview = await writeCleansedCsv({ spec: customers }, recipe, out);
    const { header, rows } = table(CUSTOMERS);
    const expected = referenceCleanse(
      header,
      rows.map((r) => r.map((v) => (v === '' ? null : v))),
      recipe,
    );
    const written = table(readFileSync(out, 'utf8'));
    expect(written.header).toEqual(header);
    const blankToNull = (r: (string | null)[]): (string | null)[] => r.map((v) => (v === '' ? null : v));
    expect(written.rows.map(blankToNull)).toEqual(expected.map(blankToNull));
    expect(readFileSync(customers, 'utf8')).toBe(CUSTOMERS);
    expect(preview.rowsBefore).toBe(6);
    expect(preview.rowsAfter).toBe(5);
    expect(preview.duplicatesRemoved).toBe(1);
    expect(preview.changedCells.find((c) => c.column === '手机')!.changed).toBe(2); // full-width digits + blank trimmed
    expect(preview.changedCells.find((c) => c.column === '建档日期')!.changed).toBe(3);
  });

  it('previews before/after samples, removed duplicates marked', async () => {
    const preview = await previewCleansing({ spec: customers }, recipe);
    const removed = preview.samples.find((s) => s.after === null)!;
    expect(removed.row).toBe(4);
    const fullWidth = preview.samples.find((s) => s.row === 5)!;
    expect(fullWidth.before[3]).toBe('１３８９３１００００５');
    expect(fullWidth.after![3]).toBe('13893100005');
    expect(fullWidth.after![1]).toBe('酒泉新能源科技');
    expect(fullWidth.after![4]).toBe('酒泉');
  });

  it.each([
    ['first', 'C001', '2024-01-05'],
    ['last', 'C001', '2024-01-06'],
    ['latest', 'C001', '2024-01-06'],
    ['most_complete', 'C001', '2024-01-05'],
  ] as const)('dedupe keeps the %s row', async (survivor, key, date) => {
    const out = join(dir, `dedupe-${survivor}.csv`);
    await writeCleansedCsv(
      { spec: customers },
      cleanseRecipeSchema.parse({ steps: [{ kind: 'dedupe', keyColumns: ['客户编码'], survivor, orderColumn: '建档日期' }] }),
      out,
    );
    const rows = table(readFileSync(out, 'utf8')).rows.filter((r) => r[0] === key);
    expect(rows).toHaveLength(1);
    expect(rows[0]![6]).toBe(date);
  });

  it('maps values from another dataset', async () => {
    const mapping = writeCsv('city-map.csv', '旧,新\n上海,酒泉\n嘉峪关,嘉峪关市\n');
    const preview = await previewCleansing(
      { spec: customers },
      cleanseRecipeSchema.parse({
        steps: [{ kind: 'map', column: '城市', dataset: { datasetId: 'm', fromColumn: '旧', toColumn: '新' } }],
      }),
      { datasets: { m: { spec: mapping } } },
    );
    expect(preview.changedCells.find((c) => c.column === '城市')!.changed).toBe(2);
  });
});
