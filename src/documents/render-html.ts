import type { DocBlock, InlineRun, ReportDocument } from './document-model';
import {
  TABLE_COLORS,
  TONE_COLORS,
  cellRuns,
  cleanReport,
  coverRows,
  normalizeRun,
  numberHeadings,
  reportLabels,
  toHexColor,
} from './report-layout';

// CONTRACT (owner: documents). Signature used by the report preview routes.

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function runHtml(run: InlineRun): string {
  const r = normalizeRun(run);
  let html = escapeHtml(r.text).replace(/\n/g, '<br>');
  const color = toHexColor(r.color);
  if (r.bold) html = `<strong>${html}</strong>`;
  if (r.italic) html = `<em>${html}</em>`;
  if (color) html = `<span style="color:#${color}">${html}</span>`;
  return html;
}

const runsHtml = (runs: InlineRun[]): string => runs.map(runHtml).join('');

/**
 * Only SVG that golive drew itself is inlined; anything with scripts, event handlers or foreign
 * content is shown as the PNG instead (the preview must never execute report content).
 */
function isSafeSvg(svg: string): boolean {
  return (
    /^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(svg) &&
    !/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<iframe|href\s*=\s*["']?\s*(?!#)/i.test(svg)
  );
}

function imageHtml(block: Extract<DocBlock, { kind: 'image' }>): string {
  const picture =
    block.svg && isSafeSvg(block.svg)
      ? `<div class="svg" role="img" aria-label="${escapeHtml(block.alt)}">${block.svg.replace(/^\s*<\?xml[^>]*\?>/, '')}</div>`
      : `<img alt="${escapeHtml(block.alt)}" width="${block.widthPx}" height="${block.heightPx}" src="data:image/png;base64,${Buffer.from(block.png).toString('base64')}">`;
  const caption = block.caption ? `<figcaption>${escapeHtml(block.caption)}</figcaption>` : '';
  return `<figure>${picture}${caption}</figure>`;
}

function tableHtml(block: Extract<DocBlock, { kind: 'table' }>): string {
  const total = block.columns.reduce((sum, c) => sum + (c.width && c.width > 0 ? c.width : 1), 0);
  const cols = block.columns
    .map((c) => `<col style="width:${(((c.width && c.width > 0 ? c.width : 1) / total) * 100).toFixed(2)}%">`)
    .join('');
  const align = (a: string | undefined): string => (a === 'right' || a === 'center' ? ` style="text-align:${a}"` : '');
  const head = block.columns.map((c) => `<th${align(c.align === 'right' ? 'center' : c.align)}>${escapeHtml(c.title)}</th>`).join('');
  const highlighted = new Set(block.highlightRows ?? []);
  const body = block.rows
    .map((row, i) => {
      const cells = block.columns
        .map(
          (c, j) =>
            `<td${align(c.align)}>${cellRuns(row[j] ?? null)
              .map(runHtml)
              .join('')}</td>`,
        )
        .join('');
      return `<tr${highlighted.has(i) ? ' class="highlight"' : ''}>${cells}</tr>`;
    })
    .join('');
  const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '';
  return `<table>${caption}<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function css(): string {
  const tone = (name: keyof typeof TONE_COLORS): string =>
    `.tone-${name}{color:#${TONE_COLORS[name].text};background:#${TONE_COLORS[name].fill};border-left:4px solid #${TONE_COLORS[name].border};padding:6px 10px}`;
  return [
    `body{margin:0;background:#f0f2f5;color:#1f1f1f;font:14px/1.7 Calibri,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",SimSun,sans-serif}`,
    `.page{background:#fff;max-width:794px;margin:24px auto;padding:72px 96px;box-shadow:0 1px 6px rgba(0,0,0,.15);box-sizing:border-box}`,
    `.cover{text-align:center;min-height:900px}`,
    `.cover .project{font-size:20px;margin-top:160px}`,
    `.cover h1{font-size:34px;margin:16px 0;font-family:SimHei,"Noto Sans CJK SC",sans-serif}`,
    `.cover .subtitle{font-size:18px;color:#595959}`,
    `.cover table{margin-top:120px;text-align:left}`,
    `.cover th{background:#f2f2f2;width:30%}`,
    `h1,h2,h3{font-family:SimHei,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;page-break-after:avoid;break-after:avoid}`,
    `h1{font-size:22px;margin:28px 0 12px}h2{font-size:18px;margin:20px 0 10px}h3{font-size:16px;margin:16px 0 8px}`,
    `.toc h2{text-align:center}.toc ol{list-style:none;padding:0}.toc li{margin:2px 0}.toc a{color:inherit;text-decoration:none}`,
    `.toc .l2{padding-left:2em}.toc .l3{padding-left:4em}`,
    `table{border-collapse:collapse;width:100%;margin:8px 0 16px;table-layout:fixed;font-size:12px}`,
    `th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;word-break:break-word}`,
    `thead th{background:#${TABLE_COLORS.header}}`,
    `thead{display:table-header-group}`,
    `tr{page-break-inside:avoid;break-inside:avoid}`,
    `tr.highlight td{background:#${TABLE_COLORS.highlight}}`,
    `caption{font-weight:bold;padding:6px 0}`,
    `figure{margin:12px 0;text-align:center;page-break-inside:avoid;break-inside:avoid}`,
    `figure img,figure svg{max-width:100%;height:auto}`,
    `figcaption{font-size:12px;color:#595959;margin-top:4px}`,
    tone('note'),
    tone('warning'),
    tone('success'),
    `.page-break{border-top:1px dashed #ccc;margin:24px 0}`,
    `@media print{body{background:#fff}.page{box-shadow:none;margin:0;padding:0;max-width:none}` +
      `.cover,.toc{page-break-after:always;break-after:page}.page-break{border:0;margin:0;page-break-after:always;break-after:page}` +
      `a{color:inherit;text-decoration:none}}`,
    `@page{size:A4;margin:2.54cm 3.17cm}`,
  ].join('\n');
}

/**
 * Renders a report as one standalone, printable HTML page (the preview of the DOCX): cover, table of
 * contents with anchor links, numbered headings, toned paragraphs, lists, tables with highlighted
 * rows, pictures (inline SVG, else an embedded PNG). No external requests; all text is escaped.
 */
export function renderHtml(report: ReportDocument): string {
  const doc = cleanReport(report);
  const labels = reportLabels(doc.locale);
  const headings = numberHeadings(doc.blocks);
  const cover = [
    `<section class="cover">`,
    `<div class="project">${escapeHtml(doc.projectName)}</div>`,
    `<h1 class="title">${escapeHtml(doc.title)}</h1>`,
    doc.subtitle ? `<div class="subtitle">${escapeHtml(doc.subtitle)}</div>` : '',
    `<table class="facts"><tbody>`,
    ...coverRows(doc).map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    `</tbody></table></section>`,
  ].join('');
  const toc = [
    `<nav class="toc"><h2>${escapeHtml(labels.toc)}</h2><ol>`,
    ...[...headings.values()].map((h) => `<li class="l${h.level}"><a href="#${h.anchor}">${escapeHtml(h.display)}</a></li>`),
    `</ol></nav>`,
  ].join('');
  const body = doc.blocks
    .map((block, index) => {
      switch (block.kind) {
        case 'heading': {
          const h = headings.get(index)!;
          return `<h${h.level} id="${h.anchor}">${escapeHtml(h.display)}</h${h.level}>`;
        }
        case 'paragraph':
          return `<p${block.tone && block.tone !== 'normal' ? ` class="tone-${block.tone}"` : ''}>${runsHtml(block.runs)}</p>`;
        case 'bullets':
          return `<ul>${block.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</ul>`;
        case 'table':
          return tableHtml(block);
        case 'image':
          return imageHtml(block);
        case 'pageBreak':
          return `<div class="page-break"></div>`;
      }
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="author" content="${escapeHtml(doc.author)}">`,
    `<meta name="generator" content="golive">`,
    `<title>${escapeHtml(`${doc.title} - ${doc.projectName}`)}</title>`,
    `<style>\n${css()}\n</style>`,
    '</head>',
    '<body>',
    `<div class="page">`,
    cover,
    toc,
    `<main>\n${body}\n</main>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
