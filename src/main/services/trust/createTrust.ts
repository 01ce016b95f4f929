import type { Database } from '../storage/Database';
import type { DocService } from '../docs/DocService';
import { AddressBook } from './AddressBook';
import type { KeyVault } from './KeyVault';
import { KeystoreVault } from './KeystoreVault';
import { LocalKey } from './LocalKey';
import { TrustService } from './TrustService';
import type { TypedDataSigner } from './TypedDataSigner';

export interface TrustDeps {
  database: Database;
  docs: DocService;
  campaigns: { get(id: string): { teamId: string | null } };
  teams: { list(): { id: string }[] };
  profile: { get(): { name: string } };
  /** Where the local key is kept. Defaults to a passphrase keystore at `keystoreFile`. */
  keyVault?: KeyVault;
  /** The headless host's keystore file (beside the workspace database). */
  keystoreFile: string;
  /** The WalletConnect wallet's signer, when the wallet service offers one. */
  walletSigner?: () => TypedDataSigner;
}

/**
 * The scrypt cost of a new keystore: `MAILY_KEYSTORE_SCRYPT_N` (a power of 2; tests set a
 * small one so they run fast), else ethers' default 2^17.
 */
function scryptN(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.MAILY_KEYSTORE_SCRYPT_N);
  return Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0 ? n : undefined;
}

/** Builds the trust service on the workspace's services. */
export function createTrust(deps: TrustDeps): TrustService {
  const localKey = new LocalKey(deps.keyVault ?? new KeystoreVault(deps.keystoreFile, { scryptN: scryptN() }));
  return new TrustService({
    docs: deps.docs,
    teamOf: (campaignId) => deps.campaigns.get(campaignId).teamId,
    hasTeam: (teamId) => deps.teams.list().some((team) => team.id === teamId),
    addressBook: new AddressBook(deps.database),
    localKey,
    signers: { local: () => localKey.signer(), walletconnect: deps.walletSigner },
    signerName: () => deps.profile.get().name,
  });
}
