import { describe, expect, it } from 'vitest';
import { fitBesidePalette, type Rect } from './fit-beside-palette';

/** Where a diagram point lands on screen under a viewbox. */
function toScreen(view: Rect, container: { width: number }, x: number, y: number) {
  const scale = container.width / view.width;
  return { x: (x - view.x) * scale, y: (y - view.y) * scale, scale };
}

describe('fitBesidePalette', () => {
  const container = { width: 900, height: 500 };
  const palette = 48;

  it('puts the first task right of the palette at natural size when the process is small', () => {
    const inner = { x: 150, y: 80, width: 500, height: 120 };
    const view = fitBesidePalette(inner, container, palette);
    const topLeft = toScreen(view, container, inner.x, inner.y);
    expect(topLeft.scale).toBe(1);
    expect(topLeft.x).toBeGreaterThan(palette);
    expect(topLeft.y).toBeGreaterThan(0);
  });

  it('shrinks a wide process so all of it fits between the palette and the right edge', () => {
    const inner = { x: 0, y: 0, width: 3000, height: 300 };
    const view = fitBesidePalette(inner, container, palette);
    const left = toScreen(view, container, inner.x, inner.y);
    const right = toScreen(view, container, inner.x + inner.width, inner.y + inner.height);
    expect(left.scale).toBeLessThan(1);
    expect(left.x).toBeGreaterThan(palette);
    expect(right.x).toBeLessThanOrEqual(container.width);
    expect(right.y).toBeLessThanOrEqual(container.height);
  });

  it('shrinks a tall process to the height and keeps the aspect of the container', () => {
    const inner = { x: 10, y: 10, width: 400, height: 2000 };
    const view = fitBesidePalette(inner, container, 0);
    const bottom = toScreen(view, container, inner.x, inner.y + inner.height);
    expect(bottom.y).toBeLessThanOrEqual(container.height);
    expect(view.width / view.height).toBeCloseTo(container.width / container.height);
  });
});
