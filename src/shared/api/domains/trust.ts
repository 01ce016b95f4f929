import { z } from 'zod';
import { MAX_LABEL_CHARS, MAX_LINK_CHARS, MAX_NAME_CHARS, MAX_REASON_CHARS } from '../../trust/constants';
import type {
  AddressEntry,
  CampaignTrust,
  CertificateFile,
  CertificateList,
  CertificateQr,
  CertificateView,
  KeyStatus,
  Verification,
} from '../../trust/types';
import { id, request, returns } from '../define';

/**
 * The trust channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`): the local signing key, signing and revoking
 * certificates of email versions, verifying links, badges and the team address book.
 * No channel ever returns a private key.
 */

const teamId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid team id');
const uid = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'Not a certificate id');
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'An address is 0x followed by 40 hex digits');
/** A keystore passphrase (the headless host's vault needs one; the desktop's keychain does not). */
const passphrase = z.string().min(8, 'Use a passphrase of at least 8 characters').max(1_024);
const privateKey = z
  .string()
  .trim()
  .regex(/^(0x)?[0-9a-fA-F]{64}$/, 'A private key is 64 hex digits, optionally after 0x');
const mnemonic = z
  .string()
  .trim()
  .min(1)
  .max(1_000)
  .regex(/^[a-z]+( [a-z]+){11,23}$/, 'A recovery phrase is 12 to 24 lowercase words');

export const trustRequests = {
  'trust:keyStatus': request(z.object({}), returns<KeyStatus>()),
  /** Makes a new local key (kept encrypted; the passphrase is required by the keystore vault). */
  'trust:createKey': request(
    // `replace`: replace a stored key (it is lost for good). Defaults to false: a stored key is refused.
    z.object({ passphrase: passphrase.optional(), replace: z.boolean().optional() }),
    returns<KeyStatus>(),
  ),
  /** Imports a key from its hex private key or its recovery phrase (`replace` as for `trust:createKey`). */
  'trust:importKey': request(
    z
      .object({
        privateKey: privateKey.optional(),
        mnemonic: mnemonic.optional(),
        passphrase: passphrase.optional(),
        replace: z.boolean().optional(),
      })
      .refine((v) => (v.privateKey === undefined) !== (v.mnemonic === undefined), {
        message: 'Give either a private key or a recovery phrase',
      }),
    returns<KeyStatus>(),
  ),
  'trust:unlock': request(z.object({ passphrase: z.string().min(1).max(1_024) }), returns<KeyStatus>()),
  'trust:lock': request(z.object({}), returns<KeyStatus>()),
  /** Signs the email as it is now and stores the certificate in the campaign (it syncs with it). */
  'trust:sign': request(
    z.object({
      campaignId: id,
      emailId: id,
      versionLabel: z.string().trim().min(1, 'Name this version').max(MAX_LABEL_CHARS),
      /** Milliseconds since the epoch; must be in the future. Defaults to never. */
      expiresAt: z.number().int().positive().optional(),
      signer: z.enum(['local', 'walletconnect']),
      /** The name the certificate carries. Defaults to the designer's profile name. */
      signerName: z.string().trim().min(1).max(MAX_NAME_CHARS).optional(),
    }),
    returns<CertificateView>(),
  ),
  'trust:list': request(z.object({ campaignId: id }), returns<CertificateList>()),
  'trust:campaignStatus': request(z.object({ campaignId: id }), returns<CampaignTrust>()),
  /** Revokes a certificate; only its signer's key (local or the same wallet) can. */
  'trust:revoke': request(
    z.object({
      campaignId: id,
      uid,
      reason: z.string().trim().min(1, 'Say why').max(MAX_REASON_CHARS),
      signer: z.enum(['local', 'walletconnect']).optional(),
    }),
    returns<CertificateView>(),
  ),
  /** Verifies a link (`https://maily.app/verify#…`, `maily://verify#…`), a bare payload or a certificate file's text. */
  'trust:verify': request(
    z.object({ link: z.string().max(MAX_LINK_CHARS, 'This is too long to be a Maily certificate') }),
    returns<Verification>(),
  ),
  'trust:qr': request(z.object({ campaignId: id, uid }), returns<CertificateQr>()),
  'trust:exportFile': request(z.object({ campaignId: id, uid }), returns<CertificateFile>()),
  'trust:addressBook': request(z.object({ teamId }), returns<AddressEntry[]>()),
  'trust:setName': request(
    z.object({ teamId, address, name: z.string().trim().min(1, 'Enter a name').max(MAX_NAME_CHARS) }),
    returns<AddressEntry>(),
  ),
  'trust:removeName': request(z.object({ teamId, address }), returns<{ teamId: string; address: string }>()),
} as const;

export interface TrustEvents {
  /** A campaign's certificates or revocations changed (signed here, or synced from a teammate). */
  'trust:changed': { campaignId: string };
  /** The local key was created, imported, unlocked or locked. */
  'trust:keyChanged': KeyStatus;
}

export const trustEventNames = ['trust:changed', 'trust:keyChanged'] as const satisfies readonly (keyof TrustEvents)[];
