/** Most bytes of a certificate file read (a certificate is a few KB). */
const maxFileBytes = 64 * 1024;
/** Most bytes of an image decoded. */
const maxImageBytes = 20 * 1024 * 1024;

/** Why a picked or dropped file gave nothing to verify, written for the designer. */
export class VerifyInputError extends Error {}

/** Whether `file` is an image to decode as a QR code (by type, or by name when the type is missing). */
export function isImageFile(file: { type: string; name: string }): boolean {
  return file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|bmp)$/i.test(file.name);
}

/**
 * The text to verify from a picked or dropped file: a QR image is decoded here, a
 * certificate file is read as text. Throws {@link VerifyInputError} saying what to do.
 */
export async function readVerifyInput(file: File): Promise<{ text: string; from: 'qr' | 'file' }> {
  if (isImageFile(file)) {
    if (file.size > maxImageBytes) throw new VerifyInputError('This image is over 20 MB; use a smaller picture.');
    // jsQR is loaded only when an image is to be decoded, not with the first screen.
    const { QrImageError, readQrImage } = await import('./qrImage');
    try {
      return { text: await readQrImage(file), from: 'qr' };
    } catch (error) {
      if (error instanceof QrImageError) throw new VerifyInputError(error.message);
      throw error;
    }
  }
  if (file.size > maxFileBytes)
    throw new VerifyInputError(
      'This file is too big to be a Maily certificate (they are a few KB). Pick the .json certificate file.',
    );
  return { text: await file.text(), from: 'file' };
}
