import { AppError, type ErrorCode, type ErrorParams } from '../../shared/app-error';
import { descendants, localName, parseXml, prefixOf, type XmlElement } from '../../shared/xml-lite';

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const BPMN_DI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';

/** Flow-node element names (local part) that count as process steps. */
const FLOW_NODE_TYPES = new Set([
  'task',
  'userTask',
  'manualTask',
  'serviceTask',
  'scriptTask',
  'businessRuleTask',
  'sendTask',
  'receiveTask',
  'subProcess',
  'callActivity',
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
]);

/** Task types a step list may ask for when a process is built from steps. */
export const STEP_TASK_TYPES = ['task', 'userTask', 'manualTask', 'serviceTask', 'sendTask', 'receiveTask'] as const;
export type StepTaskType = (typeof STEP_TASK_TYPES)[number];

/** A flow node of a process (task, event, gateway). */
export interface BpmnStep {
  elementId: string;
  name: string;
  /** BPMN element type, local name: `userTask`, `startEvent`, `exclusiveGateway`… */
  type: string;
}

/** What validation learnt about a BPMN document. */
export interface ParsedBpmn {
  processIds: string[];
  steps: BpmnStep[];
  /** Ids of elements drawn in the diagram (BPMNShape bpmnElement). */
  shapeElementIds: string[];
}

/** An error of the uploaded diagram: each names the `bpmnXml` field the file arrives in. */
function bpmnError(code: ErrorCode, params: ErrorParams = {}): AppError {
  return new AppError(code, params, [{ field: 'bpmnXml' }]);
}

function namespaces(root: XmlElement): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of [root, ...descendants(root)]) {
    for (const [key, value] of Object.entries(el.attrs)) {
      if (key === 'xmlns') map.set('', value);
      else if (key.startsWith('xmlns:') && !map.has(key.slice(6))) map.set(key.slice(6), value);
    }
  }
  return map;
}

/**
 * Validates a BPMN 2.0 document and extracts its steps: it must be well-formed XML whose root is
 * BPMN 2.0 `definitions`, with at least one `process` and a diagram (BPMNDiagram with a plane and
 * shapes). Errors are AppErrors naming the problem: DOCUMENTS_XML_ codes for unreadable XML, else an ASSESSMENT_BPMN_
 * code, or the DOCUMENTS_BPMN_ code that the drawing raises for the same problem.
 */
export function parseBpmn(xml: string): ParsedBpmn {
  if (!xml.trim()) throw bpmnError('ASSESSMENT_BPMN_EMPTY');
  const root = parseXml(xml, 'bpmnXml');
  const ns = namespaces(root);
  const isModel = (el: XmlElement): boolean => ns.get(prefixOf(el.name)) === BPMN_MODEL_NS;
  const isDi = (el: XmlElement): boolean => ns.get(prefixOf(el.name)) === BPMN_DI_NS;
  if (localName(root.name) !== 'definitions') throw bpmnError('DOCUMENTS_BPMN_NOT_DEFINITIONS', { root: root.name });
  if (!isModel(root)) throw bpmnError('ASSESSMENT_BPMN_NOT_BPMN_2', { root: root.name });
  const processes = root.children.filter((c) => isModel(c) && localName(c.name) === 'process');
  if (processes.length === 0) throw bpmnError('ASSESSMENT_BPMN_NO_PROCESS');
  const steps: BpmnStep[] = [];
  const seen = new Set<string>();
  for (const process of processes) {
    for (const el of descendants(process)) {
      if (!isModel(el) || !FLOW_NODE_TYPES.has(localName(el.name))) continue;
      const id = el.attrs.id;
      if (!id) throw bpmnError('ASSESSMENT_BPMN_ELEMENT_NO_ID', { element: el.name, line: el.line });
      if (seen.has(id)) throw bpmnError('ASSESSMENT_BPMN_DUPLICATE_ID', { id, line: el.line });
      seen.add(id);
      steps.push({ elementId: id, name: (el.attrs.name ?? '').trim(), type: localName(el.name) });
    }
  }
  const diagram = root.children.find((c) => isDi(c) && localName(c.name) === 'BPMNDiagram');
  // No diagram and a diagram without a plane are one problem for the user: the file has no layout to draw.
  const plane = diagram?.children.find((c) => isDi(c) && localName(c.name) === 'BPMNPlane');
  if (!plane) throw bpmnError('DOCUMENTS_BPMN_NO_DIAGRAM');
  const shapeElementIds = [...descendants(plane)]
    .filter((el) => isDi(el) && localName(el.name) === 'BPMNShape')
    .map((el) => el.attrs.bpmnElement ?? '')
    .filter(Boolean);
  if (shapeElementIds.length === 0) throw bpmnError('DOCUMENTS_BPMN_NO_SHAPES');
  return { processIds: processes.map((p) => p.attrs.id ?? ''), steps, shapeElementIds };
}

/** A step of a process described as a list (for "new process from steps" and the demo). */
export interface StepInput {
  name: string;
  type?: StepTaskType;
  /** Lane (role or department) performing the step; lanes are drawn in order of first use. */
  lane?: string;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const TASK_W = 100;
const TASK_H = 80;
const EVENT = 36;
const GAP = 50;
const LANE_H = 140;
const LANE_HEADER = 30;
const LEFT = 80;
const TOP = 60;

/**
 * Builds a BPMN 2.0 document with diagram interchange from a linear list of steps: start event →
 * steps → end event, laid out left to right; with lanes when any step names one (a pool with one
 * lane per distinct name, in order of first use). Ids are stable (`Activity_1`…), so building the
 * same list twice gives the same XML.
 */
export function buildBpmnFromSteps(
  processName: string,
  steps: StepInput[],
  options: { startName?: string; endName?: string } = {},
): string {
  if (steps.length === 0) throw new AppError('ASSESSMENT_STEPS_EMPTY', {}, [{ field: 'steps' }]);
  const useLanes = steps.some((s) => s.lane && s.lane.trim());
  const laneNames: string[] = [];
  for (const s of steps) {
    const lane = s.lane?.trim() || '';
    if (useLanes && !laneNames.includes(lane)) laneNames.push(lane);
  }
  const laneOf = (i: number): number => (useLanes ? laneNames.indexOf(steps[i]!.lane?.trim() || '') : 0);
  const poolX = LEFT - (useLanes ? LANE_HEADER + 20 : 0);
  const rowCenter = (lane: number): number => TOP + (useLanes ? lane * LANE_H + LANE_H / 2 : TASK_H / 2);

  interface Node {
    id: string;
    tag: string;
    name: string;
    x: number;
    y: number;
    w: number;
    h: number;
    lane: number;
  }
  const nodes: Node[] = [];
  let x = LEFT;
  const startLane = laneOf(0);
  nodes.push({
    id: 'StartEvent_1',
    tag: 'startEvent',
    name: options.startName ?? '开始',
    x,
    y: rowCenter(startLane) - EVENT / 2,
    w: EVENT,
    h: EVENT,
    lane: startLane,
  });
  x += EVENT + GAP;
  steps.forEach((step, i) => {
    const lane = laneOf(i);
    const name = step.name.trim();
    if (!name) throw new AppError('ASSESSMENT_STEP_NAME_EMPTY', { number: i + 1 }, [{ field: `steps.${i}.name` }]);
    nodes.push({ id: `Activity_${i + 1}`, tag: step.type ?? 'task', name, x, y: rowCenter(lane) - TASK_H / 2, w: TASK_W, h: TASK_H, lane });
    x += TASK_W + GAP;
  });
  const endLane = laneOf(steps.length - 1);
  nodes.push({
    id: 'EndEvent_1',
    tag: 'endEvent',
    name: options.endName ?? '结束',
    x,
    y: rowCenter(endLane) - EVENT / 2,
    w: EVENT,
    h: EVENT,
    lane: endLane,
  });
  const flows = nodes.slice(1).map((target, i) => ({ id: `Flow_${i + 1}`, source: nodes[i]!, target }));

  const processId = 'Process_1';
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<bpmn:definitions xmlns:bpmn="${BPMN_MODEL_NS}" xmlns:bpmndi="${BPMN_DI_NS}" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="golive" exporterVersion="1">`,
  );
  if (useLanes) {
    out.push('  <bpmn:collaboration id="Collaboration_1">');
    out.push(`    <bpmn:participant id="Participant_1" name="${escapeXml(processName)}" processRef="${processId}" />`);
    out.push('  </bpmn:collaboration>');
  }
  out.push(`  <bpmn:process id="${processId}" name="${escapeXml(processName)}" isExecutable="false">`);
  if (useLanes) {
    out.push('    <bpmn:laneSet id="LaneSet_1">');
    laneNames.forEach((lane, li) => {
      out.push(`      <bpmn:lane id="Lane_${li + 1}" name="${escapeXml(lane)}">`);
      for (const n of nodes.filter((n) => n.lane === li)) out.push(`        <bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
      out.push('      </bpmn:lane>');
    });
    out.push('    </bpmn:laneSet>');
  }
  for (const n of nodes) {
    const incoming = flows.filter((f) => f.target === n).map((f) => `      <bpmn:incoming>${f.id}</bpmn:incoming>`);
    const outgoing = flows.filter((f) => f.source === n).map((f) => `      <bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    out.push(`    <bpmn:${n.tag} id="${n.id}" name="${escapeXml(n.name)}">`, ...incoming, ...outgoing, `    </bpmn:${n.tag}>`);
  }
  for (const f of flows) out.push(`    <bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source.id}" targetRef="${f.target.id}" />`);
  out.push('  </bpmn:process>');
  out.push('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">');
  out.push(`    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${useLanes ? 'Collaboration_1' : processId}">`);
  const bounds = (bx: number, by: number, w: number, h: number): string =>
    `<dc:Bounds x="${Math.round(bx)}" y="${Math.round(by)}" width="${Math.round(w)}" height="${Math.round(h)}" />`;
  if (useLanes) {
    const width = x + EVENT + GAP - poolX;
    out.push(`      <bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true">`);
    out.push(`        ${bounds(poolX, TOP, width, LANE_H * laneNames.length)}`);
    out.push('      </bpmndi:BPMNShape>');
    laneNames.forEach((_, li) => {
      out.push(`      <bpmndi:BPMNShape id="Lane_${li + 1}_di" bpmnElement="Lane_${li + 1}" isHorizontal="true">`);
      out.push(`        ${bounds(poolX + LANE_HEADER, TOP + li * LANE_H, width - LANE_HEADER, LANE_H)}`);
      out.push('      </bpmndi:BPMNShape>');
    });
  }
  for (const n of nodes) {
    out.push(`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}">`);
    out.push(`        ${bounds(n.x, n.y, n.w, n.h)}`);
    if (n.tag.endsWith('Event')) {
      out.push(`        <bpmndi:BPMNLabel>${bounds(n.x - 7, n.y + n.h + 4, n.w + 14, 14)}</bpmndi:BPMNLabel>`);
    }
    out.push('      </bpmndi:BPMNShape>');
  }
  for (const f of flows) {
    const sx = f.source.x + f.source.w;
    const sy = f.source.y + f.source.h / 2;
    const tx = f.target.x;
    const ty = f.target.y + f.target.h / 2;
    const points =
      sy === ty
        ? [
            [sx, sy],
            [tx, ty],
          ]
        : [
            [sx, sy],
            [(sx + tx) / 2, sy],
            [(sx + tx) / 2, ty],
            [tx, ty],
          ];
    out.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">`);
    for (const [px, py] of points) out.push(`        <di:waypoint x="${Math.round(px!)}" y="${Math.round(py!)}" />`);
    out.push('      </bpmndi:BPMNEdge>');
  }
  out.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
  return out.join('\n');
}

/** A new diagram with only a start event (what the editor opens for "blank process"). */
export function buildBlankBpmn(processName: string, startName = '开始'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="${BPMN_MODEL_NS}" xmlns:bpmndi="${BPMN_DI_NS}" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="golive" exporterVersion="1">`,
    `  <bpmn:process id="Process_1" name="${escapeXml(processName)}" isExecutable="false">`,
    `    <bpmn:startEvent id="StartEvent_1" name="${escapeXml(startName)}" />`,
    '  </bpmn:process>',
    '  <bpmndi:BPMNDiagram id="BPMNDiagram_1">',
    '    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">',
    '      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">',
    `        <dc:Bounds x="${LEFT}" y="${TOP}" width="${EVENT}" height="${EVENT}" />`,
    '      </bpmndi:BPMNShape>',
    '    </bpmndi:BPMNPlane>',
    '  </bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}
