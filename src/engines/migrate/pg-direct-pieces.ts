import type { ColumnType } from './column-types';
import { csvField } from './pg-copy';
import type { EncodedRows } from './target-db';

// The COPY text of the direct writer, built from encoded parts or rows without the rows to skip.

/** Lines of encoded parts, leaving out the rows in `skip` (1-based over all parts). */
export function* encodedPieces(parts: EncodedRows[], skip: Set<number> | undefined): Generator<Buffer> {
  let ordinal = 0;
  for (const part of parts) {
    const bytes = part.data;
    const ends = part.dataEnds;
    if (!skip) {
      yield bytes;
      continue;
    }
    let start = 0;
    let runStart = 0;
    for (let r = 0; r < part.rows; r++) {
      if (skip.has(++ordinal)) {
        if (start > runStart) yield bytes.subarray(runStart, start);
        runStart = ends[r];
      }
      start = ends[r];
    }
    if (start > runStart) yield bytes.subarray(runStart, start);
  }
}

function rowCount(parts: EncodedRows[]): number {
  let rows = 0;
  for (const part of parts) rows += part.rows;
  return rows;
}

/**
 * One golive_batch_key COPY line holding the keys of the encoded rows not in `skip` as a chunk
 * (see {@link KEY_CHUNK_START}): the encoded keys joined with commas inside one quoted field.
 */
export function encodedKeyChunk(
  parts: EncodedRows[],
  skip: Set<number> | undefined,
  keyPrefix: string,
): { line: Buffer; keys: number } | undefined {
  let total = 0;
  for (const part of parts) total += part.keys!.length;
  const prefix = Buffer.from(keyPrefix, 'utf8');
  const out = Buffer.allocUnsafe(prefix.length + total + rowCount(parts) + 8);
  let o = prefix.copy(out, 0);
  out[o++] = 0x22; // "
  out[o++] = 0x5b; // [
  let keys = 0;
  let ordinal = 0;
  for (const part of parts) {
    const bytes = part.keys!;
    const ends = part.keyEnds!;
    let start = 0;
    for (let r = 0; r < part.rows; r++) {
      const end = ends[r];
      if (!skip?.has(++ordinal)) {
        if (keys++ > 0) out[o++] = 0x2c; // ,
        o += bytes.copy(out, o, start, end);
      }
      start = end;
    }
  }
  if (keys === 0) return undefined;
  out[o++] = 0x5d; // ]
  out[o++] = 0x22; // "
  out[o++] = 0x0a; // \n
  return { line: out.subarray(0, o), keys };
}

/** COPY CSV text of the rows not in `skip` (1-based), in pieces of about 1 MB. */
export function* csvPieces(rows: (string | null)[][], skip: Set<number> | undefined, quoteable: readonly boolean[]): Generator<string> {
  let text = '';
  for (let r = 0; r < rows.length; r++) {
    if (skip?.has(r + 1)) continue;
    const row = rows[r];
    let line = csvField(row[0], quoteable[0]);
    for (let c = 1; c < quoteable.length; c++) line += `,${csvField(row[c], quoteable[c])}`;
    text += `${line}\n`;
    if (text.length > 1 << 20) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

/** A canonical key value as a JSON literal, as json_build_array would write it. */
export function jsonValueFn(type: ColumnType): (text: string) => string {
  switch (type.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'numeric':
      return (t) => t;
    case 'real':
    case 'double':
      return (t) => String(Number(t));
    case 'boolean':
      return (t) => t;
    default:
      return (t) => JSON.stringify(t);
  }
}
