/** What the campaign's asset store gives for one image. */
export interface AssetData {
  mime: string;
  /** `data:<mime>;base64,…` */
  dataUrl: string;
}

/** Looks up an image stored with the campaign; null when there is none with that id. */
export type AssetResolver = (assetId: string) => AssetData | null | Promise<AssetData | null>;

/** Largest image embedded in an email, as a data URL (about 3.7 MB of image). */
export const MAX_IMAGE_DATA_URL = 5 * 1024 * 1024;

/** The first bytes of each image format an email client can show. */
const signatures: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

/** The type of an image from its first bytes; null when it is not one an email can show. */
export function sniffImage(bytes: Uint8Array): string | null {
  if (bytes.byteLength < 12) return null;
  return Object.keys(signatures).find((mime) => signatures[mime](bytes)) ?? null;
}

/**
 * The data URL of a usable image, or why it cannot be used: a wrong type, a URL that is
 * not base64 image data, or bytes that are not the image they claim to be (a broken or
 * renamed file). Cheap: only the first bytes are decoded.
 */
export function checkImage(asset: AssetData | null): { ok: true; src: string } | { ok: false; reason: string } {
  if (!asset || typeof asset.dataUrl !== 'string' || typeof asset.mime !== 'string') {
    return { ok: false, reason: 'The image file is missing from this campaign; choose the image again.' };
  }
  if (asset.dataUrl.length > MAX_IMAGE_DATA_URL) {
    return { ok: false, reason: 'The image is too large for an email (over 3.5 MB); use a smaller one.' };
  }
  const match = /^data:(image\/[a-z+.-]+);base64,([A-Za-z0-9+/]+={0,2})$/.exec(asset.dataUrl);
  const check = match && Object.hasOwn(signatures, match[1]) ? signatures[match[1]] : undefined;
  if (!match || !check || match[1] !== asset.mime) {
    return { ok: false, reason: 'This image type cannot be shown in emails; use a PNG, JPEG, GIF or WebP file.' };
  }
  const head = Uint8Array.from(Buffer.from(match[2].slice(0, 24), 'base64'));
  if (!check(head)) return { ok: false, reason: 'The image file is damaged and cannot be shown; choose it again.' };
  return { ok: true, src: asset.dataUrl };
}
