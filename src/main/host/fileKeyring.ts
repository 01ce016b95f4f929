import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ErrorCode, MailyError } from '../../shared/errors';
import type { Keyring } from '../services/mail/FileSecretStore';

/**
 * The headless host's keyring: `MAILY_SECRET_KEY` (32 bytes, base64) when set, else a
 * key file readable by this user only, created on first use. Keep the file outside the
 * data folder (the default is ~/.config/maily/secret.key), so a copy of the data alone
 * does not reveal the secrets.
 */
export function fileKeyring(file: string, env: NodeJS.ProcessEnv = process.env): Keyring {
  let cached: Uint8Array | null = null;
  return {
    async key() {
      cached ??= env.MAILY_SECRET_KEY ? decode(env.MAILY_SECRET_KEY, 'MAILY_SECRET_KEY') : readOrCreate(file);
      return cached;
    },
  };
}

function readOrCreate(file: string): Uint8Array {
  try {
    return decode(readFileSync(file, 'utf8').trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

function decode(text: string, source: string): Uint8Array {
  const key = Buffer.from(text, 'base64');
  if (key.byteLength !== 32) {
    throw new MailyError(ErrorCode.Corrupt, `The secret key in ${source} is not 32 bytes of base64; fix or remove it.`);
  }
  return key;
}
