import { badInput } from '../shared/app-error';
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

export function readDiagram(xml: string): { shapes: DiShape[]; edges: DiEdge[] } {
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
