import { describe, expect, it } from 'vitest';
import { DEMO_PROTOTYPE_PNGS } from './demo-prototype-images';
import { DEMO_PROTOTYPE_SOURCES } from './demo-prototype-svg';
import { probeImage } from '../modules/blueprint/image-probe';

describe('demo prototype images', () => {
  it('has a valid PNG for every wireframe source', () => {
    expect(Object.keys(DEMO_PROTOTYPE_PNGS).sort()).toEqual(Object.keys(DEMO_PROTOTYPE_SOURCES).sort());
    for (const [title, base64] of Object.entries(DEMO_PROTOTYPE_PNGS)) {
      const info = probeImage(Buffer.from(base64, 'base64'));
      expect(info, title).toMatchObject({ mime: 'image/png', widthPx: 640 });
      expect(info!.heightPx).toBe(120 + DEMO_PROTOTYPE_SOURCES[title]!.rows.length * 32);
    }
  });
});
