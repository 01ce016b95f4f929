import { Wallet, type Provider, type Signer, type TypedDataDomain, type TypedDataField } from 'ethers';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { KeyStatus } from '../../../shared/trust/types';
import type { KeyVault } from './KeyVault';
import type { TypedDataSigner } from './TypedDataSigner';

/** How a key is imported: its hex private key or its recovery phrase. */
export type KeySecret = { privateKey: string } | { mnemonic: string };

/**
 * The designer's local signing key (ethers `Wallet`): created or imported, kept
 * encrypted by a {@link KeyVault}, decrypted into memory by `unlock` and forgotten by
 * `lock`. With a vault that needs no passphrase (the OS keychain) it opens on first
 * use. Nothing here ever hands the private key out: only addresses and signatures.
 */
export class LocalKey {
  readonly #vault: KeyVault;
  readonly #listeners = new Set<(status: KeyStatus) => void>();
  #wallet: Wallet | null = null;

  constructor(vault: KeyVault) {
    this.#vault = vault;
  }

  status(): KeyStatus {
    const address = this.#wallet?.address ?? this.#vault.storedAddress();
    const state = address === null ? 'none' : this.#wallet || !this.#vault.needsPassphrase ? 'unlocked' : 'locked';
    return { state, address, vault: this.#vault.kind, needsPassphrase: this.#vault.needsPassphrase };
  }

  /** Makes a new random key. Refuses to replace a stored key unless `replace`. */
  async create(passphrase?: string, replace = false): Promise<KeyStatus> {
    return this.#keep(Wallet.createRandom().privateKey, passphrase, replace);
  }

  /** Imports a key from its private key or recovery phrase. Refuses to replace a stored key unless `replace`. */
  async import(secret: KeySecret, passphrase?: string, replace = false): Promise<KeyStatus> {
    let privateKey: string;
    try {
      privateKey =
        'mnemonic' in secret
          ? Wallet.fromPhrase(secret.mnemonic).privateKey
          : new Wallet(secret.privateKey.startsWith('0x') ? secret.privateKey : `0x${secret.privateKey}`).privateKey;
    } catch {
      // ethers' message may quote the secret: never pass it on.
      throw new MailyError(
        ErrorCode.InvalidInput,
        'mnemonic' in secret
          ? 'That recovery phrase is not valid (check the words and their order).'
          : 'That private key is not valid.',
      );
    }
    return this.#keep(privateKey, passphrase, replace);
  }

  /** Decrypts the stored key into memory. E_UNAUTHORIZED for a wrong passphrase. */
  async unlock(passphrase?: string): Promise<KeyStatus> {
    const privateKey = await this.#vault.open(passphrase);
    this.#wallet = new Wallet(privateKey);
    return this.#changed();
  }

  /** Forgets the decrypted key. */
  lock(): KeyStatus {
    this.#wallet = null;
    return this.#changed();
  }

  /** The local key as a {@link TypedDataSigner}; signing fails with E_UNAUTHORIZED while locked. */
  signer(): TypedDataSigner {
    return {
      kind: 'local',
      address: async () => (await this.#unlocked()).address,
      signTypedData: async (
        domain: TypedDataDomain,
        types: Record<string, TypedDataField[]>,
        value: Record<string, unknown>,
        signal?: AbortSignal,
      ) => {
        signal?.throwIfAborted();
        return (await this.#unlocked()).signTypedData(domain, types, value);
      },
    };
  }

  /**
   * The local key as an ethers `Signer` on `provider`, for sending chain transactions
   * (anchoring). It stays in the main process like the key itself.
   */
  async connect(provider: Provider): Promise<Signer> {
    return (await this.#unlocked()).connect(provider);
  }

  onChanged(listener: (status: KeyStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#wallet = null;
    this.#listeners.clear();
  }

  async #keep(privateKey: string, passphrase: string | undefined, replace: boolean): Promise<KeyStatus> {
    const existing = this.#vault.storedAddress();
    if (existing && !replace)
      throw new MailyError(
        ErrorCode.InvalidInput,
        `A signing key (${existing}) is already stored; replacing it loses it for good.`,
      );
    await this.#vault.store(privateKey, passphrase);
    this.#wallet = new Wallet(privateKey);
    return this.#changed();
  }

  async #unlocked(): Promise<Wallet> {
    if (this.#wallet) return this.#wallet;
    if (this.#vault.storedAddress() === null)
      throw new MailyError(ErrorCode.NotFound, 'There is no signing key yet; create or import one first.');
    if (this.#vault.needsPassphrase)
      throw new MailyError(ErrorCode.Unauthorized, 'Unlock your signing key with its passphrase first.');
    this.#wallet = new Wallet(await this.#vault.open());
    return this.#wallet;
  }

  #changed(): KeyStatus {
    const status = this.status();
    for (const listener of [...this.#listeners]) listener(status);
    return status;
  }
}
