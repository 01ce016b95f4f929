/**
 * Where the local signing key is kept, always encrypted: on the desktop under the OS
 * keychain (Electron `safeStorage`, `electron/safeStorageKeyVault.ts`), on the headless
 * host in a passphrase-protected keystore file ({@link KeystoreVault}). The decrypted key
 * only ever lives in the main process.
 */
export interface KeyVault {
  readonly kind: 'keystore' | 'safeStorage';
  /** True when storing and opening need the designer's passphrase. */
  readonly needsPassphrase: boolean;
  /** The stored key's address, read without decrypting it; null when none is stored. */
  storedAddress(): string | null;
  /** Encrypts and stores `privateKey` (0x + 64 hex), replacing a stored one. */
  store(privateKey: string, passphrase?: string): Promise<void>;
  /**
   * Decrypts the stored key. Rejects with a MailyError: E_UNAUTHORIZED for a wrong
   * passphrase, E_NOT_FOUND without a key, E_CORRUPT for a damaged file.
   */
  open(passphrase?: string): Promise<string>;
}
