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

/**
 * Draws a BPMN 2.0 diagram from its DI (shapes' bounds, edges' waypoints) without a browser: SVG, and
 * PNG through resvg with the system's CJK fonts. Throws AppError BAD_INPUT when the XML cannot be
 * parsed or has no diagram interchange.
 */
export function renderBpmnImage(bpmnXml: string, options?: { highlights?: BpmnHighlight[]; maxWidthPx?: number }): BpmnImage {
  void bpmnXml;
  void options;
  throw new Error('SCAFFOLD: renderBpmnImage is implemented by the documents owner');
}
