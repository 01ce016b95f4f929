import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SettingsStore } from '../../../../../../src/main/services/settings/SettingsStore';
import { WalletQueue } from '../../../../../../src/main/services/trust/walletconnect/WalletQueue';
import type { WalletQueueChange } from '../../../../../../src/shared/trust/wallet';
import { tempWorkspace, type TempWorkspace } from '../../helpers';

const address = '0x00000000000000000000000000000000000000A1';
const payload = { chainId: 1, typedData: '{"primaryType":"Certificate"}' };

describe('WalletQueue (signing requests waiting for the relay)', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = tempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('survives a restart in order; a request being sent is waiting again', () => {
    const db = ws.open();
    const queue = new WalletQueue(new SettingsStore(db));
    const a = queue.add('Certificate · A', address, payload, 1_000);
    const b = queue.add('Certificate · B', address, payload, 2_000);
    const c = queue.add('Certificate · C', address, payload, 3_000);
    queue.update(b.id, { state: 'sending' });
    queue.update(c.id, { state: 'signed', signature: '0xsig' });
    db.dispose();

    const restarted = new WalletQueue(new SettingsStore(ws.open()));
    expect(restarted.list().map((i) => [i.label, i.state])).toEqual([
      ['Certificate · A', 'waiting'],
      ['Certificate · B', 'waiting'],
      ['Certificate · C', 'signed'],
    ]);
    expect(restarted.open().map((i) => i.id)).toEqual([a.id, b.id]);
    expect(restarted.openCount).toBe(2);
    expect(restarted.get(a.id)?.payload).toEqual(payload);
    expect(restarted.get(c.id)?.signature).toBe('0xsig');
    // The views for the UI carry no payload.
    expect(restarted.list()[0]).not.toHaveProperty('payload');
  });

  it('announces every change with the whole queue and the changed item', () => {
    const queue = new WalletQueue(new SettingsStore(ws.open()));
    const changes: WalletQueueChange[] = [];
    const off = queue.onChanged((change) => changes.push(change));
    const item = queue.add('One', address, payload);
    queue.update(item.id, { state: 'failed', error: 'The wallet declined' });
    off();
    queue.add('Two', address, payload);
    expect(changes.map((c) => c.changed?.state)).toEqual(['waiting', 'failed']);
    expect(changes[1].items).toHaveLength(1);
    expect(changes[1].changed).toMatchObject({ label: 'One', error: 'The wallet declined' });
    expect(queue.update('missing', { state: 'signed' })).toBeUndefined();
  });

  it('keeps only the 20 most recent finished items, never dropping an open one', () => {
    const queue = new WalletQueue(new SettingsStore(ws.open()));
    const open = queue.add('Still open', address, payload);
    for (let i = 0; i < 25; i++) {
      const item = queue.add(`Done ${i}`, address, payload);
      queue.update(item.id, { state: 'signed', signature: `0x${i}` });
    }
    const list = queue.list();
    expect(list).toHaveLength(21);
    expect(list[0].id).toBe(open.id);
    expect(list.at(-1)?.label).toBe('Done 24');
    expect(list[1].label).toBe('Done 5');
  });

  it('drops stored entries that do not parse and keeps the rest', () => {
    const db = ws.open();
    const settings = new SettingsStore(db);
    const queue = new WalletQueue(settings);
    const good = queue.add('Good', address, payload);
    const stored = settings.read('wallet.queue', z.array(z.unknown()), []);
    settings.write('wallet.queue', [...stored, { id: 'x', state: 'exploded' }, 42]);
    const reread = new WalletQueue(settings);
    expect(reread.list().map((i) => i.id)).toEqual([good.id]);
    settings.write('wallet.queue', 'not a list');
    expect(new WalletQueue(settings).list()).toEqual([]);
  });
});
