import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  decodeQrPixels,
  decodeSize,
  maxDecodeSide,
  type Pixels,
} from '../../../../src/renderer/features/trust/qrImage';

/** Draws `text` as a QR code, `scale` pixels a module with a 4-module quiet zone, as RGBA. */
function qrPixels(text: string, scale = 4, invert = false): Pixels {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      const inside = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size;
      const dark = inside && modules.get(my, mx) === 1;
      const value = dark !== invert ? 0 : 255;
      data.set([value, value, value, 255], (y * side + x) * 4);
    }
  }
  return { data, width: side, height: side };
}

describe('reading a QR code from pixels', () => {
  const link = `https://maily.app/verify#cert=${'A1b2-_'.repeat(80)}`;

  it('reads back the text of a generated code (a certificate link of ~480 characters)', () => {
    expect(decodeQrPixels(qrPixels(link))).toBe(link);
  });

  it('reads a light code on a dark background', () => {
    expect(decodeQrPixels(qrPixels('maily certificate', 4, true))).toBe('maily certificate');
  });

  it('answers null for an image without a code, an empty one and short pixel data', () => {
    const blank = { data: new Uint8ClampedArray(100 * 100 * 4).fill(255), width: 100, height: 100 };
    expect(decodeQrPixels(blank)).toBeNull();
    expect(decodeQrPixels({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toBeNull();
    expect(decodeQrPixels({ data: new Uint8ClampedArray(16), width: 100, height: 100 })).toBeNull();
  });

  it('scales big images down to the decode size, keeping the aspect ratio', () => {
    expect(decodeSize(400, 300)).toEqual({ width: 400, height: 300 });
    expect(decodeSize(4000, 3000)).toEqual({ width: maxDecodeSide, height: 1200 });
    expect(decodeSize(0, 0)).toEqual({ width: 1, height: 1 });
  });
});
