import type { DocBlock, InlineRun, ReportDocument, TableCell } from './document-model';

/**
 * Layout decisions shared by the DOCX and HTML renderers, so the download and the preview number
 * headings, label the cover and format dates the same way.
 */

/** A heading block with its outline number ("1", "1.2", "1.2.3") and a stable anchor id. */
export interface NumberedHeading {
  number: string;
  anchor: string;
  level: 1 | 2 | 3;
  text: string;
  /** What the heading shows: "1.2 Text", or the text alone when the builder already numbered it. */
  display: string;
}

/** A heading text that already starts with an outline number ("2 ", "2.1 ", "3、", "4. "). */
const PRE_NUMBERED = /^\d+(\.\d+)*(\s|、|\.\s?)/;

/**
 * Numbers the headings in reading order ("1", "1.1", "1.1.1"), keyed by block index. A skipped
 * level counts as 1 (a level-3 heading right under "2" becomes "2.1.1", never "2.0.1"). Builders
 * should pass unnumbered texts; a text that already starts with a number is shown as it is.
 */
export function numberHeadings(blocks: DocBlock[]): Map<number, NumberedHeading> {
  const counters = [0, 0, 0];
  const result = new Map<number, NumberedHeading>();
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    const depth = block.level - 1;
    for (let i = 0; i < depth; i++) if (counters[i] === 0) counters[i] = 1;
    counters[depth]! += 1;
    for (let i = depth + 1; i < counters.length; i++) counters[i] = 0;
    const number = counters.slice(0, depth + 1).join('.');
    const display = PRE_NUMBERED.test(block.text) ? block.text : `${number} ${block.text}`;
    result.set(index, { number, anchor: `sec-${number.replace(/\./g, '-')}`, level: block.level, text: block.text, display });
  });
  return result;
}

/** A heading that opens deeper than one level below the heading before it (or a first heading below level 1). */
export interface HeadingJump {
  /** Index of the offending block. */
  index: number;
  text: string;
  /** Level of the previous heading (0 before the first). */
  after: number;
  level: 1 | 2 | 3;
}

/**
 * The headings that skip a level: each heading may go at most one level deeper than the heading
 * before it, and the first one must be level 1. A skipped level shows in the outline numbers as a
 * phantom section ("3 权限矩阵" followed by "3.1.1"), so builders must not produce one; tests walk
 * every report builder's model with this.
 */
export function findHeadingJumps(blocks: DocBlock[]): HeadingJump[] {
  const jumps: HeadingJump[] = [];
  let previous = 0;
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    if (block.level > previous + 1) jumps.push({ index, text: block.text, after: previous, level: block.level });
    previous = block.level;
  });
  return jumps;
}

/** Fixed texts of the report frame in the report's language. */
export interface ReportLabels {
  toc: string;
  project: string;
  version: string;
  generatedAt: string;
  author: string;
  /** Footer parts around the current page and total pages. */
  pageBefore: string;
  pageMiddle: string;
  pageAfter: string;
}

/** Labels for the cover, table of contents and footer. */
export function reportLabels(locale: ReportDocument['locale']): ReportLabels {
  return locale === 'en'
    ? {
        toc: 'Contents',
        project: 'Project',
        version: 'Version',
        generatedAt: 'Generated at',
        author: 'Prepared by',
        pageBefore: 'Page ',
        pageMiddle: ' of ',
        pageAfter: '',
      }
    : {
        toc: '目录',
        project: '项目',
        version: '版本',
        generatedAt: '生成时间',
        author: '编制人',
        pageBefore: '第 ',
        pageMiddle: ' 页 / 共 ',
        pageAfter: ' 页',
      };
}

/** "YYYY-MM-DD HH:mm" in the machine's time zone; the raw value when it is not a date. */
export function formatGeneratedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The cover table rows: the fixed facts (project, version, date, author) followed by the builder's. */
export function coverRows(doc: ReportDocument): [string, string][] {
  const labels = reportLabels(doc.locale);
  return [
    [labels.project, doc.projectName],
    [labels.version, doc.versionLabel],
    [labels.generatedAt, formatGeneratedAt(doc.generatedAt)],
    [labels.author, doc.author],
    ...doc.coverFacts,
  ];
}

/** A run in its object form. */
export function normalizeRun(run: InlineRun): { text: string; bold?: boolean; italic?: boolean; color?: string } {
  return typeof run === 'string' ? { text: run } : run;
}

/** A table cell as runs (null → no runs, numbers → their text). */
export function cellRuns(cell: TableCell): { text: string; bold?: boolean; italic?: boolean; color?: string }[] {
  if (cell === null || cell === undefined) return [];
  if (typeof cell === 'string') return cell === '' ? [] : [{ text: cell }];
  if (typeof cell === 'number') return [{ text: String(cell) }];
  return cell.map(normalizeRun);
}

/** Text colours of the paragraph tones (hex without '#'). */
export const TONE_COLORS = {
  note: { text: '1F4E79', fill: 'E8F1FB', border: '5B9BD5' },
  warning: { text: '9C4A00', fill: 'FFF4E5', border: 'ED7D31' },
  success: { text: '2E6B30', fill: 'EDF7ED', border: '70AD47' },
} as const;

/** Fill of a table header row and of highlighted rows (hex without '#'). */
export const TABLE_COLORS = { header: 'D9E2F3', highlight: 'FDE2E1' } as const;

/** A CSS/hex colour reduced to the 6 hex digits Word expects; undefined when not a hex colour. */
export function toHexColor(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const value = color.trim().replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(value)) return value.toUpperCase();
  if (/^[0-9a-fA-F]{3}$/.test(value))
    return value
      .split('')
      .map((c) => c + c)
      .join('')
      .toUpperCase();
  return undefined;
}

/** Characters XML 1.0 forbids (Word refuses a file containing them); Excel's in-cell line break is \u000B. */
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe for XML: vertical tab, form feed and CR LF become newlines; other forbidden characters are dropped. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  return text.replace(/\r\n?|[\u000B\u000C]/g, '\n').replace(INVALID_XML_CHARS, '');
}

function cleanRun(run: InlineRun): InlineRun {
  return typeof run === 'string' ? cleanText(run) : { ...run, text: cleanText(run.text) };
}

/** The report with every user text made safe for XML (data imported from Excel often holds control characters). */
export function cleanReport(doc: ReportDocument): ReportDocument {
  const blocks: DocBlock[] = doc.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return { ...block, text: cleanText(block.text) };
      case 'paragraph':
        return { ...block, runs: block.runs.map(cleanRun) };
      case 'bullets':
        return { ...block, items: block.items.map((item) => item.map(cleanRun)) };
      case 'table':
        return {
          ...block,
          caption: block.caption === undefined ? undefined : cleanText(block.caption),
          columns: block.columns.map((c) => ({ ...c, title: cleanText(c.title) })),
          rows: block.rows.map((row) =>
            row.map((cell): TableCell => (typeof cell === 'string' ? cleanText(cell) : Array.isArray(cell) ? cell.map(cleanRun) : cell)),
          ),
        };
      case 'image':
        return { ...block, alt: cleanText(block.alt), caption: block.caption === undefined ? undefined : cleanText(block.caption) };
      case 'pageBreak':
        return block;
    }
  });
  return {
    ...doc,
    title: cleanText(doc.title),
    subtitle: doc.subtitle === undefined ? undefined : cleanText(doc.subtitle),
    projectName: cleanText(doc.projectName),
    versionLabel: cleanText(doc.versionLabel),
    author: cleanText(doc.author),
    coverFacts: doc.coverFacts.map(([k, v]) => [cleanText(k), cleanText(v)]),
    blocks,
  };
}
