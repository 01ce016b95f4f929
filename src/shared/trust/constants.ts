import { ZeroAddress, solidityPackedKeccak256 } from 'ethers';

/**
 * The fixed identity of a Maily certificate. A certificate is an Ethereum Attestation
 * Service (EAS) offchain attestation (version 2, with salt) whose EIP-712 domain and
 * schema are these constants; one signed for another chain, another EAS contract or
 * another schema is refused by name, never accepted. Certificates are never sent to a
 * chain: the chain id and contract only fix the domain (they are EAS's Sepolia
 * deployment, so EAS tools such as easscan can read and check them too).
 */

/** EIP-712 domain `chainId`: Ethereum Sepolia. */
export const TRUST_CHAIN_ID = 11155111;
/** EIP-712 domain `verifyingContract`: the EAS contract on Sepolia. */
export const TRUST_EAS_CONTRACT = '0xC2679fBD37d54388Ce493F1DB75320D236e1815e';
/** EIP-712 domain `version` of that EAS deployment (its name is `EAS Attestation`). */
export const TRUST_EAS_VERSION = '0.26';
/** The EAS schema of a Maily certificate (ABI types of its data, in this order). */
export const TRUST_SCHEMA =
  'bytes32 contentHash,string campaignId,string emailId,string versionLabel,string signerName,string rendererVersion';
/** The schema is registered revocable, without a resolver. */
export const TRUST_SCHEMA_REVOCABLE = true;
/** The schema's EAS UID: keccak256(abi.encodePacked(schema, resolver = 0x0, revocable)). */
export const TRUST_SCHEMA_UID = solidityPackedKeccak256(
  ['string', 'address', 'bool'],
  [TRUST_SCHEMA, ZeroAddress, TRUST_SCHEMA_REVOCABLE],
);

/**
 * The EIP-712 revocation a certificate's signer signs: domain `Maily Revocation`,
 * version 1, the same chain id and contract; type `Revoke(bytes32 uid,string reason,uint64 time)`.
 */
export const REVOCATION_DOMAIN_NAME = 'Maily Revocation';
export const REVOCATION_DOMAIN_VERSION = '1';
export const REVOCATION_TYPES = {
  Revoke: [
    { name: 'uid', type: 'bytes32' },
    { name: 'reason', type: 'string' },
    { name: 'time', type: 'uint64' },
  ],
};

/** Where a certificate link points: the payload goes in the fragment, never to a server. */
export const VERIFY_URL = 'https://maily.app/verify#';
/** The same link for the desktop app's protocol handler. */
export const VERIFY_APP_URL = 'maily://verify#';

/** Most characters of a link, payload or certificate file accepted for verifying. */
export const MAX_LINK_CHARS = 16_000;
/** Most characters in a version label, a revocation reason, a signer or address-book name. */
export const MAX_LABEL_CHARS = 120;
export const MAX_REASON_CHARS = 500;
export const MAX_NAME_CHARS = 60;
