import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { badInput } from '../shared/app-error';
import { cleanText } from './report-layout';
import { childOf, findAll, parseXml, type XmlElement } from '../shared/xml-lite';

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

const FONT_FAMILY = `'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif`;
const STROKE = '#22242a';
const PADDING = 20;
/** Room above the topmost element for highlight badges. */
const BADGE_HEIGHT = 20;

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface SemanticElement {
  id: string;
  type: string;
  name: string;
  element: XmlElement;
}

interface DiShape {
  element: SemanticElement;
  bounds: Bounds;
  label?: Bounds;
  isHorizontal: boolean;
  isExpanded: boolean;
  isMarkerVisible: boolean;
}

interface DiEdge {
  element: SemanticElement;
  points: { x: number; y: number }[];
  label?: Bounds;
}

// ---------- text ----------

/** XML-escapes text for SVG content and attributes. */
function esc(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function isWide(ch: string): boolean {
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
interface TextItem {
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
const TEXT_MARK = /<!--golive-text:(\d+)-->/g;

function textBlock(
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
function textMarkup(item: TextItem): string {
  const tspans = item.lines
    .map((line, i) => `<tspan x="${r(item.x)}" y="${r(item.baseline + i * item.lineHeight)}">${esc(line)}</tspan>`)
    .join('');
  return `<text font-family="${FONT_FAMILY}" font-size="${item.size}" fill="${esc(item.color)}" text-anchor="${item.anchor}"${item.weight === 'bold' ? ' font-weight="bold"' : ''}>${tspans}</text>`;
}

const r = (n: number): string => String(Math.round(n * 100) / 100);

// ---------- model ----------

function num(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n)) throw badInput('bpmnXml', `${what} is not a number: "${value ?? ''}"`);
  return n;
}

function readBounds(element: XmlElement | undefined, owner: string): Bounds | undefined {
  if (!element) return undefined;
  return {
    x: num(element.attrs.x, `x of the bounds of ${owner}`),
    y: num(element.attrs.y, `y of the bounds of ${owner}`),
    width: num(element.attrs.width, `width of the bounds of ${owner}`),
    height: num(element.attrs.height, `height of the bounds of ${owner}`),
  };
}

function indexSemantics(root: XmlElement): Map<string, SemanticElement> {
  const index = new Map<string, SemanticElement>();
  const visit = (element: XmlElement): void => {
    if (element.local === 'BPMNDiagram') return;
    const id = element.attrs.id;
    if (id && !index.has(id)) {
      let name = element.attrs.name ?? '';
      if (element.local === 'textAnnotation') name = childOf(element, 'text')?.text ?? '';
      index.set(id, { id, type: element.local, name: name.trim(), element });
    }
    element.children.forEach(visit);
  };
  visit(root);
  return index;
}

function readDiagram(xml: string): { shapes: DiShape[]; edges: DiEdge[] } {
  const root = parseXml(xml, 'bpmnXml');
  if (root.local !== 'definitions') throw badInput('bpmnXml', `the root element is <${root.name}>, not a BPMN <definitions>`);
  const diagram = findAll(root, 'BPMNDiagram')[0];
  if (!diagram) throw badInput('bpmnXml', 'no BPMNDiagram: the file has no diagram interchange (shape positions) to draw');
  const plane = childOf(diagram, 'BPMNPlane');
  if (!plane) throw badInput('bpmnXml', 'no BPMNPlane in the BPMNDiagram');
  const semantics = indexSemantics(root);
  const shapes: DiShape[] = [];
  const edges: DiEdge[] = [];
  for (const item of plane.children) {
    const ref = item.attrs.bpmnElement ?? '';
    const element = semantics.get(ref) ?? { id: ref || item.attrs.id || '?', type: 'unknown', name: '', element: item };
    const labelElement = childOf(item, 'BPMNLabel');
    const label = labelElement ? readBounds(childOf(labelElement, 'Bounds'), `the label of ${ref}`) : undefined;
    if (item.local === 'BPMNShape') {
      const bounds = readBounds(childOf(item, 'Bounds'), ref);
      if (!bounds) throw badInput('bpmnXml', `the shape of ${ref} has no dc:Bounds`);
      shapes.push({
        element,
        bounds,
        label,
        isHorizontal: item.attrs.isHorizontal !== 'false',
        isExpanded: item.attrs.isExpanded === 'true',
        isMarkerVisible: item.attrs.isMarkerVisible !== 'false',
      });
    } else if (item.local === 'BPMNEdge') {
      const points = item.children
        .filter((c) => c.local === 'waypoint')
        .map((w) => ({ x: num(w.attrs.x, `a waypoint x of ${ref}`), y: num(w.attrs.y, `a waypoint y of ${ref}`) }));
      if (points.length >= 2) edges.push({ element, points, label });
    }
  }
  if (shapes.length === 0) throw badInput('bpmnXml', 'the BPMNDiagram has no shapes to draw');
  return { shapes, edges };
}

// ---------- drawing ----------

const ACTIVITY_TYPES = new Set([
  'task',
  'userTask',
  'serviceTask',
  'manualTask',
  'scriptTask',
  'sendTask',
  'receiveTask',
  'businessRuleTask',
  'callActivity',
  'subProcess',
  'transaction',
  'adHocSubProcess',
]);

function tint(color: string, amount: number): string {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim())?.[1];
  if (!hex) return '#fff1f0';
  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
  const channels = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `#${channels
    .map((c) =>
      Math.round(c * amount + 255 * (1 - amount))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

interface Paint {
  stroke: string;
  fill: string;
  width: number;
}

function eventMarker(shape: DiShape, cx: number, cy: number, rad: number, paint: Paint, filled: boolean): string {
  const def = shape.element.element.children.find((c) => c.local.endsWith('EventDefinition'))?.local;
  if (!def) return '';
  const s = rad / 18;
  const fillMark = filled ? paint.stroke : 'none';
  const innerStroke = filled ? '#ffffff' : paint.stroke;
  switch (def) {
    case 'messageEventDefinition': {
      const w = 21 * s;
      const h = 14 * s;
      const x = cx - w / 2;
      const y = cy - h / 2;
      return `<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" fill="${fillMark}" stroke="${paint.stroke}" stroke-width="1"/><path d="M${r(x)},${r(y)} L${r(cx)},${r(y + h / 2)} L${r(x + w)},${r(y)}" fill="none" stroke="${innerStroke}" stroke-width="1"/>`;
    }
    case 'timerEventDefinition': {
      const tr = rad * 0.6;
      const ticks = Array.from({ length: 12 }, (_, i) => {
        const a = (i * Math.PI) / 6;
        return `M${r(cx + Math.cos(a) * tr * 0.8)},${r(cy + Math.sin(a) * tr * 0.8)} L${r(cx + Math.cos(a) * tr)},${r(cy + Math.sin(a) * tr)}`;
      }).join(' ');
      return `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(tr)}" fill="#ffffff" stroke="${paint.stroke}" stroke-width="2"/><path d="${ticks} M${r(cx)},${r(cy)} L${r(cx + tr * 0.5)},${r(cy - tr * 0.55)} M${r(cx)},${r(cy)} L${r(cx + tr * 0.6)},${r(cy)}" stroke="${paint.stroke}" stroke-width="1" fill="none"/>`;
    }
    case 'terminateEventDefinition':
      return `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(rad * 0.55)}" fill="${paint.stroke}" stroke="${paint.stroke}" stroke-width="4"/>`;
    case 'errorEventDefinition':
      return `<path d="M${r(cx - 8 * s)},${r(cy + 9 * s)} L${r(cx - 3 * s)},${r(cy - 8 * s)} L${r(cx + 2 * s)},${r(cy + 2 * s)} L${r(cx + 8 * s)},${r(cy - 9 * s)} L${r(cx + 3 * s)},${r(cy + 8 * s)} L${r(cx - 2 * s)},${r(cy - 2 * s)} Z" fill="${fillMark}" stroke="${paint.stroke}" stroke-width="1"/>`;
    case 'signalEventDefinition':
      return `<path d="M${r(cx)},${r(cy - 10 * s)} L${r(cx + 9 * s)},${r(cy + 7 * s)} L${r(cx - 9 * s)},${r(cy + 7 * s)} Z" fill="${fillMark}" stroke="${paint.stroke}" stroke-width="1"/>`;
    case 'conditionalEventDefinition': {
      const lines = [-5, -1.5, 2, 5.5].map((dy) => `M${r(cx - 6 * s)},${r(cy + dy * s)} L${r(cx + 6 * s)},${r(cy + dy * s)}`).join(' ');
      return `<rect x="${r(cx - 8 * s)}" y="${r(cy - 9 * s)}" width="${r(16 * s)}" height="${r(18 * s)}" fill="none" stroke="${paint.stroke}" stroke-width="1"/><path d="${lines}" stroke="${paint.stroke}" stroke-width="1"/>`;
    }
    case 'escalationEventDefinition':
      return `<path d="M${r(cx)},${r(cy - 10 * s)} L${r(cx + 7 * s)},${r(cy + 9 * s)} L${r(cx)},${r(cy + 2 * s)} L${r(cx - 7 * s)},${r(cy + 9 * s)} Z" fill="${fillMark}" stroke="${paint.stroke}" stroke-width="1"/>`;
    default:
      return '';
  }
}

function drawEvent(shape: DiShape, paint: Paint): string {
  const { x, y, width, height } = shape.bounds;
  const cx = x + width / 2;
  const cy = y + height / 2;
  const rad = Math.min(width, height) / 2;
  const type = shape.element.type;
  const circle = (radius: number, strokeWidth: number, dash = ''): string =>
    `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(radius)}" fill="${paint.fill}" stroke="${paint.stroke}" stroke-width="${strokeWidth}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  if (type === 'startEvent') {
    const interrupting = shape.element.element.attrs.isInterrupting !== 'false';
    return circle(rad, Math.max(2, paint.width), interrupting ? '' : '6 3') + eventMarker(shape, cx, cy, rad, paint, false);
  }
  if (type === 'endEvent') return circle(rad, Math.max(4, paint.width)) + eventMarker(shape, cx, cy, rad, paint, true);
  // Intermediate and boundary events: two thin circles.
  const dash = type === 'boundaryEvent' && shape.element.element.attrs.cancelActivity === 'false' ? '5.5 3' : '';
  const throwing = type === 'intermediateThrowEvent';
  return (
    circle(rad, paint.width > 1.5 ? paint.width : 1.5, dash) + circle(rad - 3, 1.5, dash) + eventMarker(shape, cx, cy, rad, paint, throwing)
  );
}

function drawGateway(shape: DiShape, paint: Paint): string {
  const { x, y, width, height } = shape.bounds;
  const cx = x + width / 2;
  const cy = y + height / 2;
  const diamond = `<polygon points="${r(cx)},${r(y)} ${r(x + width)},${r(cy)} ${r(cx)},${r(y + height)} ${r(x)},${r(cy)}" fill="${paint.fill}" stroke="${paint.stroke}" stroke-width="${paint.width}"/>`;
  const s = width / 50;
  let marker = '';
  switch (shape.element.type) {
    case 'exclusiveGateway':
      if (shape.isMarkerVisible)
        marker = `<path d="M${r(cx - 8 * s)},${r(cy - 10 * s)} L${r(cx + 8 * s)},${r(cy + 10 * s)} M${r(cx + 8 * s)},${r(cy - 10 * s)} L${r(cx - 8 * s)},${r(cy + 10 * s)}" stroke="${paint.stroke}" stroke-width="${r(4 * s)}" stroke-linecap="round"/>`;
      break;
    case 'parallelGateway':
      marker = `<path d="M${r(cx)},${r(cy - 13 * s)} L${r(cx)},${r(cy + 13 * s)} M${r(cx - 13 * s)},${r(cy)} L${r(cx + 13 * s)},${r(cy)}" stroke="${paint.stroke}" stroke-width="${r(4 * s)}" stroke-linecap="round"/>`;
      break;
    case 'inclusiveGateway':
      marker = `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(11 * s)}" fill="none" stroke="${paint.stroke}" stroke-width="${r(2.5 * s)}"/>`;
      break;
    case 'complexGateway':
      marker = `<path d="M${r(cx)},${r(cy - 13 * s)} L${r(cx)},${r(cy + 13 * s)} M${r(cx - 13 * s)},${r(cy)} L${r(cx + 13 * s)},${r(cy)} M${r(cx - 9 * s)},${r(cy - 9 * s)} L${r(cx + 9 * s)},${r(cy + 9 * s)} M${r(cx + 9 * s)},${r(cy - 9 * s)} L${r(cx - 9 * s)},${r(cy + 9 * s)}" stroke="${paint.stroke}" stroke-width="${r(3 * s)}" stroke-linecap="round"/>`;
      break;
    case 'eventBasedGateway': {
      const pr = 7 * s;
      const pent = Array.from({ length: 5 }, (_, i) => {
        const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
        return `${r(cx + Math.cos(a) * pr)},${r(cy + Math.sin(a) * pr)}`;
      }).join(' ');
      marker = `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(13 * s)}" fill="none" stroke="${paint.stroke}" stroke-width="1"/><circle cx="${r(cx)}" cy="${r(cy)}" r="${r(10.5 * s)}" fill="none" stroke="${paint.stroke}" stroke-width="1"/><polygon points="${pent}" fill="none" stroke="${paint.stroke}" stroke-width="1.5"/>`;
      break;
    }
  }
  return diamond + marker;
}

function activityIcon(type: string, x: number, y: number, stroke: string): string {
  switch (type) {
    case 'userTask':
      return `<circle cx="${r(x + 15)}" cy="${r(y + 11)}" r="4" fill="none" stroke="${stroke}" stroke-width="1"/><path d="M${r(x + 8)},${r(y + 24)} C${r(x + 8)},${r(y + 16)} ${r(x + 22)},${r(y + 16)} ${r(x + 22)},${r(y + 24)} Z" fill="none" stroke="${stroke}" stroke-width="1"/>`;
    case 'serviceTask':
      return `<circle cx="${r(x + 15)}" cy="${r(y + 15)}" r="6" fill="none" stroke="${stroke}" stroke-width="1.5" stroke-dasharray="3 1.6"/><circle cx="${r(x + 15)}" cy="${r(y + 15)}" r="2.5" fill="none" stroke="${stroke}" stroke-width="1"/>`;
    case 'manualTask':
      return `<path d="M${r(x + 8)},${r(y + 20)} L${r(x + 8)},${r(y + 13)} L${r(x + 14)},${r(y + 9)} L${r(x + 22)},${r(y + 9)} M${r(x + 12)},${r(y + 13)} L${r(x + 22)},${r(y + 13)} M${r(x + 12)},${r(y + 17)} L${r(x + 21)},${r(y + 17)} M${r(x + 8)},${r(y + 20)} L${r(x + 19)},${r(y + 20)}" fill="none" stroke="${stroke}" stroke-width="1"/>`;
    case 'sendTask':
    case 'receiveTask':
      return `<rect x="${r(x + 8)}" y="${r(y + 9)}" width="16" height="11" fill="${type === 'sendTask' ? stroke : 'none'}" stroke="${stroke}" stroke-width="1"/><path d="M${r(x + 8)},${r(y + 9)} L${r(x + 16)},${r(y + 15)} L${r(x + 24)},${r(y + 9)}" fill="none" stroke="${type === 'sendTask' ? '#ffffff' : stroke}" stroke-width="1"/>`;
    case 'scriptTask':
      return `<path d="M${r(x + 10)},${r(y + 8)} L${r(x + 21)},${r(y + 8)} C${r(x + 17)},${r(y + 13)} ${r(x + 25)},${r(y + 17)} ${r(x + 21)},${r(y + 22)} L${r(x + 10)},${r(y + 22)} C${r(x + 14)},${r(y + 17)} ${r(x + 6)},${r(y + 13)} ${r(x + 10)},${r(y + 8)} Z M${r(x + 11)},${r(y + 12)} L${r(x + 18)},${r(y + 12)} M${r(x + 12)},${r(y + 15)} L${r(x + 19)},${r(y + 15)} M${r(x + 12)},${r(y + 18)} L${r(x + 19)},${r(y + 18)}" fill="none" stroke="${stroke}" stroke-width="1"/>`;
    case 'businessRuleTask':
      return `<rect x="${r(x + 8)}" y="${r(y + 9)}" width="17" height="12" fill="none" stroke="${stroke}" stroke-width="1"/><path d="M${r(x + 8)},${r(y + 13)} L${r(x + 25)},${r(y + 13)} M${r(x + 13)},${r(y + 9)} L${r(x + 13)},${r(y + 21)}" stroke="${stroke}" stroke-width="1"/>`;
    default:
      return '';
  }
}

function drawActivity(shape: DiShape, paint: Paint): string {
  const { x, y, width, height } = shape.bounds;
  const type = shape.element.type;
  const isContainer = ['subProcess', 'transaction', 'adHocSubProcess'].includes(type);
  const expanded = isContainer && shape.isExpanded;
  const strokeWidth = type === 'callActivity' ? Math.max(5, paint.width) : paint.width;
  const dash = type === 'subProcess' && shape.element.element.attrs.triggeredByEvent === 'true' ? ' stroke-dasharray="1 3"' : '';
  let out = `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(height)}" rx="10" ry="10" fill="${expanded && paint.fill === '#ffffff' ? 'none' : paint.fill}" stroke="${paint.stroke}" stroke-width="${strokeWidth}"${dash}/>`;
  if (type === 'transaction')
    out += `<rect x="${r(x + 3)}" y="${r(y + 3)}" width="${r(width - 6)}" height="${r(height - 6)}" rx="8" ry="8" fill="none" stroke="${paint.stroke}" stroke-width="1.5"/>`;
  out += activityIcon(type, x, y, paint.stroke);
  if (expanded) {
    out += textBlock(wrapText(shape.element.name, width - 20, 12), 0, y + 18, 12, { anchor: 'start', x: x + 10 });
    return out;
  }
  if (isContainer) {
    // Collapsed sub-process marker: a small box with a plus at the bottom centre.
    const mx = x + width / 2 - 7;
    const my = y + height - 18;
    out += `<rect x="${r(mx)}" y="${r(my)}" width="14" height="14" fill="none" stroke="${paint.stroke}" stroke-width="1"/><path d="M${r(mx + 7)},${r(my + 3)} L${r(mx + 7)},${r(my + 11)} M${r(mx + 3)},${r(my + 7)} L${r(mx + 11)},${r(my + 7)}" stroke="${paint.stroke}" stroke-width="1.5"/>`;
  }
  const loop = childOf(shape.element.element, 'multiInstanceLoopCharacteristics');
  if (loop) {
    const mx = x + width / 2 + (isContainer ? 12 : -5);
    const my = y + height - 17;
    const horizontal = loop.attrs.isSequential === 'true';
    out += horizontal
      ? `<path d="M${r(mx)},${r(my + 2)} h10 M${r(mx)},${r(my + 6)} h10 M${r(mx)},${r(my + 10)} h10" stroke="${paint.stroke}" stroke-width="2"/>`
      : `<path d="M${r(mx + 1)},${r(my)} v12 M${r(mx + 5)},${r(my)} v12 M${r(mx + 9)},${r(my)} v12" stroke="${paint.stroke}" stroke-width="2"/>`;
  }
  const lines = wrapText(shape.element.name, width - 10, 12);
  const maxLines = Math.max(1, Math.floor((height - 8) / 14.4));
  const shown = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]!.slice(0, -1)}…`] : lines;
  out += textBlock(shown, x + width / 2, y + height / 2, 12);
  return out;
}

function drawPool(shape: DiShape, paint: Paint): string {
  const { x, y, width, height } = shape.bounds;
  const band = 30;
  let out = `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(height)}" fill="${paint.fill === '#ffffff' ? 'none' : paint.fill}" stroke="${paint.stroke}" stroke-width="${Math.max(1.5, paint.width)}"/>`;
  // Pools and lanes both draw a title band with the name turned upright (as bpmn-js does).
  if (shape.isHorizontal) {
    out += `<path d="M${r(x + band)},${r(y)} L${r(x + band)},${r(y + height)}" stroke="${paint.stroke}" stroke-width="1.5"/>`;
    const lines = wrapText(shape.element.name, height - 10, 12);
    const cx = x + band / 2;
    const cy = y + height / 2;
    out += `<g transform="rotate(-90 ${r(cx)} ${r(cy)})">${textBlock(lines, cx, cy, 12)}</g>`;
  } else {
    out += `<path d="M${r(x)},${r(y + band)} L${r(x + width)},${r(y + band)}" stroke="${paint.stroke}" stroke-width="1.5"/>`;
    out += textBlock(wrapText(shape.element.name, width - 10, 12), x + width / 2, y + band / 2, 12);
  }
  return out;
}

function drawData(shape: DiShape, paint: Paint): string {
  const { x, y, width, height } = shape.bounds;
  if (shape.element.type === 'dataStoreReference' || shape.element.type === 'dataStore') {
    const ry = Math.min(8, height / 6);
    return `<path d="M${r(x)},${r(y + ry)} A${r(width / 2)},${r(ry)} 0 0 1 ${r(x + width)},${r(y + ry)} L${r(x + width)},${r(y + height - ry)} A${r(width / 2)},${r(ry)} 0 0 1 ${r(x)},${r(y + height - ry)} Z" fill="${paint.fill}" stroke="${paint.stroke}" stroke-width="${paint.width}"/><path d="M${r(x)},${r(y + ry)} A${r(width / 2)},${r(ry)} 0 0 0 ${r(x + width)},${r(y + ry)} M${r(x)},${r(y + ry * 2)} A${r(width / 2)},${r(ry)} 0 0 0 ${r(x + width)},${r(y + ry * 2)}" fill="none" stroke="${paint.stroke}" stroke-width="${paint.width}"/>`;
  }
  const fold = Math.min(10, width / 3);
  let out = `<path d="M${r(x)},${r(y)} L${r(x + width - fold)},${r(y)} L${r(x + width)},${r(y + fold)} L${r(x + width)},${r(y + height)} L${r(x)},${r(y + height)} Z" fill="${paint.fill}" stroke="${paint.stroke}" stroke-width="${paint.width}"/><path d="M${r(x + width - fold)},${r(y)} L${r(x + width - fold)},${r(y + fold)} L${r(x + width)},${r(y + fold)}" fill="none" stroke="${paint.stroke}" stroke-width="${paint.width}"/>`;
  if (shape.element.type === 'dataInput' || shape.element.type === 'dataOutput') {
    const filled = shape.element.type === 'dataOutput';
    out += `<path d="M${r(x + 4)},${r(y + 7)} h6 v-3 l6,6 l-6,6 v-3 h-6 Z" fill="${filled ? paint.stroke : 'none'}" stroke="${paint.stroke}" stroke-width="1"/>`;
  }
  return out;
}

function drawAnnotation(shape: DiShape, paint: Paint): string {
  const { x, y, width, height } = shape.bounds;
  const bracket = `<path d="M${r(x + 10)},${r(y)} L${r(x)},${r(y)} L${r(x)},${r(y + height)} L${r(x + 10)},${r(y + height)}" fill="none" stroke="${paint.stroke}" stroke-width="${Math.max(1, paint.width - 1)}"/>`;
  const lines = wrapText(shape.element.name, width - 10, 12);
  return bracket + textBlock(lines, 0, y + height / 2, 12, { anchor: 'start', x: x + 5 });
}

function drawGroup(shape: DiShape, paint: Paint): string {
  const { x, y, width, height } = shape.bounds;
  return `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(height)}" rx="10" ry="10" fill="none" stroke="${paint.stroke}" stroke-width="1" stroke-dasharray="10 6 1 6"/>`;
}

function drawShape(shape: DiShape, paint: Paint): string {
  const type = shape.element.type;
  if (type === 'participant' || type === 'lane') return drawPool(shape, paint);
  if (type.endsWith('Event')) return drawEvent(shape, paint);
  if (type.endsWith('Gateway')) return drawGateway(shape, paint);
  if (ACTIVITY_TYPES.has(type)) return drawActivity(shape, paint);
  if (type.startsWith('data')) return drawData(shape, paint);
  if (type === 'textAnnotation') return drawAnnotation(shape, paint);
  if (type === 'group') return drawGroup(shape, paint);
  // Unknown element: a plain box with its name, so nothing silently disappears.
  return drawActivity({ ...shape, element: { ...shape.element, type: 'task' } }, paint);
}

function hasExternalLabel(type: string): boolean {
  return type.endsWith('Event') || type.endsWith('Gateway') || type.startsWith('data') || type === 'sequenceFlow' || type === 'messageFlow';
}

function drawExternalLabel(name: string, label: Bounds | undefined, fallback: { cx: number; top: number }): string {
  if (!name) return '';
  if (label) {
    const lines = wrapText(name, Math.max(label.width, 30) + 2, 11);
    return textBlock(lines, label.x + label.width / 2, label.y + label.height / 2, 11);
  }
  // bpmn-js default: 90 px wide, centred under the element.
  const lines = wrapText(name, 90, 11);
  return textBlock(lines, fallback.cx, fallback.top + (lines.length * 13.2) / 2, 11);
}

function edgeLabelAnchor(points: { x: number; y: number }[]): { cx: number; top: number } {
  const mid = Math.floor((points.length - 1) / 2);
  const a = points[mid]!;
  const b = points[mid + 1] ?? a;
  return { cx: (a.x + b.x) / 2 + 5, top: (a.y + b.y) / 2 + 4 };
}

function drawEdge(edge: DiEdge, paint: Paint, markerPrefix: string): string {
  const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join(' ');
  const type = edge.element.type;
  if (type === 'messageFlow')
    return `<path d="${d}" fill="none" stroke="${paint.stroke}" stroke-width="${Math.max(1.5, paint.width - 0.5)}" stroke-dasharray="10 6" marker-start="url(#${markerPrefix}-msg-start)" marker-end="url(#${markerPrefix}-msg-end)" stroke-linejoin="round"/>`;
  if (type === 'association' || type === 'dataInputAssociation' || type === 'dataOutputAssociation') {
    const arrow =
      type !== 'association' || edge.element.element.attrs.associationDirection === 'One' ? ` marker-end="url(#${markerPrefix}-open)"` : '';
    return `<path d="${d}" fill="none" stroke="${paint.stroke}" stroke-width="1.5" stroke-dasharray="0.5 5" stroke-linecap="round"${arrow}/>`;
  }
  const marker = paint.stroke === STROKE ? `${markerPrefix}-arrow` : `${markerPrefix}-arrow-${paint.stroke.replace(/[^0-9a-z]/gi, '')}`;
  return `<path d="${d}" fill="none" stroke="${paint.stroke}" stroke-width="${paint.width}" stroke-linejoin="round" marker-end="url(#${marker})"/>`;
}

function markers(prefix: string, colors: string[]): string {
  const arrow = (id: string, color: string): string =>
    `<marker id="${id}" viewBox="0 0 20 20" refX="11" refY="10" markerWidth="10" markerHeight="10" orient="auto" markerUnits="userSpaceOnUse"><path d="M 1 5 L 11 10 L 1 15 Z" fill="${color}" stroke="${color}" stroke-width="1" stroke-linejoin="round"/></marker>`;
  return [
    arrow(`${prefix}-arrow`, STROKE),
    ...colors.map((c) => arrow(`${prefix}-arrow-${c.replace(/[^0-9a-z]/gi, '')}`, c)),
    `<marker id="${prefix}-open" viewBox="0 0 20 20" refX="12" refY="10" markerWidth="10" markerHeight="10" orient="auto" markerUnits="userSpaceOnUse"><path d="M 1 5 L 11 10 L 1 15" fill="none" stroke="${STROKE}" stroke-width="1.5"/></marker>`,
    `<marker id="${prefix}-msg-start" viewBox="0 0 20 20" refX="6" refY="6" markerWidth="20" markerHeight="20" orient="auto" markerUnits="userSpaceOnUse"><circle cx="6" cy="6" r="3.5" fill="#ffffff" stroke="${STROKE}" stroke-width="1"/></marker>`,
    `<marker id="${prefix}-msg-end" viewBox="0 0 20 20" refX="8.5" refY="5" markerWidth="20" markerHeight="20" orient="auto" markerUnits="userSpaceOnUse"><path d="m 1 5 l 0 -3 l 7 3 l -7 3 z" fill="#ffffff" stroke="${STROKE}" stroke-width="1"/></marker>`,
  ].join('');
}

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
  textSink = [];
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
    return { template, texts: textSink, width, height };
  } finally {
    textSink = [];
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

// ---------- PNG ----------

let fontFilesCache: string[] | undefined;

/**
 * The Noto Sans CJK files when the machine has them (loading a few files is faster than scanning every
 * system font); otherwise resvg scans the system fonts.
 */
function cjkFontFiles(): string[] {
  if (fontFilesCache) return fontFilesCache;
  const found: string[] = [];
  for (const dir of [
    '/usr/share/fonts/opentype/noto',
    '/usr/share/fonts/noto-cjk',
    '/usr/share/fonts/google-noto-cjk',
    '/usr/share/fonts/truetype/noto',
  ]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) if (/^NotoSansCJK-(Regular|Bold)\.tt[cf]$/i.test(file)) found.push(join(dir, file));
    if (found.length) break;
  }
  fontFilesCache = found;
  return found;
}

/** resvg font settings; `bold: false` leaves the bold file out (each CJK file takes ~0.1 s to load). */
function fontOptions(bold = true): NonNullable<ConstructorParameters<typeof Resvg>[1]>['font'] {
  const fontFiles = cjkFontFiles().filter((file) => bold || !/bold/i.test(file));
  return fontFiles.length
    ? { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' }
    : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' };
}

/** A glyph outline at font size 1000 (baseline at y = 0) and its advance width. */
interface Glyph {
  d: string;
  advance: number;
}

/**
 * Glyph outlines by weight + character. resvg shapes CJK text slowly (the Noto CJK fonts are CFF with
 * 65k glyphs: ~6 ms per glyph drawn), so each distinct glyph is drawn once per process and the PNG
 * places the cached outlines; a report with many diagrams then costs little more than one.
 */
const glyphCache = new Map<string, Glyph>();
const GLYPH_CACHE_LIMIT = 20_000;
const GLYPH_FILL = '#000001';
const BAR_FILL = '#000002';

function xsOf(d: string): number[] {
  // usvg writes absolute commands (M, L, C, Q, Z) with x y pairs.
  const numbers = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi) ?? []).map(Number);
  return numbers.filter((_, i) => i % 2 === 0);
}

/** Draws the missing glyphs in one resvg pass and reads their outlines back from resvg's own SVG output. */
function loadGlyphs(keys: string[]): void {
  const missing = [...new Set(keys)].filter((k) => !glyphCache.has(k));
  if (missing.length === 0) return;
  if (glyphCache.size + missing.length > GLYPH_CACHE_LIMIT) glyphCache.clear();
  const family = esc(FONT_FAMILY);
  // A bar after each narrow glyph measures its advance: the bar moves by exactly that much.
  const texts = missing.map((key, i) => {
    const weight = key[0] === 'b' ? ' font-weight="bold"' : '';
    const ch = esc(key.slice(1));
    const bar = isWide(key.slice(1)) ? '' : `<tspan fill="${BAR_FILL}">|</tspan>`;
    return `<text id="g${i}" x="0" y="0" font-size="1000" font-family="${family}"${weight} fill="${GLYPH_FILL}" xml:space="preserve">${ch}${bar}</text>`;
  });
  texts.push(`<text id="bar" x="0" y="0" font-size="1000" font-family="${family}" fill="${BAR_FILL}">|</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${texts.join('')}</svg>`;
  const simplified = new Resvg(svg, { font: fontOptions(missing.some((key) => key[0] === 'b')) }).toString();
  const groups = new Map<string, string>();
  for (const m of simplified.matchAll(/<g id="(g\d+|bar)"[^>]*>([\s\S]*?)<\/g>/g)) groups.set(m[1]!, m[2]!);
  const pathsOf = (body: string | undefined, fill: string): string[] =>
    [...(body ?? '').matchAll(/<path([^>]*)\/>/g)]
      .filter((p) => p[1]!.includes(`fill="${fill}"`))
      .map((p) => /\sd="([^"]*)"/.exec(p[1]!)?.[1] ?? '');
  const barAlone = Math.min(...pathsOf(groups.get('bar'), BAR_FILL).flatMap(xsOf));
  missing.forEach((key, i) => {
    const body = groups.get(`g${i}`);
    const d = pathsOf(body, GLYPH_FILL).join(' ');
    let advance = 1000;
    if (!isWide(key.slice(1))) {
      const barXs = pathsOf(body, BAR_FILL).flatMap(xsOf);
      advance = barXs.length && Number.isFinite(barAlone) ? Math.min(...barXs) - barAlone : 500;
    }
    glyphCache.set(key, { d, advance: Math.max(0, advance) });
  });
}

/** The texts as outlines from the glyph cache (same placement rules as `textMarkup`). */
function glyphMarkup(items: TextItem[]): string[] {
  loadGlyphs(items.flatMap((item) => item.lines.flatMap((line) => [...line].map((ch) => (item.weight === 'bold' ? 'b' : 'n') + ch))));
  const ids = new Map<string, string>();
  const defs: string[] = [];
  const markup = items.map((item) => {
    const scale = item.size / 1000;
    const uses: string[] = [];
    item.lines.forEach((line, i) => {
      const keys = [...line].map((ch) => (item.weight === 'bold' ? 'b' : 'n') + ch);
      const width = keys.reduce((sum, k) => sum + (glyphCache.get(k)?.advance ?? 500), 0) * scale;
      let x = item.anchor === 'middle' ? item.x - width / 2 : item.x;
      const y = item.baseline + i * item.lineHeight;
      for (const key of keys) {
        const glyph = glyphCache.get(key);
        if (glyph?.d) {
          let id = ids.get(key);
          if (!id) {
            id = `gl${ids.size}`;
            ids.set(key, id);
            defs.push(`<path id="${id}" d="${glyph.d}"/>`);
          }
          uses.push(`<use href="#${id}" transform="translate(${r(x)} ${r(y)}) scale(${scale})"/>`);
        }
        x += (glyph?.advance ?? 500) * scale;
      }
    });
    return `<g fill="${esc(item.color)}">${uses.join('')}</g>`;
  });
  return [...markup, `<defs>${defs.join('')}</defs>`];
}

/**
 * Draws a BPMN 2.0 diagram from its DI (shapes' bounds, edges' waypoints) without a browser: SVG, and
 * PNG through resvg with the system's CJK fonts. Throws AppError BAD_INPUT when the XML cannot be
 * parsed or has no diagram interchange.
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
