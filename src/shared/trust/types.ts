/**
 * What the trust channels answer: certificates, their verification, the status of each
 * email, the signing key's state and the team address book. Plain serialisable data;
 * no private key ever appears in any of these.
 */

/** The badge of one email: signed and unchanged, changed since, never signed, revoked, expired. */
export type TrustBadge = 'verified' | 'modified' | 'unsigned' | 'revoked' | 'expired';

/** Which signer made (or should make) a certificate. */
export type SignerKind = 'local' | 'walletconnect';

/** The fields a Maily certificate signs (the EAS schema's data). */
export interface CertificateFields {
  /** keccak256 of the email's canonical form (`canonical.ts`), 0x + 64 hex. */
  contentHash: string;
  campaignId: string;
  emailId: string;
  versionLabel: string;
  /** The display name the signer gave when signing (their claim; see `SignerIdentity`). */
  signerName: string;
  /** The renderer version the canonical form names. */
  rendererVersion: string;
}

/** A signed revocation of a certificate, by the certificate's own signer. */
export interface RevocationView {
  uid: string;
  reason: string;
  /** Milliseconds since the epoch. */
  revokedAt: number;
  /** The address that signed the revocation (always the certificate's signer when accepted). */
  by: string;
}

/** One certificate, decoded and checked (its signature is valid). */
export interface CertificateView extends CertificateFields {
  /** The EAS offchain attestation UID, 0x + 64 hex. */
  uid: string;
  /** The checksummed address that signed it. */
  signer: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** Milliseconds since the epoch, or null when it never expires. */
  expiresAt: number | null;
  revocation: RevocationView | null;
  /** The verify link (`https://maily.app/verify#…`) carrying the certificate and its revocation. */
  link: string;
}

/** Who a signer is to this workspace. */
export interface SignerIdentity {
  address: string;
  /** The name from the team address book, or null when the address is unknown here. */
  knownAs: string | null;
  /** Where `knownAs` comes from: set by a teammate by hand, or learnt from a verified certificate. */
  source: 'manual' | 'certificate' | null;
}

/** Why a link, payload or file is not an acceptable certificate. */
export type VerifyFailureReason =
  | 'empty'
  | 'truncated'
  | 'corrupt'
  | 'not-maily'
  | 'other-chain'
  | 'other-contract'
  | 'other-schema'
  | 'forged'
  | 'bad-revocation';

/** How the signed content compares to the email here. */
export type ContentCheck =
  /** The email here has exactly the signed content. */
  | 'matches'
  /** The email here changed since it was signed. */
  | 'modified'
  /** The campaign or email is not in this workspace, so only the signature was checked. */
  | 'unknown';

/** The answer of `trust:verify`: valid (with what holds) or refused with a named reason. */
export type Verification =
  | {
      ok: true;
      certificate: CertificateView;
      signer: SignerIdentity;
      content: ContentCheck;
      expired: boolean;
      /** The badge this certificate gives its email now. */
      status: TrustBadge;
      /** One sentence for the designer, e.g. “Signed by Ana (0x12…), content modified since signing.” */
      summary: string;
      /** What was carried along but ignored (a revocation not signed by the certificate's signer, say). */
      warnings?: string[];
    }
  | { ok: false; reason: VerifyFailureReason; message: string };

/** An entry of a campaign's trust maps that could not be read (a teammate's doc may hold anything). */
export interface TrustProblem {
  /** The key of the entry in the campaign's `trust` or `trustRevocations` map (capped). */
  key: string;
  reason: VerifyFailureReason;
  message: string;
}

/** The badge of one email, and the certificate it comes from. */
export interface EmailTrust {
  emailId: string;
  status: TrustBadge;
  /** The certificate behind the badge (the newest valid one), null when unsigned. */
  certificate: CertificateView | null;
  signer: SignerIdentity | null;
  /** How many valid certificates this email has. */
  count: number;
}

/** Badges for every Email node of a campaign, plus what in its trust maps was skipped. */
export interface CampaignTrust {
  campaignId: string;
  /** Keyed by email id (every Email step of the journey). */
  emails: Record<string, EmailTrust>;
  problems: TrustProblem[];
}

/** A campaign's certificates (valid ones only) and what in its trust maps was skipped. */
export interface CertificateList {
  campaignId: string;
  certificates: CertificateView[];
  problems: TrustProblem[];
}

/** The local signing key's state. */
export interface KeyStatus {
  /** `none`: no key yet; `locked`: stored encrypted, unlock with the passphrase; `unlocked`: ready to sign. */
  state: 'none' | 'locked' | 'unlocked';
  /** The key's address (known even while locked), or null without a key. */
  address: string | null;
  /** How the key is kept: an OS-keychain-protected file (desktop) or a passphrase keystore (headless). */
  vault: 'safeStorage' | 'keystore';
  /** True when creating, importing and unlocking need a passphrase (the keystore vault). */
  needsPassphrase: boolean;
}

/** One name in a team's address book. */
export interface AddressEntry {
  teamId: string;
  /** Checksummed address. */
  address: string;
  name: string;
  /** `manual`: a teammate typed it; `certificate`: learnt from the signer name of a verified certificate. */
  source: 'manual' | 'certificate';
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/** A QR code of a certificate's link, ready for an `<img>`. */
export interface CertificateQr {
  uid: string;
  link: string;
  /** `data:image/png;base64,…` */
  dataUrl: string;
}

/** A certificate file: EAS's shareable package JSON plus Maily's revocation, if any. */
export interface CertificateFile {
  fileName: string;
  /** The file's JSON text (see `trust:exportFile`). */
  text: string;
}
