import { STROKE, wrapText, textBlock, r } from './bpmn-text';
import type { Bounds, DiEdge } from './bpmn-di';
import type { Paint } from './bpmn-shapes';

/* Connections (sequence, message, association) with their arrow markers, and the labels drawn outside elements. */

export function hasExternalLabel(type: string): boolean {
  return type.endsWith('Event') || type.endsWith('Gateway') || type.startsWith('data') || type === 'sequenceFlow' || type === 'messageFlow';
}

export function drawExternalLabel(name: string, label: Bounds | undefined, fallback: { cx: number; top: number }): string {
  if (!name) return '';
  if (label) {
    const lines = wrapText(name, Math.max(label.width, 30) + 2, 11);
    return textBlock(lines, label.x + label.width / 2, label.y + label.height / 2, 11);
  }
  // bpmn-js default: 90 px wide, centred under the element.
  const lines = wrapText(name, 90, 11);
  return textBlock(lines, fallback.cx, fallback.top + (lines.length * 13.2) / 2, 11);
}

export function edgeLabelAnchor(points: { x: number; y: number }[]): { cx: number; top: number } {
  const mid = Math.floor((points.length - 1) / 2);
  const a = points[mid]!;
  const b = points[mid + 1] ?? a;
  return { cx: (a.x + b.x) / 2 + 5, top: (a.y + b.y) / 2 + 4 };
}

export function drawEdge(edge: DiEdge, paint: Paint, markerPrefix: string): string {
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

export function markers(prefix: string, colors: string[]): string {
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
