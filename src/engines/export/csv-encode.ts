/** A cell of an exported table: text, a number, or nothing. */
export type ExportCell = string | number | null;

/** The byte-order mark golive puts before CSV meant for people, so Excel reads the Chinese as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Line ending of every CSV golive writes (RFC 4180; Excel expects it too). */
export const CSV_LINE_END = '\r\n';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One RFC-4180 cell: quoted when it holds a quote, comma or line break, and also when it starts or
 * ends with whitespace (Excel and many loaders trim unquoted spaces). `null` is an empty cell; an
 * empty string too, because CSV cannot tell the two apart (golive's readers read both as null).
 */
export function encodeCsvCell(value: ExportCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line without its line ending. A row of a single empty cell is written `""`: an empty line
 * would be skipped by readers and the row lost.
 */
export function encodeCsvRow(cells: readonly ExportCell[]): string {
  if (cells.length === 1 && (cells[0] === null || cells[0] === '')) return '""';
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += encodeCsvCell(cells[i]!);
  }
  return line;
}
