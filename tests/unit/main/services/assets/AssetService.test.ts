import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AssetService } from '../../../../../src/main/services/assets/AssetService';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { Database } from '../../../../../src/main/services/storage/Database';
import { migrations } from '../../../../../src/main/services/storage/migrations';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let db: Database | undefined;
afterEach(() => db?.dispose());

function open(file = join(mkdtempSync(join(tmpdir(), 'maily-assets-')), 'w.sqlite')) {
  db = new Database(file);
  return { db, assets: new AssetService(db), campaigns: new CampaignService(db), file };
}

describe('AssetService', () => {
  it('stores a real image and resolves it as a data URL', async () => {
    const { assets, campaigns } = open();
    const campaign = campaigns.create('With images');
    const info = assets.add(campaign.id, 'logo.png', PNG);
    expect(info).toMatchObject({ name: 'logo.png', mime: 'image/png', bytes: PNG.byteLength });
    expect((await assets.resolver(campaign.id)(info.id))?.dataUrl).toBe(
      `data:image/png;base64,${PNG.toString('base64')}`,
    );
    expect(await assets.resolver(campaign.id)('nope')).toBeNull();
  });

  it('refuses files that are not images, whatever their name, and unknown campaigns', () => {
    const { assets, campaigns } = open();
    const campaign = campaigns.create('x');
    expect(() => assets.add(campaign.id, 'photo.jpg', Buffer.from('<svg onload=alert(1)>...'))).toThrow(/not a PNG/);
    expect(() => assets.add(campaign.id, 'tiny.png', PNG.subarray(0, 8))).toThrow(/damaged/);
    expect(() => assets.add('missing', 'logo.png', PNG)).toThrow(/no longer exists/);
  });

  it('reads a damaged row as missing instead of serving it', async () => {
    const { db, assets, campaigns } = open();
    const campaign = campaigns.create('x');
    const info = assets.add(campaign.id, 'logo.png', PNG);
    db.sqlite.prepare('UPDATE assets SET data = randomblob(80) WHERE id = ?').run(info.id);
    expect(await assets.resolver(campaign.id)(info.id)).toBeNull();
  });

  it('upgrades a version 1 workspace, keeping its campaigns', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'maily-v1-')), 'w.sqlite');
    const v1 = new Database(file, { migrations: migrations.slice(0, 1) });
    // Written as version 1 wrote it: today's CampaignService reads columns added later.
    v1.sqlite.prepare("INSERT INTO campaigns VALUES ('old', 'Old campaign', 1, 1, NULL)").run();
    v1.dispose();
    const { campaigns, db } = open(file);
    expect(db.schemaVersion).toBe(migrations.length);
    expect(campaigns.list().map((c) => c.name)).toEqual(['Old campaign']);
  });
});
