import type { TypedDataDomain, TypedDataField } from 'ethers';
import { ErrorCode, MailyError } from '../../../../shared/errors';
import type { TypedDataSigner } from '../TypedDataSigner';
import type { WalletConnectService } from './WalletConnectService';

/** How a queued request is named in the UI, from what is being signed. */
export type LabelFor = (
  domain: TypedDataDomain,
  types: Record<string, TypedDataField[]>,
  value: Record<string, unknown>,
) => string;

/**
 * "Trust certificate · 2026-12-01 10:57 UTC" for an EAS offchain attestation (what Maily
 * certificates are), else "<domain> <primary type> · <label>" from common message fields.
 */
export const defaultLabel: LabelFor = (domain, types, value) => {
  const primary = Object.keys(types).find(
    (name) => !Object.values(types).some((fields) => fields.some((f) => f.type === name)),
  );
  if (domain.name === 'EAS Attestation' && primary === 'Attest') {
    const seconds = Number(value.time);
    const when = Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
    return when ? `Trust certificate · ${when.slice(0, 16).replace('T', ' ')} UTC` : 'Trust certificate';
  }
  const detail = ['label', 'versionLabel', 'subject', 'title', 'name']
    .map((key) => value[key])
    .find((v): v is string => typeof v === 'string' && v.trim().length > 0);
  const what = [domain.name, primary].filter(Boolean).join(' ');
  return (detail ? `${what || 'Signature'} · ${detail}` : what || 'Signature request').slice(0, 200);
};

/**
 * The designer's own wallet as a {@link TypedDataSigner}: `eth_signTypedData_v4` over the
 * WalletConnect session, the signature checked to recover to the session's account.
 * Offline, the request waits in the wallet queue and the promise resolves once signed.
 */
export class WalletConnectSigner implements TypedDataSigner {
  readonly kind = 'walletconnect' as const;
  readonly #service: WalletConnectService;
  readonly #labelFor: LabelFor;

  constructor(service: WalletConnectService, options: { labelFor?: LabelFor } = {}) {
    this.#service = service;
    this.#labelFor = options.labelFor ?? defaultLabel;
  }

  async address(): Promise<string> {
    const session = this.#service.session();
    if (!session) {
      throw new MailyError(
        ErrorCode.NotFound,
        'No wallet is connected. Pair your wallet (scan the QR code) or sign with the local key.',
      );
    }
    return session.address;
  }

  signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<string> {
    let label: string;
    try {
      label = this.#labelFor(domain, types, value);
    } catch {
      label = 'Signature request';
    }
    return this.#service.signTypedData({ domain, types, value }, label, signal);
  }
}
