import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decryptKeystoreJson, encryptKeystoreJson, getAddress, isKeystoreJson, computeAddress } from 'ethers';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { KeyVault } from './KeyVault';

/** Options for {@link KeystoreVault}. */
export interface KeystoreVaultOptions {
  /** scrypt cost N (a power of 2). Defaults to 131072 (2^17, ethers' default); tests use less. */
  scryptN?: number;
}

/**
 * The headless host's key vault: an Ethereum JSON keystore (v3, scrypt + AES-128-CTR,
 * as ethers and most wallets write it) protected by the designer's passphrase, in a file
 * readable by this user only. The file alone does not give the key away.
 */
export class KeystoreVault implements KeyVault {
  readonly kind = 'keystore';
  readonly needsPassphrase = true;
  readonly #file: string;
  readonly #scryptN: number;

  constructor(file: string, options: KeystoreVaultOptions = {}) {
    this.#file = file;
    this.#scryptN = options.scryptN ?? 131072;
  }

  storedAddress(): string | null {
    const json = this.#read();
    if (json === null) return null;
    try {
      const address = (JSON.parse(json) as { address?: unknown }).address;
      return typeof address === 'string' ? getAddress(address.startsWith('0x') ? address : `0x${address}`) : null;
    } catch {
      return null; // damaged: open() names it
    }
  }

  async store(privateKey: string, passphrase?: string): Promise<void> {
    if (!passphrase) throw new MailyError(ErrorCode.InvalidInput, 'Choose a passphrase to protect the signing key.');
    const json = await encryptKeystoreJson({ address: computeAddress(privateKey), privateKey }, passphrase, {
      scrypt: { N: this.#scryptN },
    });
    mkdirSync(dirname(this.#file), { recursive: true, mode: 0o700 });
    const temp = `${this.#file}.tmp`;
    writeFileSync(temp, json, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.#file); // all or nothing: a crash never leaves half a keystore
  }

  async open(passphrase?: string): Promise<string> {
    const json = this.#read();
    if (json === null) throw new MailyError(ErrorCode.NotFound, 'There is no signing key yet; create or import one.');
    if (!isKeystoreJson(json))
      throw new MailyError(ErrorCode.Corrupt, `The keystore file ${this.#file} is damaged; import your key again.`);
    if (!passphrase) throw new MailyError(ErrorCode.Unauthorized, 'Enter the passphrase of your signing key.');
    try {
      return (await decryptKeystoreJson(json, passphrase)).privateKey;
    } catch (error) {
      if (/password/i.test(String((error as Error).message)))
        throw new MailyError(ErrorCode.Unauthorized, 'That passphrase does not unlock the signing key. Try again.');
      throw new MailyError(ErrorCode.Corrupt, `The keystore file ${this.#file} is damaged; import your key again.`);
    }
  }

  #read(): string | null {
    try {
      return readFileSync(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new MailyError(ErrorCode.Corrupt, `The keystore file ${this.#file} cannot be read.`);
    }
  }
}
