import { AppError } from '../../shared/app-error';

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteSeen,
}

/**
 * Records found in one chunk of bytes, as spans instead of strings, so a caller that only checks
 * and copies bytes (the PostgreSQL loader) never builds a string per field. Valid until the next
 * `push`/`end` of the parser that returned it.
 */
export interface CsvSpans {
  /** The bytes the offsets point into. */
  bytes: Buffer;
  /** Number of complete records. */
  records: number;
  /** Index of each record's first field; `records + 1` entries (the last is the field count). */
  recordField: Int32Array;
  /** Physical line (1-based) each record starts on. */
  recordLine: Float64Array;
  /** Field `f` is `bytes[fieldStart[f], fieldEnd[f])`, without its enclosing quotes. */
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  /** 1 when the field was quoted and holds doubled quotes (`""` stands for `"`). */
  fieldEscaped: Uint8Array;
}

/** The text of field `f` (UTF-8), doubled quotes undone. */
export function spanText(spans: CsvSpans, f: number): string {
  const text = spans.bytes.toString('utf8', spans.fieldStart[f], spans.fieldEnd[f]);
  return spans.fieldEscaped[f] === 1 ? text.replace(/""/g, '"') : text;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * The byte-level twin of {@link CsvParser} for UTF-8 input and a one-byte (ASCII) delimiter: same
 * records, same line numbers, same errors (line and column counted in characters), checked by a
 * property test against it. Works on Buffers, so there is no text decoding of the whole file, no
 * per-character string building and no array per record. Input must be valid UTF-8 with any BOM
 * removed (the caller validates it).
 */
export class Utf8CsvParser {
  private readonly delimiter: number;
  /** The bytes of the record in progress (it starts at offset 0), carried to the next push. */
  private pending: Buffer | undefined;
  private state = State.FieldStart;
  /** Where scanning resumes in the next buffer. */
  private resume = 0;
  private line = 1;
  private recordLine = 1;
  private skipLineFeed = false;
  private fieldBegin = 0;
  private fieldStop = 0;
  private escaped = 0;
  private quoteAt = 0;
  /** Fields of the record in progress, as [start, end, escaped] triples relative to `pending`. */
  private carried: number[] = [];
  private spans: CsvSpans = {
    bytes: Buffer.alloc(0),
    records: 0,
    recordField: new Int32Array(1024),
    recordLine: new Float64Array(1024),
    fieldStart: new Int32Array(8192),
    fieldEnd: new Int32Array(8192),
    fieldEscaped: new Uint8Array(8192),
  };

  constructor(
    delimiter: string,
    private readonly sourceName: string,
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f) throw new Error('byte CSV parser needs a one-byte delimiter');
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Parses one chunk (cut anywhere, even inside a character) and returns the records it completed. */
  push(chunk: Buffer): CsvSpans {
    const bytes = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    return this.scan(bytes, false);
  }

  /** Flushes the last record; an open quote is an error. */
  end(): CsvSpans {
    return this.scan(this.pending ?? Buffer.alloc(0), true);
  }

  private scan(bytes: Buffer, last: boolean): CsvSpans {
    const s = this.spans;
    s.bytes = bytes;
    s.records = 0;
    let fields = 0;
    let recordField = s.recordField;
    let recordLine = s.recordLine;
    let fieldStart = s.fieldStart;
    let fieldEnd = s.fieldEnd;
    let fieldEscaped = s.fieldEscaped;
    const n = bytes.length;
    const delim = this.delimiter;
    let state = this.state;
    let line = this.line;
    let skipLineFeed = this.skipLineFeed;
    let fieldBegin = this.fieldBegin;
    let fieldStop = this.fieldStop;
    let escaped = this.escaped;
    let quoteAt = this.quoteAt;
    let records = 0;
    // Offset where the record in progress starts, -1 between records.
    let recordStart = -1;
    let first = 0;
    if (this.pending) {
      recordStart = 0;
      const c = this.carried;
      fieldStart = grow(fieldStart, c.length / 3 + 1);
      fieldEnd = grow(fieldEnd, c.length / 3 + 1);
      fieldEscaped = grow(fieldEscaped, c.length / 3 + 1);
      for (let k = 0; k < c.length; k += 3) {
        fieldStart[fields] = c[k];
        fieldEnd[fields] = c[k + 1];
        fieldEscaped[fields++] = c[k + 2];
      }
    }
    recordField[0] = 0;
    const addField = (start: number, end: number, esc: number): void => {
      if (fields === fieldStart.length) {
        fieldStart = grow(fieldStart, fields + 1);
        fieldEnd = grow(fieldEnd, fields + 1);
        fieldEscaped = grow(fieldEscaped, fields + 1);
      }
      fieldStart[fields] = start;
      fieldEnd[fields] = end;
      fieldEscaped[fields++] = esc;
    };
    const endRecord = (): void => {
      if (records + 2 > recordField.length) {
        recordField = grow(recordField, records + 2);
        recordLine = grow(recordLine, records + 2);
      }
      recordLine[records] = this.recordLine;
      recordField[++records] = fields;
      first = fields;
      recordStart = -1;
    };

    let i = this.pending ? this.resume : 0;
    while (i < n) {
      let c = bytes[i];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (state === State.FieldStart) {
        if (recordStart < 0) {
          if (c === CR || c === LF) {
            // An empty line is skipped.
            line++;
            skipLineFeed = c === CR;
            i++;
            continue;
          }
          recordStart = i;
          this.recordLine = line;
        }
        if (c === QUOTE) {
          state = State.Quoted;
          quoteAt = i;
          escaped = 0;
          fieldBegin = ++i;
        } else if (c === delim) {
          addField(i, i, 0);
          i++;
        } else if (c === CR || c === LF) {
          // A line ending right after a delimiter ends with an empty field.
          addField(i, i, 0);
          endRecord();
          line++;
          skipLineFeed = c === CR;
          i++;
        } else {
          state = State.Unquoted;
          fieldBegin = i;
        }
      } else if (state === State.Unquoted) {
        while (i < n) {
          c = bytes[i];
          if (c === delim || c === CR || c === LF) break;
          i++;
        }
        if (i === n) break;
        addField(fieldBegin, i, 0);
        state = State.FieldStart;
        i++;
        if (c !== delim) {
          endRecord();
          line++;
          skipLineFeed = c === CR;
        }
      } else if (state === State.Quoted) {
        while (i < n) {
          c = bytes[i];
          if (c === QUOTE) break;
          if (c === LF) line++;
          i++;
        }
        if (i === n) break;
        fieldStop = i;
        state = State.QuoteSeen;
        i++;
      } else {
        if (c === QUOTE) {
          escaped = 1;
          state = State.Quoted;
          i++;
        } else if (c === delim || c === CR || c === LF) {
          addField(fieldBegin, fieldStop, escaped);
          state = State.FieldStart;
          i++;
          if (c !== delim) {
            endRecord();
            line++;
            skipLineFeed = c === CR;
          }
        } else {
          const at = this.position(bytes, recordStart, i);
          throw new AppError('SOURCES_CSV_TEXT_AFTER_QUOTE', { file: this.sourceName, line: at.line, column: at.column }, [
            { field: `line:${at.line}` },
          ]);
        }
      }
    }

    if (last) {
      if (state === State.Quoted) {
        const at = this.position(bytes, recordStart, quoteAt);
        throw new AppError('SOURCES_CSV_UNTERMINATED_QUOTE', { file: this.sourceName, line: at.line, column: at.column }, [
          { field: `line:${at.line}` },
        ]);
      }
      if (state === State.Unquoted) addField(fieldBegin, n, 0);
      else if (state === State.QuoteSeen) addField(fieldBegin, fieldStop, escaped);
      else if (recordStart >= 0) addField(n, n, 0);
      if (recordStart >= 0) endRecord();
      state = State.FieldStart;
    }

    // Carry the record in progress (its bytes and fields) into the next push.
    this.carried.length = 0;
    if (recordStart >= 0) {
      for (let f = first; f < fields; f++) this.carried.push(fieldStart[f] - recordStart, fieldEnd[f] - recordStart, fieldEscaped[f]);
      this.pending = bytes.subarray(recordStart);
      this.resume = n - recordStart;
      fieldBegin -= recordStart;
      fieldStop -= recordStart;
      quoteAt -= recordStart;
    } else {
      this.pending = undefined;
      this.resume = 0;
    }
    this.state = state;
    this.line = line;
    this.skipLineFeed = skipLineFeed;
    this.fieldBegin = fieldBegin;
    this.fieldStop = fieldStop;
    this.escaped = escaped;
    this.quoteAt = quoteAt;
    s.records = records;
    s.recordField = recordField;
    s.recordLine = recordLine;
    s.fieldStart = fieldStart;
    s.fieldEnd = fieldEnd;
    s.fieldEscaped = fieldEscaped;
    return s;
  }

  /**
   * Line and column (in characters, as the text parser counts them) of a byte inside the record
   * that starts at `recordStart`: inside a record only quoted line feeds start new lines.
   */
  private position(bytes: Buffer, recordStart: number, at: number): { line: number; column: number } {
    let line = this.recordLine;
    let lineStart = recordStart;
    for (let k = recordStart; k < at; k++) {
      if (bytes[k] === LF) {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: bytes.toString('utf8', lineStart, at).length + 1 };
  }
}
