import { formatSourceValue } from '../sources/format-source-value';
import type { SourceValue } from '../sources/source-types';
import type { RejectedRow } from './rejects-writer';
import { checkValue, Refusal, type KeyTracker, type ColumnPlan } from './value-check';

/** What the row path needs to check a row: the column plans, the keys seen so far and the table's name. */
export interface RowCheck {
  columns: readonly ColumnPlan[];
  keys: KeyTracker;
  tableName: string;
}

/**
 * Checks and converts one source row: its canonical values in plan order, or the rejected row with
 * every bad column and reason. A row the caller already refused is rejected with the caller's
 * columns and reasons; a repeated key is rejected naming the first row that had it.
 */
export function checkSourceRow(
  check: RowCheck,
  row: SourceValue[],
  rowNumber: number,
  refusedByCaller: { columns: string[]; reasons: string[] } | undefined,
): (string | null)[] | RejectedRow {
  const { columns } = check;
  const width = columns.length;
  const out = new Array<string | null>(width);
  let badColumns: string[] | undefined = refusedByCaller ? [...refusedByCaller.columns] : undefined;
  let reasons: string[] | undefined = refusedByCaller ? [...refusedByCaller.reasons] : undefined;
  for (let c = 0; c < width && !refusedByCaller; c++) {
    const plan = columns[c];
    const raw: SourceValue | undefined = row[plan.sourceIndex];
    const text = raw === null || raw === undefined ? null : typeof raw === 'string' ? raw : formatSourceValue(raw);
    const value = checkValue(plan, text, check.tableName);
    if (value instanceof Refusal) {
      (badColumns ??= []).push(plan.sourceName);
      (reasons ??= []).push(value.reason);
      out[c] = null;
    } else {
      out[c] = value;
    }
  }
  if (!badColumns) {
    const refusal = check.keys.check(check.keys.keyOf(out), rowNumber, () => out);
    if (refusal) {
      badColumns = check.keys.sourceNames;
      reasons = [refusal.reason];
    }
  }
  if (badColumns) return { row: rowNumber, columns: badColumns, reasons: reasons!, values: row };
  return out;
}
