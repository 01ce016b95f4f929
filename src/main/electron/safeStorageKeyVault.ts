import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { computeAddress, getAddress } from 'ethers';
import { safeStorage } from 'electron';
import { ErrorCode, MailyError } from '../../shared/errors';
import type { KeyVault } from '../services/trust/KeyVault';

/**
 * The desktop's key vault: the signing key encrypted by the OS keychain through Electron
 * `safeStorage`, in a file readable by this user only (JSON: the address in clear, the
 * key as base64 of `safeStorage.encryptString`). No passphrase: the user's login
 * protects it, as it protects the secrets key (`safeStorageKeyring.ts`).
 */
export function safeStorageKeyVault(file: string): KeyVault {
  const read = (): { address: string; key: string } | null => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new MailyError(ErrorCode.Corrupt, `The signing key file ${file} cannot be read.`);
    }
    try {
      const value = JSON.parse(text) as { address?: unknown; key?: unknown };
      if (typeof value.address === 'string' && typeof value.key === 'string')
        return { address: getAddress(value.address), key: value.key };
    } catch {
      // falls through to the error below
    }
    throw new MailyError(ErrorCode.Corrupt, `The signing key file ${file} is damaged; import your key again.`);
  };
  return {
    kind: 'safeStorage',
    needsPassphrase: false,
    storedAddress: () => {
      try {
        return read()?.address ?? null;
      } catch {
        return null; // damaged: open() names it
      }
    },
    async store(privateKey) {
      if (!safeStorage.isEncryptionAvailable())
        throw new MailyError(
          ErrorCode.Internal,
          'The system keychain is not available, so the key cannot be kept safely.',
        );
      const key = safeStorage.encryptString(privateKey).toString('base64');
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify({ address: computeAddress(privateKey), key }), { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    },
    async open() {
      const stored = read();
      if (!stored) throw new MailyError(ErrorCode.NotFound, 'There is no signing key yet; create or import one.');
      try {
        return safeStorage.decryptString(Buffer.from(stored.key, 'base64'));
      } catch {
        throw new MailyError(ErrorCode.Unauthorized, 'The system keychain could not unlock the signing key.');
      }
    },
  };
}
