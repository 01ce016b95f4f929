import { createRequire } from 'node:module';
import type * as Eas from '@ethereum-attestation-service/eas-sdk';

/**
 * The parts of `@ethereum-attestation-service/eas-sdk` (2.x, on ethers 6) the
 * certificates use. Its ESM build fails to load on Node 20, so the CommonJS build is
 * required; it is loaded on first use (~0.5 s: the index pulls in viem), not at start-up.
 */
export type EasSdk = Pick<
  typeof Eas,
  | 'Offchain'
  | 'OffchainAttestationVersion'
  | 'SchemaEncoder'
  | 'compactOffchainAttestationPackage'
  | 'uncompactOffchainAttestationPackage'
>;

let loaded: EasSdk | null = null;

/** The EAS SDK, loaded once. */
export function easSdk(): EasSdk {
  loaded ??= createRequire(import.meta.url)('@ethereum-attestation-service/eas-sdk') as EasSdk;
  return loaded;
}

export type {
  SignedOffchainAttestation,
  AttestationShareablePackageObject,
} from '@ethereum-attestation-service/eas-sdk';
