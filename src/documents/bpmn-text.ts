import { cleanText } from './report-layout';

/* Text in the drawing: measuring and wrapping without a layout engine, and the text blocks the SVG and the PNG both draw. */

export const FONT_FAMILY = `'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif`;
export const STROKE = '#22242a';

/** XML-escapes text for SVG content and attributes. */
export function esc(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  );
}

/** Approximate advance of a string in the sans fonts at `size` px (no layout engine available). */
export function measureText(text: string, size: number): number {
  let width = 0;
  for (const ch of text) {
    if (isWide(ch)) width += size;
    else if (ch === ' ') width += size * 0.28;
    else if (/[A-Z0-9MW@%#&]/.test(ch)) width += size * 0.64;
    else if (/[il.,:;'|!()[\]]/.test(ch)) width += size * 0.3;
    else width += size * 0.54;
  }
  return width;
}

/**
 * Breaks text into lines no wider than `maxWidth`: Chinese/Japanese/Korean text may break between
 * any two characters, Latin text between words (a word longer than the line is cut by characters).
 */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    // Tokens: single wide characters, or runs of non-wide characters up to and including a space.
    const tokens =
      paragraph.match(
        /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+\s*|\s+/gu,
      ) ?? [];
    let line = '';
    for (const token of tokens) {
      if (measureText((line + token).trimEnd(), size) <= maxWidth) {
        line += token;
        continue;
      }
      if (line.trim() !== '') lines.push(line.trimEnd());
      line = '';
      let rest = token.trimStart();
      // A token that alone is too wide is cut by characters.
      while (measureText(rest.trimEnd(), size) > maxWidth && rest.length > 1) {
        let cut = '';
        for (const ch of rest) {
          if (measureText(cut + ch, size) > maxWidth && cut !== '') break;
          cut += ch;
        }
        lines.push(cut);
        rest = rest.slice(cut.length);
      }
      line = rest;
    }
    if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  }
  return lines.filter((l, i, all) => l !== '' || all.length === 1);
}

/** A block of text lines, kept apart from the markup so the PNG can draw it from cached glyphs. */
export interface TextItem {
  lines: string[];
  /** Anchor x (centre for 'middle', left edge for 'start'). */
  x: number;
  /** Baseline of the first line. */
  baseline: number;
  lineHeight: number;
  size: number;
  anchor: 'middle' | 'start';
  color: string;
  weight: 'normal' | 'bold';
}

/** Texts of the drawing in progress (renderBpmnSvg is synchronous, so one module-level list is safe). */
let textSink: TextItem[] = [];

/** Starts collecting the texts of a new drawing and returns the list they go into. */
export function startTextSink(): TextItem[] {
  textSink = [];
  return textSink;
}

/** Drops the collected texts once a drawing is done (or failed), so nothing outlives it. */
export function clearTextSink(): void {
  textSink = [];
}
export const TEXT_MARK = /<!--golive-text:(\d+)-->/g;

export function textBlock(
  lines: string[],
  cx: number,
  cy: number,
  size: number,
  opts: { anchor?: 'middle' | 'start'; x?: number; color?: string; weight?: 'normal' | 'bold' } = {},
): string {
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return '';
  const lineHeight = size * 1.2;
  textSink.push({
    lines,
    x: opts.x ?? cx,
    baseline: cy - (lines.length * lineHeight) / 2 + size * 0.88,
    lineHeight,
    size,
    anchor: opts.anchor ?? 'middle',
    color: opts.color ?? STROKE,
    weight: opts.weight ?? 'normal',
  });
  return `<!--golive-text:${textSink.length - 1}-->`;
}

/** The item as SVG text (selectable in the HTML preview, searchable in tests). */
export function textMarkup(item: TextItem): string {
  const tspans = item.lines
    .map((line, i) => `<tspan x="${r(item.x)}" y="${r(item.baseline + i * item.lineHeight)}">${esc(line)}</tspan>`)
    .join('');
  return `<text font-family="${FONT_FAMILY}" font-size="${item.size}" fill="${esc(item.color)}" text-anchor="${item.anchor}"${item.weight === 'bold' ? ' font-weight="bold"' : ''}>${tspans}</text>`;
}

export const r = (n: number): string => String(Math.round(n * 100) / 100);
