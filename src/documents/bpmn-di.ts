import { AppError } from '../shared/app-error';
import { childOf, findAll, parseXml, type XmlElement } from '../shared/xml-lite';

/* The diagram interchange read from BPMN XML: semantic elements with their shapes' bounds and edges' waypoints. */

export interface Bounds {
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

export interface DiShape {
  element: SemanticElement;
  bounds: Bounds;
  label?: Bounds;
  isHorizontal: boolean;
  isExpanded: boolean;
  isMarkerVisible: boolean;
}

export interface DiEdge {
  element: SemanticElement;
  points: { x: number; y: number }[];
  label?: Bounds;
}

/** Every error of a diagram names the file field, as the upload and the process form both send it as `bpmnXml`. */
const BPMN_FIELD = [{ field: 'bpmnXml' }];

/** An attribute of `element` as a number; `owner` names the diagram element it belongs to (its name, else its id). */
function num(element: XmlElement, attribute: string, owner: string): number {
  const value = element.attrs[attribute];
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n))
    throw new AppError('DOCUMENTS_BPMN_COORDINATE_NOT_NUMBER', { element: owner, attribute, value: value ?? '' }, BPMN_FIELD);
  return n;
}

function readBounds(element: XmlElement | undefined, owner: string): Bounds | undefined {
  if (!element) return undefined;
  return {
    x: num(element, 'x', owner),
    y: num(element, 'y', owner),
    width: num(element, 'width', owner),
    height: num(element, 'height', owner),
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

export function readDiagram(xml: string): { shapes: DiShape[]; edges: DiEdge[] } {
  const root = parseXml(xml, 'bpmnXml');
  if (root.local !== 'definitions') throw new AppError('DOCUMENTS_BPMN_NOT_DEFINITIONS', { root: root.name }, BPMN_FIELD);
  const diagram = findAll(root, 'BPMNDiagram')[0];
  // A diagram without a plane has no positions either: for the user it is the same missing layout.
  const plane = diagram ? childOf(diagram, 'BPMNPlane') : undefined;
  if (!plane) throw new AppError('DOCUMENTS_BPMN_NO_DIAGRAM', {}, BPMN_FIELD);
  const semantics = indexSemantics(root);
  const shapes: DiShape[] = [];
  const edges: DiEdge[] = [];
  for (const item of plane.children) {
    const ref = item.attrs.bpmnElement ?? '';
    const element = semantics.get(ref) ?? { id: ref || item.attrs.id || '?', type: 'unknown', name: '', element: item };
    const owner = element.name || element.id;
    const labelElement = childOf(item, 'BPMNLabel');
    const label = labelElement ? readBounds(childOf(labelElement, 'Bounds'), owner) : undefined;
    if (item.local === 'BPMNShape') {
      const bounds = readBounds(childOf(item, 'Bounds'), owner);
      if (!bounds) throw new AppError('DOCUMENTS_BPMN_SHAPE_NO_BOUNDS', { element: owner }, BPMN_FIELD);
      shapes.push({
        element,
        bounds,
        label,
        isHorizontal: item.attrs.isHorizontal !== 'false',
        isExpanded: item.attrs.isExpanded === 'true',
        isMarkerVisible: item.attrs.isMarkerVisible !== 'false',
      });
    } else if (item.local === 'BPMNEdge') {
      const points = item.children.filter((c) => c.local === 'waypoint').map((w) => ({ x: num(w, 'x', owner), y: num(w, 'y', owner) }));
      if (points.length >= 2) edges.push({ element, points, label });
    }
  }
  if (shapes.length === 0) throw new AppError('DOCUMENTS_BPMN_NO_SHAPES', {}, BPMN_FIELD);
  return { shapes, edges };
}
