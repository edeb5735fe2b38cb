import { spanText } from '../sources/csv-byte-parser';
import type { SourceValue } from '../sources/source-types';
import type { CsvSpanBatch } from '../sources/utf8-csv-reader';
import { byteCheckFor, byteRewriteFor, type ByteCheck, type ByteRewrite } from './byte-fast-path';
import { ByteOutput } from './byte-output';
import type { RejectedRow } from './rejects-writer';
import type { EncodedRows, KeyLineFormat } from './target-db';
import { checkValue, Refusal, type ColumnPlan, type KeyTracker } from './value-check';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;

/** Text-like kinds are quoted in COPY CSV when they need it; the others never hold a special character. */
function isQuoteable(plan: ColumnPlan): boolean {
  const kind = plan.target.type.kind;
  return kind === 'text' || kind === 'json' || kind === 'other' || kind === 'uuid';
}

/** COPY CSV text of a converted value, as pg-copy's csvField writes it. */
function csvText(value: string, quoteable: boolean): string {
  if (!quoteable) return value;
  if (value === '' || /[",\r\n\\]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/**
 * Turns CSV byte spans straight into PostgreSQL COPY CSV text: each value is checked on its bytes
 * (see byte-fast-path.ts) and copied when its converter would return it unchanged, and converted
 * as text like the row path does otherwise. Rejected rows come back with the same reasons the row
 * path gives; keys are checked for repeats with the same {@link KeyTracker}.
 */
export class CopyEncoder {
  private readonly checks: ByteCheck[];
  private readonly rewrites: (ByteRewrite | undefined)[];
  private readonly quoteable: boolean[];
  private readonly isKey: boolean[];
  private readonly data = new ByteOutput();
  private readonly keys = new ByteOutput(1 << 18);
  /** One integer key column whose canonical text is its JSON: its key is copied bytes too. */
  private readonly simpleKey: boolean;
  private readonly texts: (string | null)[];

  constructor(
    private readonly columns: readonly ColumnPlan[],
    private readonly keyPositions: readonly number[],
    private readonly tracker: KeyTracker,
    private readonly tableName: string,
    private readonly keyFormat: KeyLineFormat,
  ) {
    this.checks = columns.map((c) => byteCheckFor(c.target.type));
    this.rewrites = columns.map((c) => byteRewriteFor(c.target.type));
    this.quoteable = columns.map(isQuoteable);
    this.isKey = columns.map((_c, i) => keyPositions.includes(i));
    this.simpleKey = tracker.numeric;
    this.texts = new Array<string | null>(columns.length).fill(null);
  }

  /** Encodes the batch's rows; refused rows go to `rejected` (in row order) instead. */
  encode(batch: CsvSpanBatch, rejected: RejectedRow[]): EncodedRows {
    const { spans } = batch;
    const bytes = spans.bytes;
    const { fieldStart, fieldEnd, fieldEscaped, recordField } = spans;
    const columns = this.columns;
    const width = columns.length;
    const data = this.data;
    const keys = this.keys;
    const texts = this.texts;
    const wantTexts = this.keyFormat.needKeyTexts;
    const keyTexts: string[][] | undefined = wantTexts ? this.keyPositions.map(() => []) : undefined;
    const dataEnds = new Int32Array(batch.to - batch.from);
    const keyEnds = new Int32Array(batch.to - batch.from);
    let rows = 0;
    for (let r = batch.from; r < batch.to; r++) {
      const rowNumber = batch.firstRow + (r - batch.from);
      const base = recordField[r];
      const mark = data.length;
      let badColumns: string[] | undefined;
      let reasons: string[] | undefined;
      // Which key columns were copied as bytes (their text is only built when needed).
      let keyFromBytes = false;
      for (let c = 0; c < width; c++) {
        const plan = columns[c];
        const f = base + plan.sourceIndex;
        const s = fieldStart[f];
        const e = fieldEnd[f];
        if (c > 0) data.byte(COMMA);
        texts[c] = null;
        if (s === e) {
          if (plan.target.notNull) {
            const refusal = checkValue(plan, null, this.tableName) as Refusal;
            (badColumns ??= []).push(plan.sourceName);
            (reasons ??= []).push(refusal.reason);
          }
          continue;
        }
        const escaped = fieldEscaped[f] === 1;
        if ((!escaped || this.quoteable[c]) && this.checks[c](bytes, s, e)) {
          if (this.quoteable[c]) this.quotedBytes(bytes, s, e, escaped);
          else data.bytes(bytes, s, e);
          if (this.isKey[c]) keyFromBytes = true;
          continue;
        }
        const rewrite = escaped ? undefined : this.rewrites[c]?.(bytes, s, e);
        if (rewrite !== undefined) {
          // Not text-like: a canonical value needs no quoting.
          data.text(rewrite);
          texts[c] = rewrite;
          continue;
        }
        const value = checkValue(plan, spanText(spans, f), this.tableName);
        if (value instanceof Refusal) {
          (badColumns ??= []).push(plan.sourceName);
          (reasons ??= []).push(value.reason);
        } else if (value !== null) {
          data.text(csvText(value, this.quoteable[c]));
          texts[c] = value;
        }
      }
      let numericKey: number | undefined;
      if (!badColumns) {
        if (keyFromBytes) {
          for (const p of this.keyPositions) {
            if (texts[p] !== null) continue;
            const f = base + columns[p].sourceIndex;
            if (this.simpleKey && fieldEnd[f] - fieldStart[f] < 16 && !wantTexts)
              numericKey = digitsValue(bytes, fieldStart[f], fieldEnd[f]);
            else texts[p] = spanText(spans, f);
          }
        }
        const key = numericKey ?? this.tracker.keyOf(texts);
        const refusal = this.tracker.check(key, rowNumber, () => {
          const shown = [...texts];
          for (const p of this.keyPositions) if (shown[p] === null) shown[p] = String(numericKey);
          return shown;
        });
        if (refusal) {
          badColumns = this.tracker.sourceNames;
          reasons = [refusal.reason];
        }
      }
      if (badColumns) {
        data.length = mark;
        rejected.push({ row: rowNumber, columns: badColumns, reasons: reasons!, values: this.sourceValues(batch, r) });
        continue;
      }
      data.byte(LF);
      dataEnds[rows] = data.length;
      if (this.keyFormat.wantKeys) {
        if (this.simpleKey && texts[this.keyPositions[0]] === null) {
          // The integer's canonical text is its JSON: copy the bytes.
          const f = base + columns[this.keyPositions[0]].sourceIndex;
          keys.byte(91);
          keys.bytes(bytes, fieldStart[f], fieldEnd[f]);
          keys.byte(93);
        } else {
          const json = this.keyFormat.json(this.keyPositions.map((p) => texts[p] as string));
          keys.text(`[${json.replace(/"/g, '""')}]`);
        }
        keyEnds[rows] = keys.length;
      }
      if (keyTexts) this.keyPositions.forEach((p, k) => keyTexts[k].push(texts[p] as string));
      rows++;
    }
    return {
      rows,
      data: data.take(),
      dataEnds: dataEnds.subarray(0, rows),
      keys: this.keyFormat.wantKeys ? keys.take() : undefined,
      keyEnds: this.keyFormat.wantKeys ? keyEnds.subarray(0, rows) : undefined,
      keyTexts,
    };
  }

  /** A text value's bytes as COPY CSV: quoted when it holds a quote, delimiter, line break or backslash. */
  private quotedBytes(bytes: Buffer, s: number, e: number, escaped: boolean): void {
    const data = this.data;
    if (escaped) {
      // The source's doubled quotes are exactly COPY's.
      data.byte(QUOTE);
      data.bytes(bytes, s, e);
      data.byte(QUOTE);
      return;
    }
    let special = false;
    for (let i = s; i < e; i++) {
      const b = bytes[i];
      if (b === QUOTE || b === COMMA || b === LF || b === CR || b === BACKSLASH) {
        special = true;
        break;
      }
    }
    if (!special) {
      data.bytes(bytes, s, e);
      return;
    }
    data.byte(QUOTE);
    for (let i = s; i < e; i++) {
      if (bytes[i] === QUOTE) data.byte(QUOTE);
      data.byte(bytes[i]);
    }
    data.byte(QUOTE);
  }

  /** A rejected row's source values as the row path has them (empty field = null). */
  private sourceValues(batch: CsvSpanBatch, r: number): SourceValue[] {
    const { spans } = batch;
    const out: SourceValue[] = [];
    for (let f = spans.recordField[r]; f < spans.recordField[r + 1]; f++) {
      out.push(spans.fieldStart[f] === spans.fieldEnd[f] ? null : spanText(spans, f));
    }
    return out;
  }
}

/** The number an ASCII integer of at most 15 digits (optionally negative) stands for. */
function digitsValue(bytes: Buffer, s: number, e: number): number {
  const negative = bytes[s] === 45;
  let n = 0;
  for (let i = negative ? s + 1 : s; i < e; i++) n = n * 10 + bytes[i] - 48;
  return negative ? -n : n;
}
