import type { Provider, Signer } from 'ethers';
import QRCode from 'qrcode';
import * as Y from 'yjs';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { nodesMap, readNode } from '../../../shared/journey/ydoc';
import {
  RENDERER_VERSION,
  emailContentHash,
  readCanonicalEmail,
  hashCanonicalEmail,
} from '../../../shared/trust/canonical';
import { MAX_NAME_CHARS } from '../../../shared/trust/constants';
import { certificatesMap, revocationsMap, REVOCATIONS_KEY, TRUST_KEY } from '../../../shared/trust/trustDoc';
import type {
  AddressEntry,
  CampaignTrust,
  CertificateFile,
  CertificateList,
  CertificateQr,
  CertificateView,
  EmailTrust,
  KeyStatus,
  SignerKind,
} from '../../../shared/trust/types';
import type { DocService } from '../docs/DocService';
import type { AddressBook } from './AddressBook';
import { certificateFromSignedTypedData, decodeFields, signCertificate } from './certificate';
import { EntryChecker, viewOf, type StoredCertificate } from './checkEntries';
import type { KeySecret, LocalKey } from './LocalKey';
import { certificateFileText, encodePayload } from './payload';
import { signRevocation } from './revocation';
import { emailBadge } from './trustStatus';
import type { TypedDataSigner } from './TypedDataSigner';
import { verifyInput, type VerifyContext } from './verify';

/** The doc origin of the trust service's writes. */
export const TRUST_ORIGIN = 'trust';

export interface TrustServiceOptions {
  docs: Pick<DocService, 'read' | 'applyUpdate' | 'onUpdate'>;
  /** The campaign's team (its address book), or null for a private campaign; throws E_NOT_FOUND when unknown. */
  teamOf: (campaignId: string) => string | null;
  /** Whether a team is on this device (for the address book). */
  hasTeam: (teamId: string) => boolean;
  addressBook: AddressBook;
  localKey: LocalKey;
  /** Who signs: the local key, and the WalletConnect wallet once it is set up. */
  signers: { local: () => TypedDataSigner; walletconnect?: () => TypedDataSigner };
  /** The name a certificate carries by default: the designer's profile name. */
  signerName: () => string;
  /** Defaults to `Date.now`. */
  now?: () => number;
  /** The renderer version the canonical form names. Defaults to {@link RENDERER_VERSION}. */
  rendererVersion?: string;
}

/** The sign request, as the contract validated it. */
export interface SignRequest {
  campaignId: string;
  emailId: string;
  versionLabel: string;
  expiresAt?: number;
  signer: SignerKind;
  signerName?: string;
}

/**
 * Trust certificates: signs email versions (EAS offchain attestations, `certificate.ts`)
 * with the local key or a wallet, stores them and their revocations in the campaign's
 * Y.Doc (so they sync to teammates), verifies links offline and computes each email's
 * badge. The private key stays in {@link LocalKey}; nothing here returns it.
 */
export class TrustService {
  readonly #o: TrustServiceOptions;
  readonly #now: () => number;
  readonly #renderer: string;
  readonly #checker = new EntryChecker();
  readonly #listeners = new Set<(change: { campaignId: string }) => void>();
  readonly #offDocs: () => void;

  constructor(options: TrustServiceOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#renderer = options.rendererVersion ?? RENDERER_VERSION;
    this.#offDocs = options.docs.onUpdate((campaignId, update, origin) => {
      if (origin === TRUST_ORIGIN || touchesTrustMaps(update)) this.#emit(campaignId);
    });
  }

  // ------------------------------------------------------------ the local key

  keyStatus(): KeyStatus {
    return this.#o.localKey.status();
  }
  createKey(passphrase?: string, replace?: boolean): Promise<KeyStatus> {
    return this.#o.localKey.create(passphrase, replace);
  }
  importKey(secret: KeySecret, passphrase?: string, replace?: boolean): Promise<KeyStatus> {
    return this.#o.localKey.import(secret, passphrase, replace);
  }
  unlock(passphrase: string): Promise<KeyStatus> {
    return this.#o.localKey.unlock(passphrase);
  }
  lock(): KeyStatus {
    return this.#o.localKey.lock();
  }
  onKeyChanged(listener: (status: KeyStatus) => void): () => void {
    return this.#o.localKey.onChanged(listener);
  }
  /** The local key as an ethers Signer on `provider` (chain anchoring); it never leaves the main process. */
  localChainSigner(provider: Provider): Promise<Signer> {
    return this.#o.localKey.connect(provider);
  }

  // ------------------------------------------------------------ certificates

  /** Signs the email as it is now and stores the certificate in the campaign. */
  async sign(request: SignRequest, signal?: AbortSignal): Promise<CertificateView> {
    const now = this.#now();
    if (request.expiresAt !== undefined && request.expiresAt <= now)
      throw new MailyError(ErrorCode.InvalidInput, 'Choose an expiry in the future.');
    const email = this.#o.docs.read(request.campaignId, (doc) =>
      readCanonicalEmail(doc, request.emailId, this.#renderer),
    );
    if (!email)
      throw new MailyError(
        ErrorCode.NotFound,
        'This email step no longer exists in the campaign; it may have been deleted.',
      );
    const signerName =
      (request.signerName ?? this.#o.signerName()).trim().slice(0, MAX_NAME_CHARS) || 'Unnamed designer';
    const fields = {
      contentHash: hashCanonicalEmail(email),
      campaignId: request.campaignId,
      emailId: request.emailId,
      versionLabel: request.versionLabel,
      signerName,
      rendererVersion: this.#renderer,
    };
    const signer = this.#signer(request.signer);
    const pkg = await signCertificate(fields, { issuedAt: now, expiresAt: request.expiresAt ?? null }, signer, signal);
    const payload = encodePayload(pkg);
    this.#write(request.campaignId, TRUST_KEY, pkg.sig.uid, payload);
    return this.#find(request.campaignId, pkg.sig.uid).view;
  }

  /**
   * Stores a certificate the wallet signed for a request queued while offline whose
   * caller is gone (the host restarted meanwhile). Null when it is not a certificate, its
   * campaign is not here, or it is stored already.
   */
  async adoptWalletSignature(typedData: string, signature: string, address: string): Promise<CertificateView | null> {
    const pkg = await certificateFromSignedTypedData(typedData, signature, address).catch(() => null);
    if (!pkg) return null;
    const fields = decodeFields(pkg.sig.message.data);
    if (!fields) return null;
    let exists: boolean;
    try {
      exists = this.#o.docs.read(fields.campaignId, (doc) => certificatesMap(doc).has(pkg.sig.uid));
    } catch {
      return null; // the campaign is not on this device (any more)
    }
    if (exists) return null;
    this.#write(fields.campaignId, TRUST_KEY, pkg.sig.uid, encodePayload(pkg));
    return this.#find(fields.campaignId, pkg.sig.uid).view;
  }

  /** Revokes a certificate with its signer's key (the local key when it signed, else the wallet). */
  async revoke(campaignId: string, uid: string, reason: string, kind?: SignerKind): Promise<CertificateView> {
    const { certificate } = this.#find(campaignId, uid);
    if (certificate.revocation) throw new MailyError(ErrorCode.InvalidInput, 'This certificate is already revoked.');
    const signer = await this.#revoker(certificate.signer, kind);
    const compact = await signRevocation(certificate.uid, reason, this.#now(), signer);
    this.#write(campaignId, REVOCATIONS_KEY, certificate.uid, JSON.stringify(compact));
    return this.#find(campaignId, uid).view;
  }

  list(campaignId: string): CertificateList {
    const { certificates, problems } = this.#entries(campaignId);
    const views = certificates
      .map((c) => viewOf(c, c.revocation, c.compactRevocation, c.payload))
      .sort((a, b) => b.issuedAt - a.issuedAt);
    return { campaignId, certificates: views, problems };
  }

  /** The badge of every Email step of a campaign; cheap enough for every change (signatures are checked once). */
  campaignStatus(campaignId: string): CampaignTrust {
    const now = this.#now();
    const teamId = this.#o.teamOf(campaignId);
    return this.#o.docs.read(campaignId, (doc) => {
      const { certificates, problems } = this.#checker.check(doc, campaignId);
      this.#learn(teamId, certificates);
      const byEmail = new Map<string, StoredCertificate[]>();
      for (const c of certificates) byEmail.set(c.fields.emailId, [...(byEmail.get(c.fields.emailId) ?? []), c]);
      const emails: Record<string, EmailTrust> = {};
      nodesMap(doc).forEach((value, id) => {
        if (readNode(id, value)?.kind !== 'email') return;
        const mine = byEmail.get(id) ?? [];
        const hash = mine.length > 0 ? emailContentHash(doc, id, this.#renderer) : null;
        const { status, certificate } = emailBadge(mine, hash, now);
        emails[id] = {
          emailId: id,
          status,
          certificate:
            certificate &&
            viewOf(certificate, certificate.revocation, certificate.compactRevocation, certificate.payload),
          signer: certificate && this.#o.addressBook.identify(certificate.signer, teamId),
          count: mine.length,
        };
      });
      return { campaignId, emails, problems };
    });
  }

  /** Verifies a pasted link, payload or certificate file, offline. Never throws on what it is given. */
  verify(input: string) {
    return verifyInput(input, this.#verifyContext());
  }

  async qr(campaignId: string, uid: string): Promise<CertificateQr> {
    const { view } = this.#find(campaignId, uid);
    const dataUrl = await QRCode.toDataURL(view.link, { errorCorrectionLevel: 'M', margin: 4, scale: 4 });
    return { uid: view.uid, link: view.link, dataUrl };
  }

  exportFile(campaignId: string, uid: string): CertificateFile {
    const { certificate, view } = this.#find(campaignId, uid);
    const label =
      view.versionLabel
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'email';
    return {
      fileName: `maily-certificate-${label}-${view.uid.slice(2, 10)}.json`,
      text: certificateFileText(certificate.pkg, view.link, certificate.compactRevocation),
    };
  }

  // ------------------------------------------------------------ the address book

  addressBook(teamId: string): AddressEntry[] {
    this.#team(teamId);
    return this.#o.addressBook.list(teamId);
  }
  setName(teamId: string, address: string, name: string): AddressEntry {
    this.#team(teamId);
    return this.#o.addressBook.set(teamId, address, name);
  }
  removeName(teamId: string, address: string): { teamId: string; address: string } {
    this.#team(teamId);
    this.#o.addressBook.remove(teamId, address);
    return { teamId, address };
  }

  /** A campaign's certificates or revocations changed (signed here, or arrived from a teammate). */
  onChanged(listener: (change: { campaignId: string }) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#offDocs();
    this.#listeners.clear();
    this.#o.localKey.dispose();
  }

  // ------------------------------------------------------------ internals

  #signer(kind: SignerKind): TypedDataSigner {
    if (kind === 'local') return this.#o.signers.local();
    const wallet = this.#o.signers.walletconnect;
    if (!wallet)
      throw new MailyError(ErrorCode.NotFound, 'WalletConnect is not set up on this device; sign with the local key.');
    return wallet();
  }

  /**
   * The signer that may revoke: `kind` when given, else the local key when it is the
   * certificate's signer, else the wallet. Anyone else is refused.
   */
  async #revoker(certificateSigner: string, kind?: SignerKind): Promise<TypedDataSigner> {
    const local = this.#o.localKey.status().address;
    const localSigns = local?.toLowerCase() === certificateSigner.toLowerCase();
    const chosen = kind ?? (localSigns || !this.#o.signers.walletconnect ? 'local' : 'walletconnect');
    const signer = this.#signer(chosen);
    let address: string | null = null;
    try {
      address = await signer.address();
    } catch (error) {
      // No key or no wallet session: when this signer cannot be the signer anyway, say who can.
      if (chosen === 'local' || kind) throw error;
    }
    if (address?.toLowerCase() !== certificateSigner.toLowerCase())
      throw new MailyError(
        ErrorCode.Unauthorized,
        `Only the certificate's signer (${certificateSigner}) can revoke it; ` +
          (address
            ? `this ${chosen === 'local' ? 'key' : 'wallet'} is ${address}.`
            : 'no connected wallet is that address.'),
      );
    return signer;
  }

  #entries(campaignId: string) {
    const teamId = this.#o.teamOf(campaignId);
    const entries = this.#o.docs.read(campaignId, (doc) => this.#checker.check(doc, campaignId));
    this.#learn(teamId, entries.certificates);
    return entries;
  }

  #find(campaignId: string, uid: string): { certificate: StoredCertificate; view: CertificateView } {
    const certificate = this.#entries(campaignId).certificates.find((c) => c.uid === uid.toLowerCase());
    if (!certificate) throw new MailyError(ErrorCode.NotFound, 'This certificate is not in the campaign (any more).');
    return {
      certificate,
      view: viewOf(certificate, certificate.revocation, certificate.compactRevocation, certificate.payload),
    };
  }

  /** Sets one entry of a trust map through the doc service (stored, then sent to open windows and peers). */
  #write(campaignId: string, mapName: string, key: string, value: string): void {
    // A fresh doc's update that sets a key of a root map applies to the campaign's doc as is.
    const scratch = new Y.Doc();
    (mapName === TRUST_KEY ? certificatesMap(scratch) : revocationsMap(scratch)).set(key, value);
    this.#o.docs.applyUpdate(campaignId, Y.encodeStateAsUpdate(scratch), TRUST_ORIGIN);
    scratch.destroy();
  }

  /** Learns the signer names of verified certificates of a team campaign into the team's book. */
  #learn(teamId: string | null, certificates: readonly StoredCertificate[]): void {
    if (!teamId) return;
    for (const c of certificates) this.#o.addressBook.learn(teamId, c.signer, c.fields.signerName);
  }

  #team(teamId: string): void {
    if (!this.#o.hasTeam(teamId))
      throw new MailyError(
        ErrorCode.NotFound,
        'This team is not on this device any more. Join it again from an invite.',
      );
  }

  #verifyContext(): VerifyContext {
    return {
      now: this.#now(),
      identify: (address, teamId) => this.#o.addressBook.identify(address, teamId),
      currentHash: (campaignId, emailId) => {
        try {
          return {
            teamId: this.#o.teamOf(campaignId),
            hash: this.#o.docs.read(campaignId, (doc) => emailContentHash(doc, emailId, this.#renderer)),
          };
        } catch {
          return null; // the campaign is not in this workspace (or in the trash): content cannot be compared
        }
      },
    };
  }

  #emit(campaignId: string): void {
    for (const listener of [...this.#listeners]) listener({ campaignId });
  }
}

/** True when an update writes or deletes entries of the trust maps (a teammate signed or revoked). */
function touchesTrustMaps(update: Uint8Array): boolean {
  try {
    const { structs } = Y.decodeUpdate(update);
    // In a decoded update, an entry of a root map names its map by key (a string).
    const roots: unknown[] = [TRUST_KEY, REVOCATIONS_KEY];
    return structs.some((s) => s instanceof Y.Item && roots.includes(s.parent));
  } catch {
    return false; // the doc service refuses updates that do not decode; nothing to announce
  }
}
