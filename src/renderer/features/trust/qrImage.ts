import jsQR from 'jsqr';

/** RGBA pixels, as a canvas's `getImageData` returns them. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The longest side an image is scaled down to before decoding: big photos decode faster and no worse. */
export const maxDecodeSide = 1600;

/**
 * The text of the QR code in `pixels`, or null when there is none jsQR can read. Tries
 * the image as it is, then inverted (a light code on a dark background).
 */
export function decodeQrPixels(pixels: Pixels): string | null {
  if (pixels.width <= 0 || pixels.height <= 0 || pixels.data.length < pixels.width * pixels.height * 4) return null;
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
  return found && found.data ? found.data : null;
}

/** The size to draw an image of `width` × `height` at so that its longest side is at most {@link maxDecodeSide}. */
export function decodeSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, maxDecodeSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Why a picked image gave no text, written for the designer. */
export class QrImageError extends Error {}

/**
 * Decodes the QR code in an image file (PNG, JPEG, WebP, GIF…): draws it on a canvas,
 * reads its pixels and hands them to jsQR. Throws a {@link QrImageError} that says what
 * to do when the file is not an image or holds no readable code.
 */
export async function readQrImage(file: Blob): Promise<string> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new QrImageError('This file is not an image the browser can open. Pick a PNG or JPEG of the QR code.');
  }
  try {
    const size = decodeSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new QrImageError('This window cannot read images right now. Paste the link instead.');
    // White first: a transparent PNG's background would otherwise read as black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const text = decodeQrPixels(context.getImageData(0, 0, size.width, size.height));
    if (text === null)
      throw new QrImageError(
        'No QR code could be read in this image. Try a sharper, straight-on picture with the whole code in it, or paste the link.',
      );
    return text;
  } finally {
    bitmap.close();
  }
}
