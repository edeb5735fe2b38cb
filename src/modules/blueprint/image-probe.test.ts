import { describe, expect, it } from 'vitest';
import { probeImage } from './image-probe';

describe('image probe', () => {
  it('reads JPEG sizes from the start-of-frame marker and refuses other bytes', () => {
    // SOI, APP0 (length 16), SOF0 (height 30, width 40).
    const jpeg = Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...new Array<number>(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x00,
      0x1e,
      0x00,
      0x28,
      0x03,
      0,
      0,
      0,
    ]);
    expect(probeImage(jpeg)).toEqual({ mime: 'image/jpeg', widthPx: 40, heightPx: 30 });
    expect(probeImage(new TextEncoder().encode('GIF89a not allowed here'))).toBeUndefined();
  });
});
