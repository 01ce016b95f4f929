import { createHash, randomBytes } from 'node:crypto';
import type { AssetInfo } from '../../../shared/api/dto';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { sniffImage, type AssetData, type AssetResolver } from '../email/imageAsset';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';

interface AssetRow {
  mime: string;
  data: Uint8Array;
  checksum: Uint8Array;
}

/**
 * Images stored with a campaign, in the workspace database, so a campaign carries its
 * images with it. Files are checked by content: a broken or renamed file is refused with
 * a message that says what to do.
 */
export class AssetService {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Stores an image for `campaignId`. Throws E_INVALID_INPUT for anything that is not a usable image. */
  add(campaignId: string, name: string, data: Uint8Array): AssetInfo {
    const mime = sniffImage(data);
    if (!mime) {
      throw new MailyError(
        ErrorCode.InvalidInput,
        `“${name}” is not a PNG, JPEG, GIF or WebP image (or the file is damaged). Choose another file.`,
      );
    }
    const id = randomBytes(12).toString('base64url');
    try {
      const exists = this.#db.sqlite
        .prepare('SELECT 1 FROM campaigns WHERE id = ? AND trashed_at IS NULL')
        .get(campaignId);
      if (!exists) throw new MailyError(ErrorCode.NotFound, 'This campaign no longer exists or is in the trash.');
      this.#db.sqlite
        .prepare(
          'INSERT INTO assets (campaign_id, id, name, mime, data, checksum, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(campaignId, id, name, mime, data, digest(data), Date.now());
    } catch (error) {
      if (error instanceof MailyError) throw error;
      throw storageError(error, 'store this image');
    }
    return { id, name, mime, bytes: data.byteLength };
  }

  /** Finds a campaign's images for rendering; a damaged row reads as missing. */
  resolver(campaignId: string): AssetResolver {
    const select = this.#db.sqlite.prepare('SELECT mime, data, checksum FROM assets WHERE campaign_id = ? AND id = ?');
    return (assetId: string): AssetData | null => {
      const row = select.get(campaignId, assetId) as AssetRow | undefined;
      if (!row || !Buffer.from(digest(row.data)).equals(Buffer.from(row.checksum))) return null;
      return { mime: row.mime, dataUrl: `data:${row.mime};base64,${Buffer.from(row.data).toString('base64')}` };
    };
  }
}

function digest(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}
