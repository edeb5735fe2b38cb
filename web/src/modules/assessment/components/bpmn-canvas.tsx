import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef } from 'react';
import '../bpmn-canvas.css';
import { fitBesidePalette, type Rect } from '../fit-beside-palette';

/** A diagram element the user selected (flow nodes only: tasks, events, gateways). */
export interface SelectedElement {
  elementId: string;
  name: string;
  type: string;
}

/** What the page can do with the editor. */
export interface BpmnCanvasHandle {
  saveXml(): Promise<string>;
}

/** Shows the whole diagram in the canvas area the palette leaves free (see {@link fitBesidePalette}). */
function fitDiagram(m: BaseViewer, host: HTMLElement | null): void {
  const canvas = m.get<Canvas>('canvas');
  const { inner, outer } = canvas.viewbox();
  if (inner.width === 0 || outer.width === 0) return;
  // The palette floats over the canvas's left edge (the modeler has one, the viewer none).
  const palette = host?.querySelector('.djs-palette')?.getBoundingClientRect();
  const paletteRight = palette && host ? palette.right - host.getBoundingClientRect().left : 0;
  canvas.viewbox(fitBesidePalette(inner, outer, paletteRight));
}

interface Props {
  xml: string;
  /** Bottleneck steps to highlight, with the badge text drawn above them. */
  highlights: { elementId: string; label: string }[];
  readOnly: boolean;
  onReady(handle: BpmnCanvasHandle): void;
  onSelect(element: SelectedElement | null): void;
  onDirty(): void;
  onError(message: string): void;
}

interface Canvas {
  addMarker(element: string, marker: string): void;
  removeMarker(element: string, marker: string): void;
  zoom(level: string): void;
  viewbox(): { inner: Rect; outer: { width: number; height: number } };
  viewbox(box: Rect): void;
}
interface Overlays {
  add(
    element: string,
    type: string,
    overlay: { position: { top?: number; left?: number; right?: number }; html: string | HTMLElement },
  ): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface EventBus {
  on(event: string, callback: (event: { newSelection?: DiagramElement[] }) => void): void;
}
interface DiagramElement {
  id: string;
  type: string;
  businessObject?: { id: string; name?: string; $type: string };
}

const NON_STEPS = new Set(['bpmn:SequenceFlow', 'bpmn:Process', 'bpmn:Collaboration', 'bpmn:Participant', 'bpmn:Lane', 'label']);
const MARKER = 'golive-bottleneck';

/**
 * The bpmn-js modeler (loaded lazily with its CSS, so other pages stay light); for callers who may
 * not change the map, a navigated viewer (pan and zoom, selection, no editing). Bottlenecks are
 * shown with a canvas marker (red outline) and an overlay badge.
 */
export default function BpmnCanvas({ xml, highlights, readOnly, onReady, onSelect, onDirty, onError }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const modeler = useRef<BaseViewer | null>(null);
  const xmlRef = useRef(xml);
  xmlRef.current = xml;
  const marked = useRef<string[]>([]);
  const callbacks = useRef({ onSelect, onDirty, onError, onReady });
  callbacks.current = { onSelect, onDirty, onError, onReady };
  const imported = useRef(0);
  const highlightsRef = useRef(highlights);
  highlightsRef.current = highlights;

  // While bpmn-js imports a diagram the canvas is half-built: markers wait for the import to finish.
  const importing = useRef(false);

  const applyHighlights = (): void => {
    const m = modeler.current;
    if (!m || importing.current) return;
    const canvas = m.get<Canvas>('canvas');
    const overlays = m.get<Overlays>('overlays');
    const registry = m.get<ElementRegistry>('elementRegistry');
    for (const id of marked.current) if (registry.get(id)) canvas.removeMarker(id, MARKER);
    overlays.remove({ type: MARKER });
    marked.current = [];
    for (const h of highlightsRef.current) {
      if (!registry.get(h.elementId)) continue;
      canvas.addMarker(h.elementId, MARKER);
      const badge = document.createElement('div');
      badge.className = 'golive-bottleneck-badge';
      badge.textContent = h.label;
      badge.setAttribute('data-testid', `bottleneck-badge-${h.elementId}`);
      overlays.add(h.elementId, MARKER, { position: { top: -22, left: 0 }, html: badge });
      marked.current.push(h.elementId);
    }
  };

  const load = (m: BaseViewer, source: string): void => {
    const generation = ++imported.current;
    importing.current = true;
    m.importXML(source)
      .then(() => {
        if (generation !== imported.current) return;
        importing.current = false;
        callbacks.current.onError('');
        fitDiagram(m, container.current);
        marked.current = [];
        applyHighlights();
        callbacks.current.onSelect(null);
      })
      .catch((error: unknown) => {
        if (generation !== imported.current) return;
        importing.current = false;
        callbacks.current.onError(error instanceof Error ? error.message : String(error));
      });
  };

  useEffect(() => {
    if (!container.current) return;
    const m: BaseViewer = readOnly ? new NavigatedViewer({ container: container.current }) : new Modeler({ container: container.current });
    modeler.current = m;
    const bus = m.get<EventBus>('eventBus');
    bus.on('selection.changed', (event) => {
      const element = event.newSelection?.[0];
      const bo = element?.businessObject;
      if (!element || !bo || NON_STEPS.has(bo.$type) || element.type === 'label') callbacks.current.onSelect(null);
      else callbacks.current.onSelect({ elementId: bo.id, name: bo.name ?? '', type: bo.$type.replace(/^bpmn:/, '') });
    });
    bus.on('commandStack.changed', () => callbacks.current.onDirty());
    callbacks.current.onReady({
      saveXml: async () => {
        const { xml: out } = await m.saveXML({ format: true });
        if (!out) throw new Error('empty diagram');
        return out;
      },
    });
    // Created again when the caller's rights change (the project's role arrives after the first render).
    load(m, xmlRef.current);
    return () => {
      m.destroy();
      modeler.current = null;
    };
  }, [readOnly]);

  const firstXml = useRef(true);
  useEffect(() => {
    // The creation effect loads the first diagram; later changes of `xml` load here.
    if (firstXml.current) {
      firstXml.current = false;
      return;
    }
    if (modeler.current) load(modeler.current, xml);
  }, [xml]);

  useEffect(() => {
    applyHighlights();
  }, [highlights]);

  return (
    <div
      ref={container}
      data-testid="bpmn-canvas"
      className="golive-bpmn"
      style={{ height: 460, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}
    />
  );
}
