import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyring } from '../../../../src/main/host/fileKeyring';
import { tempDataDir } from '../../../helpers/hostProcess';

describe('the headless keyring', () => {
  it('creates a 32-byte key readable by this user only, and reuses it', async () => {
    const file = join(tempDataDir(), 'nested', 'secret.key');
    const key = await fileKeyring(file, {}).key();
    expect(key.byteLength).toBe(32);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(Buffer.from(await fileKeyring(file, {}).key())).toEqual(Buffer.from(key));
    expect(readFileSync(file, 'utf8')).toBe(Buffer.from(key).toString('base64'));
  });

  it('prefers MAILY_SECRET_KEY and refuses a malformed key', async () => {
    const env = { MAILY_SECRET_KEY: Buffer.alloc(32, 9).toString('base64') };
    expect(Buffer.from(await fileKeyring('/nonexistent/key', env).key())).toEqual(Buffer.alloc(32, 9));
    const bad = join(tempDataDir(), 'secret.key');
    writeFileSync(bad, 'c2hvcnQ=');
    await expect(fileKeyring(bad, {}).key()).rejects.toThrow(/32 bytes/);
  });
});
