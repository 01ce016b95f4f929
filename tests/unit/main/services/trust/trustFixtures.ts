import { Wallet, type TypedDataDomain, type TypedDataField } from 'ethers';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import type { TypedDataSigner } from '../../../../../src/main/services/trust/TypedDataSigner';
import type { CertificateFields } from '../../../../../src/shared/trust/types';

/** Fixed keys, so failures are reproducible (never real funds: test-only keys). */
export const aliceKey = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
export const malloryKey = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';

/** A {@link TypedDataSigner} over an ethers wallet, as a test's stand-in for any signer. */
export function walletSigner(key: string, kind: TypedDataSigner['kind'] = 'local'): TypedDataSigner {
  const wallet = new Wallet(key);
  return {
    kind,
    address: async () => wallet.address,
    signTypedData: (domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>) =>
      wallet.signTypedData(domain, types, value),
  };
}

export const fields: CertificateFields = {
  contentHash: `0x${'ab'.repeat(32)}`,
  campaignId: 'camp_1',
  emailId: 'email_1',
  versionLabel: 'Final for client',
  signerName: 'Alice Designer',
  rendererVersion: 'maily-mjml/1',
};

/**
 * Renders `text` as a QR code into an RGBA pixel buffer (black modules on white, `scale`
 * px per module, a 4-module quiet zone) and decodes it back with jsQR, as a camera would.
 */
export function qrRoundTrip(text: string, scale = 3): string | null {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = (modules.size + quiet * 2) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((row + quiet) * scale + dy) * size + (col + quiet) * scale + dx) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
      }
    }
  }
  return jsQR(pixels, size, size)?.data ?? null;
}
