import type { TypedDataDomain, TypedDataField } from 'ethers';

/**
 * Something that signs EIP-712 typed data for the designer: the local key (ethers, kept
 * encrypted in the main process) or the designer's own wallet over WalletConnect
 * (`eth_signTypedData_v4`). Certificates are signed through this interface only, so the
 * trust service never knows which one signed. Keys never leave the main process.
 */
export interface TypedDataSigner {
  readonly kind: 'local' | 'walletconnect';
  /** The checksummed address that signs. */
  address(): Promise<string>;
  /**
   * Signs `value` as EIP-712 typed data. Rejects with a MailyError (no key, the wallet
   * refused, offline and queued, …), never with a raw error.
   */
  signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<string>;
}
