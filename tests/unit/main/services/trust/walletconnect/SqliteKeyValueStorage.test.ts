import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../../../src/main/services/settings/SettingsStore';
import {
  decode,
  encode,
  SqliteKeyValueStorage,
} from '../../../../../../src/main/services/trust/walletconnect/SqliteKeyValueStorage';
import { tempWorkspace, type TempWorkspace } from '../../helpers';

describe('SqliteKeyValueStorage (WalletConnect storage in the workspace database)', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = tempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('keeps values across a reopen of the database, with big integers intact', async () => {
    const db = ws.open();
    const storage = new SqliteKeyValueStorage(db);
    const history = [{ id: 1_764_000_000_123_456_789n, request: { method: 'wc_sessionRequest' }, expiry: 1.5 }];
    await storage.setItem('wc@2:core:0.3//history', history);
    await storage.setItem('wc@2:client:0.3//session', [{ topic: 'abc', expiry: 1 }]);
    await storage.setItem('wc@2:core:0.3//keychain', { a: 'b' });
    db.dispose();

    const reopened = new SqliteKeyValueStorage(ws.open());
    expect(await reopened.getItem('wc@2:core:0.3//history')).toEqual(history);
    expect(await reopened.getKeys()).toEqual([
      'wc@2:client:0.3//session',
      'wc@2:core:0.3//history',
      'wc@2:core:0.3//keychain',
    ]);
    expect(await reopened.getEntries()).toContainEqual(['wc@2:core:0.3//keychain', { a: 'b' }]);
    await reopened.removeItem('wc@2:core:0.3//keychain');
    expect(await reopened.getItem('wc@2:core:0.3//keychain')).toBeUndefined();
    await reopened.setItem('wc@2:client:0.3//session', undefined);
    expect(await reopened.getKeys()).toEqual(['wc@2:core:0.3//history']);
  });

  it('stays inside its prefix: other settings are neither listed nor cleared', async () => {
    const db = ws.open();
    const settings = new SettingsStore(db);
    settings.write('profile', { name: 'Ana' });
    settings.write('walletconnect_other', 1); // `_` must not act as a LIKE wildcard
    const storage = new SqliteKeyValueStorage(db);
    await storage.setItem('k', 'v');
    expect(await storage.getKeys()).toEqual(['k']);
    storage.clear();
    expect(await storage.getKeys()).toEqual([]);
    expect(db.sqlite.prepare('SELECT key FROM settings ORDER BY key').all()).toEqual([
      { key: 'profile' },
      { key: 'walletconnect_other' },
    ]);
  });

  it('reads a damaged row as absent instead of failing', async () => {
    const db = ws.open();
    db.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('walletconnect:broken', '{"not json');
    const storage = new SqliteKeyValueStorage(db);
    expect(await storage.getItem('broken')).toBeUndefined();
    expect(await storage.getEntries()).toEqual([]);
    expect(await storage.getKeys()).toEqual(['broken']);
  });

  it('drops writes and reads nothing once the database is closed (the client may flush late)', async () => {
    const db = ws.open();
    const storage = new SqliteKeyValueStorage(db);
    await storage.setItem('k', 1);
    db.dispose();
    await expect(storage.setItem('k', 2)).resolves.toBeUndefined();
    await expect(storage.getItem('k')).resolves.toBeUndefined();
    await expect(storage.getKeys()).resolves.toEqual([]);
  });

  it('encodes only real big integers as such', () => {
    expect(decode(encode({ id: 12n, n: 3, s: '12n' }))).toEqual({ id: 12n, n: 3, s: '12n' });
    expect(decode('{"$bigint":"x"}')).toEqual({ $bigint: 'x' });
    expect(decode('{"$bigint":"1","other":2}')).toEqual({ $bigint: '1', other: 2 });
    expect(decode('nope')).toBeUndefined();
  });
});
