import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { Keyring } from '../services/mail/FileSecretStore';

/**
 * The desktop keyring: a random key, kept encrypted by the OS keychain through Electron
 * `safeStorage`. The secrets file is useless without this user's keychain.
 */
export function safeStorageKeyring(file: string): Keyring {
  let cached: Uint8Array | null = null;
  return {
    async key() {
      if (cached) return cached;
      try {
        cached = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64');
      } catch {
        // First run (no file yet): make the key and let the keychain protect it.
        const key = randomBytes(32);
        writeFileSync(file, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 });
        cached = key;
      }
      return cached;
    },
  };
}
