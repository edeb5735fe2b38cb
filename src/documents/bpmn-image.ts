import { Resvg } from '@resvg/resvg-js';
import { STROKE, esc, measureText, type TextItem, startTextSink, clearTextSink, TEXT_MARK, textBlock, textMarkup, r } from './bpmn-text';
import { type Bounds, type DiShape, type DiEdge, readDiagram } from './bpmn-di';
import { tint, type Paint, drawShape } from './bpmn-shapes';
import { hasExternalLabel, drawExternalLabel, edgeLabelAnchor, drawEdge, markers } from './bpmn-edges';
import { fontOptions, glyphMarkup } from './bpmn-png-text';

export { measureText, wrapText } from './bpmn-text';

// CONTRACT (owner: documents). Used by the process report blocks (assessment) for diagrams in documents.

export interface BpmnHighlight {
  /** BPMN element id to highlight (e.g. a bottleneck step). */
  elementId: string;
  /** CSS colour of the outline/fill, e.g. '#cf1322'. */
  color: string;
  /** Short badge text drawn at the element, e.g. "瓶颈：纸质审批". */
  label?: string;
}

export interface BpmnImage {
  svg: string;
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

const PADDING = 20;
/** Room above the topmost element for highlight badges. */
const BADGE_HEIGHT = 20;

function badge(text: string, color: string, cx: number, top: number): string {
  const size = 11;
  const width = measureText(text, size) + 12;
  const height = 17;
  const x = cx - width / 2;
  const y = top - height - 4;
  return `<g class="highlight-badge"><rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${height}" rx="8.5" ry="8.5" fill="${esc(color)}"/>${textBlock([text], cx, y + height / 2, size, { color: '#ffffff', weight: 'bold' })}</g>`;
}

function diagramBounds(shapes: DiShape[], edges: DiEdge[], badges: number): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number, w = 0, h = 0): void => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const s of shapes) {
    add(s.bounds.x, s.bounds.y, s.bounds.width, s.bounds.height);
    if (s.label) add(s.label.x, s.label.y, s.label.width, s.label.height);
    else if (hasExternalLabel(s.element.type) && s.element.name)
      add(s.bounds.x + s.bounds.width / 2 - 45, s.bounds.y + s.bounds.height, 90, 30);
  }
  for (const e of edges) {
    for (const p of e.points) add(p.x, p.y);
    if (e.label) add(e.label.x, e.label.y, e.label.width, e.label.height);
  }
  return {
    x: minX - PADDING,
    y: minY - PADDING - (badges ? BADGE_HEIGHT : 0),
    width: maxX - minX + 2 * PADDING,
    height: maxY - minY + 2 * PADDING + (badges ? BADGE_HEIGHT : 0),
  };
}

/** The order bpmn-js paints: pools, lanes, expanded containers, groups, then the rest; connections on top. */
function paintOrder(shape: DiShape): number {
  const t = shape.element.type;
  if (t === 'participant') return 0;
  if (t === 'lane') return 1;
  if (['subProcess', 'transaction', 'adHocSubProcess'].includes(t) && shape.isExpanded) return 2;
  if (t === 'group') return 3;
  if (t === 'boundaryEvent') return 5;
  return 4;
}

/** A colour safe to put into an SVG attribute (hex, rgb()/rgba() or a colour name); else the default red. */
function safeColor(color: string): string {
  const value = color.trim();
  return /^(#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\(\s*[\d.%\s,]+\))$/i.test(value) ? value : '#cf1322';
}

interface Drawing {
  /** SVG with `<!--golive-text:N-->` marks where the texts go. */
  template: string;
  texts: TextItem[];
  width: number;
  height: number;
}

function drawDiagram(bpmnXml: string, requested: BpmnHighlight[]): Drawing {
  const { shapes, edges } = readDiagram(bpmnXml);
  const highlights = requested.map((h) => ({ ...h, color: safeColor(h.color) }));
  const byId = new Map(highlights.map((h) => [h.elementId, h]));
  const present = highlights.filter(
    (h) => shapes.some((s) => s.element.id === h.elementId) || edges.some((e) => e.element.id === h.elementId),
  );
  const view = diagramBounds(shapes, edges, present.filter((h) => h.label).length);
  const paintFor = (id: string, base: number): Paint => {
    const h = byId.get(id);
    return h
      ? { stroke: h.color, fill: tint(h.color, 0.14), width: Math.max(4, base + 2) }
      : { stroke: STROKE, fill: '#ffffff', width: base };
  };
  const prefix = 'bpmn';
  const parts: string[] = [];
  const texts = startTextSink();
  try {
    const sorted = shapes.map((s, i) => ({ s, i })).sort((a, b) => paintOrder(a.s) - paintOrder(b.s) || a.i - b.i);
    for (const { s } of sorted) parts.push(`<g data-element-id="${esc(s.element.id)}">${drawShape(s, paintFor(s.element.id, 2))}</g>`);
    for (const e of edges) parts.push(`<g data-element-id="${esc(e.element.id)}">${drawEdge(e, paintFor(e.element.id, 2), prefix)}</g>`);
    for (const s of shapes)
      if (hasExternalLabel(s.element.type))
        parts.push(
          drawExternalLabel(s.element.name, s.label, { cx: s.bounds.x + s.bounds.width / 2, top: s.bounds.y + s.bounds.height + 5 }),
        );
    for (const e of edges)
      if (hasExternalLabel(e.element.type)) parts.push(drawExternalLabel(e.element.name, e.label, edgeLabelAnchor(e.points)));
    for (const h of present) {
      if (!h.label) continue;
      const shape = shapes.find((s) => s.element.id === h.elementId);
      if (shape) parts.push(badge(h.label, h.color, shape.bounds.x + shape.bounds.width / 2, shape.bounds.y));
      else {
        const edge = edges.find((e) => e.element.id === h.elementId)!;
        const anchor = edgeLabelAnchor(edge.points);
        parts.push(badge(h.label, h.color, anchor.cx, anchor.top - 8));
      }
    }
    const width = Math.max(1, Math.ceil(view.width));
    const height = Math.max(1, Math.ceil(view.height));
    const colors = [...new Set(present.map((h) => h.color))];
    const template =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${r(view.x)} ${r(view.y)} ${width} ${height}">` +
      `<defs>${markers(prefix, colors)}</defs>` +
      `<rect x="${r(view.x)}" y="${r(view.y)}" width="${width}" height="${height}" fill="#ffffff"/>` +
      parts.join('') +
      `</svg>`;
    return { template, texts, width, height };
  } finally {
    clearTextSink();
  }
}

/** Draws the diagram as SVG with real text elements (diagram units = CSS pixels). */
export function renderBpmnSvg(bpmnXml: string, highlights: BpmnHighlight[] = []): { svg: string; width: number; height: number } {
  const drawing = drawDiagram(bpmnXml, highlights);
  return {
    svg: drawing.template.replace(TEXT_MARK, (_, n: string) => textMarkup(drawing.texts[Number(n)]!)),
    width: drawing.width,
    height: drawing.height,
  };
}

/**
 * Draws a BPMN 2.0 diagram from its DI (shapes' bounds, edges' waypoints) without a browser: SVG, and
 * PNG through resvg with the system's CJK fonts. Throws an AppError (DOCUMENTS_XML_*, DOCUMENTS_BPMN_*) when the XML cannot be
 * parsed, and a DOCUMENTS_BPMN_ code when it is no BPMN or has no drawable diagram interchange.
 */
export function renderBpmnImage(bpmnXml: string, options?: { highlights?: BpmnHighlight[]; maxWidthPx?: number }): BpmnImage {
  const drawing = drawDiagram(bpmnXml, options?.highlights ?? []);
  const svg = drawing.template.replace(TEXT_MARK, (_, n: string) => textMarkup(drawing.texts[Number(n)]!));
  const maxWidth = Math.max(100, Math.floor(options?.maxWidthPx ?? 1600));
  const target = Math.min(drawing.width * 2, maxWidth);
  let pngSvg = svg;
  // Without text left in the picture no font has to be loaded (loading the CJK files alone takes ~0.2 s).
  let font = fontOptions();
  try {
    const glyphs = glyphMarkup(drawing.texts);
    const glyphDefs = glyphs.pop()!;
    pngSvg = drawing.template.replace(TEXT_MARK, (_, n: string) => glyphs[Number(n)]!).replace('</svg>', `${glyphDefs}</svg>`);
    font = { loadSystemFonts: false };
  } catch {
    // Glyph extraction is an optimisation; resvg can always draw the text itself.
  }
  const rendered = new Resvg(pngSvg, { font, fitTo: { mode: 'width', value: target }, background: '#ffffff' }).render();
  return { svg, png: new Uint8Array(rendered.asPng()), widthPx: rendered.width, heightPx: rendered.height };
}
