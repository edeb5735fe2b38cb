/** A rectangle in diagram or screen units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room left free around the diagram, in screen pixels. */
const MARGIN_PX = 24;

/**
 * The viewbox that shows the whole diagram (`inner`, in diagram units) in the part of the canvas the
 * palette leaves free: bpmn-js's own `fit-viewport` centres on the whole container, so the palette
 * (drawn over the canvas's left edge) covers the first task. Never zooms in beyond 100 %, so a small
 * process is drawn at its natural size, top-left of the free area. `paletteWidth` is 0 in the viewer.
 */
export function fitBesidePalette(inner: Rect, container: { width: number; height: number }, paletteWidth: number): Rect {
  const freeWidth = Math.max(container.width - paletteWidth - 2 * MARGIN_PX, 1);
  const freeHeight = Math.max(container.height - 2 * MARGIN_PX, 1);
  const scale = Math.min(1, freeWidth / Math.max(inner.width, 1), freeHeight / Math.max(inner.height, 1));
  return {
    x: inner.x - (paletteWidth + MARGIN_PX) / scale,
    y: inner.y - MARGIN_PX / scale,
    width: container.width / scale,
    height: container.height / scale,
  };
}
