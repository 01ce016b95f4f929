import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChainService } from '../../../../../../src/main/services/trust/chain/ChainService';
import { SettingsStore } from '../../../../../../src/main/services/settings/SettingsStore';
import { CHAIN_OFF_MESSAGE, defaultChainSettings } from '../../../../../../src/shared/trust/chain';
import { MailyError } from '../../../../../../src/shared/errors';
import { tempWorkspace, type TempWorkspace } from '../../helpers';

let ws: TempWorkspace;
let settings: SettingsStore;
beforeEach(() => {
  ws = tempWorkspace();
  settings = new SettingsStore(ws.open());
});
afterEach(() => ws.cleanup());

const valid = {
  enabled: true,
  rpcUrl: 'http://127.0.0.1:8545',
  chainId: 31337,
  registryAddress: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
  rewardTokenAddress: null,
};

describe('ChainService settings', () => {
  it('stores settings checksummed, tells listeners, and reads them back after a restart', () => {
    const service = new ChainService(settings);
    const seen: unknown[] = [];
    service.onChange((s) => seen.push(s));
    const saved = service.configure(valid);
    expect(saved.registryAddress).toBe('0x5FbDB2315678afecb367f032d93F642f64180aa3');
    expect(seen).toEqual([saved]);
    service.dispose();
    expect(new ChainService(new SettingsStore(ws.open())).getSettings()).toEqual(saved);
  });

  it('refuses bad settings at its own boundary and keeps the stored ones', () => {
    const service = new ChainService(settings);
    service.configure(valid);
    for (const bad of [
      { ...valid, rpcUrl: 'ws://127.0.0.1:8546' },
      { ...valid, chainId: -5 },
      { ...valid, registryAddress: '0x5FBDB2315678afecb367f032d93F642f64180aa3' }, // wrong checksum
      { ...valid, enabled: 'yes' },
      null,
      'enabled',
    ]) {
      expect(() => service.configure(bad)).toThrow(MailyError);
    }
    expect(service.getSettings().rpcUrl).toBe(valid.rpcUrl);
  });

  it('reads damaged or foreign stored settings as the default (off)', async () => {
    settings.write('chain', {
      enabled: true,
      rpcUrl: 'file:///etc/passwd',
      chainId: 1,
      registryAddress: null,
      rewardTokenAddress: null,
    });
    const service = new ChainService(settings);
    expect(service.getSettings()).toEqual(defaultChainSettings);
    await expect(service.status(`0x${'00'.repeat(32)}`)).rejects.toThrow(CHAIN_OFF_MESSAGE);
  });

  it('refuses every call after dispose', async () => {
    const service = new ChainService(settings);
    service.configure(valid);
    service.dispose();
    await expect(service.check()).rejects.toMatchObject({ code: 'E_DISPOSED' });
  });
});
