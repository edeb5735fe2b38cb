import { childOf } from '../shared/xml-lite';
import { wrapText, textBlock, r } from './bpmn-text';
import type { DiShape } from './bpmn-di';

/* Shapes as bpmn-js paints them: events, gateways, activities, pools and lanes, data, annotations, groups. */

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

export function tint(color: string, amount: number): string {
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

export interface Paint {
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

export function drawShape(shape: DiShape, paint: Paint): string {
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
