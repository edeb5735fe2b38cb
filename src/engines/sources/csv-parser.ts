import { AppError } from '../../shared/app-error';

/** One CSV record and the physical line it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

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
 * An incremental RFC-4180 parser: feed decoded text in chunks of any size, get complete records.
 * Quoted fields may hold delimiters, newlines and doubled quotes. A quote inside an unquoted
 * field is kept literally because legacy exports write `12" pipe`; text after a closing quote
 * and an unterminated quote are errors naming the file, line and column.
 */
export class CsvParser {
  private readonly delimiter: number;
  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private column = 1;
  private recordLine = 1;
  private quoteLine = 0;
  private quoteColumn = 0;
  private skipLineFeed = false;

  constructor(
    delimiter: string,
    private readonly sourceName: string,
  ) {
    if (delimiter.length !== 1) throw new Error('CSV delimiter must be one character');
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Parses one chunk and returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = chunk.length;
    const delim = this.delimiter;
    let i = 0;
    let segmentStart = this.state === State.Unquoted || this.state === State.Quoted ? 0 : -1;
    while (i < n) {
      let c = chunk.charCodeAt(i);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart: {
          if (this.fields.length === 0) this.recordLine = this.line;
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            this.quoteColumn = this.column;
            this.field = '';
            i++;
            this.column++;
            segmentStart = i;
          } else if (c === delim) {
            this.fields.push('');
            i++;
            this.column++;
          } else if (c === CR || c === LF) {
            // An empty line is skipped; a line ending right after a delimiter ends with an empty field.
            if (this.fields.length > 0) {
              this.fields.push('');
              out.push(this.takeRecord());
            }
            this.newLine(c);
            i++;
          } else {
            // The unquoted scan below consumes this character too.
            this.state = State.Unquoted;
            this.field = '';
            segmentStart = i;
          }
          break;
        }
        case State.Unquoted: {
          while (i < n) {
            c = chunk.charCodeAt(i);
            if (c === delim || c === CR || c === LF) break;
            i++;
          }
          this.column += i - segmentStart;
          if (i === n) break;
          this.fields.push(this.field + chunk.slice(segmentStart, i));
          this.field = '';
          segmentStart = -1;
          this.state = State.FieldStart;
          i++;
          if (c === delim) {
            this.column++;
          } else {
            out.push(this.takeRecord());
            this.newLine(c);
          }
          break;
        }
        case State.Quoted: {
          while (i < n) {
            c = chunk.charCodeAt(i);
            if (c === QUOTE) break;
            if (c === LF) {
              this.line++;
              this.column = 1;
            } else {
              this.column++;
            }
            i++;
          }
          if (i === n) break;
          this.field += chunk.slice(segmentStart, i);
          segmentStart = -1;
          this.state = State.QuoteSeen;
          i++;
          this.column++;
          break;
        }
        case State.QuoteSeen: {
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
            this.column++;
            segmentStart = i;
          } else if (c === delim) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            i++;
            this.column++;
          } else if (c === CR || c === LF) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            out.push(this.takeRecord());
            this.newLine(c);
            i++;
          } else {
            throw new AppError('SOURCES_CSV_TEXT_AFTER_QUOTE', { file: this.sourceName, line: this.line, column: this.column }, [
              { field: `line:${this.line}` },
            ]);
          }
          break;
        }
      }
    }
    if (segmentStart >= 0 && (this.state === State.Unquoted || this.state === State.Quoted)) {
      this.field += chunk.slice(segmentStart);
    }
    return out;
  }

  /** Flushes the last record; an open quote is an error. */
  end(): CsvRecord[] {
    if (this.state === State.Quoted) {
      throw new AppError('SOURCES_CSV_UNTERMINATED_QUOTE', { file: this.sourceName, line: this.quoteLine, column: this.quoteColumn }, [
        { field: `line:${this.quoteLine}` },
      ]);
    }
    if (this.state === State.Unquoted || this.state === State.QuoteSeen) {
      this.fields.push(this.field);
      this.field = '';
      this.state = State.FieldStart;
      return [this.takeRecord()];
    }
    if (this.fields.length > 0) {
      this.fields.push('');
      return [this.takeRecord()];
    }
    return [];
  }

  private takeRecord(): CsvRecord {
    const record = { fields: this.fields, line: this.recordLine };
    this.fields = [];
    return record;
  }

  private newLine(c: number): void {
    this.line++;
    this.column = 1;
    if (c === CR) this.skipLineFeed = true;
  }
}
