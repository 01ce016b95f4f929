import { join } from 'node:path';
import * as Y from 'yjs';
import { AddressBook } from '../../../../../src/main/services/trust/AddressBook';
import { KeystoreVault } from '../../../../../src/main/services/trust/KeystoreVault';
import { LocalKey } from '../../../../../src/main/services/trust/LocalKey';
import { TrustService } from '../../../../../src/main/services/trust/TrustService';
import type { TypedDataSigner } from '../../../../../src/main/services/trust/TypedDataSigner';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../../../../src/main/services/docs/DocService';
import type { Database } from '../../../../../src/main/services/storage/Database';
import { tempWorkspace, type TempWorkspace } from '../helpers';
import { emailDoc } from '../../../shared/trust/emailFixture';

export const TEAM_ID = 'team_abcdefgh';

/** A workspace with one shared campaign holding one Email step, and a trust service on it. */
export interface Harness {
  ws: TempWorkspace;
  db: Database;
  docs: DocService;
  campaigns: CampaignService;
  trust: TrustService;
  localKey: LocalKey;
  campaignId: string;
  emailId: string;
  clock: { now: number };
  keystoreFile: string;
  dispose(): void;
}

export function harness(options: { name?: string; ws?: TempWorkspace; walletconnect?: TypedDataSigner } = {}): Harness {
  const ws = options.ws ?? tempWorkspace();
  const db = ws.open();
  const clock = { now: 1_764_583_000_000 };
  const now = () => clock.now;
  const docs = new DocService(db, { now });
  const campaigns = new CampaignService(db, { now });
  db.sqlite
    .prepare('INSERT INTO teams (id, name, created_at, signaling, ice_servers, key_id) VALUES (?, ?, ?, ?, ?, ?)')
    .run(TEAM_ID, 'Growth', 1, '[]', '[]', 'k1');
  const campaignId = campaigns.create('Welcome').id;
  const { doc, emailId } = emailDoc();
  docs.applyUpdate(campaignId, Y.encodeStateAsUpdate(doc), 'ui');
  const keystoreFile = join(ws.dir, 'signing-key.json');
  const localKey = new LocalKey(new KeystoreVault(keystoreFile, { scryptN: 2 ** 10 }));
  const trust = new TrustService({
    docs,
    teamOf: (id) => {
      campaigns.get(id); // E_NOT_FOUND for a campaign that is not here
      return TEAM_ID;
    },
    hasTeam: (id) => id === TEAM_ID,
    addressBook: new AddressBook(db, now),
    localKey,
    signers: {
      local: () => localKey.signer(),
      walletconnect: options.walletconnect && (() => options.walletconnect!),
    },
    signerName: () => options.name ?? 'Alice Designer',
    now,
  });
  return {
    ws,
    db,
    docs,
    campaigns,
    trust,
    localKey,
    campaignId,
    emailId,
    clock,
    keystoreFile,
    dispose() {
      trust.dispose();
      docs.dispose();
      ws.cleanup();
    },
  };
}

/** Applies `edit` to a copy of the campaign's doc and stores the resulting update (as a window would). */
export function editDoc(h: Harness, edit: (doc: Y.Doc) => void, origin: unknown = 'ui'): void {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, h.docs.open(h.campaignId).state);
  const before = Y.encodeStateVector(copy);
  edit(copy);
  h.docs.applyUpdate(h.campaignId, Y.encodeStateAsUpdate(copy, before), origin);
}
