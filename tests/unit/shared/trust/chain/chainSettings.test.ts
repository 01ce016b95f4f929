import { describe, expect, it } from 'vitest';
import { chainRequests } from '../../../../../src/shared/api/domains/chain';
import {
  bytes32,
  chainSettingsSchema,
  defaultChainSettings,
  evmAddress,
  rpcUrl,
} from '../../../../../src/shared/trust/chain';

const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'; // EIP-55's own example
const on = {
  enabled: true,
  rpcUrl: 'http://127.0.0.1:8545',
  chainId: 31337,
  registryAddress: null,
  rewardTokenAddress: null,
};

function messageOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error!.issues[0].message;
}

describe('chain settings', () => {
  it('are off by default and the default passes its own schema', () => {
    expect(defaultChainSettings.enabled).toBe(false);
    expect(chainSettingsSchema.parse(defaultChainSettings)).toEqual(defaultChainSettings);
  });

  it('take http and https RPC URLs only', () => {
    expect(rpcUrl.parse(' https://rpc.example.org/v1?key=1 ')).toBe('https://rpc.example.org/v1?key=1');
    expect(rpcUrl.parse('http://[::1]:8545')).toBe('http://[::1]:8545');
    for (const bad of [
      'ws://127.0.0.1:8546',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'rpc.example.org',
      'http://',
      '',
      `https://a.org/${'x'.repeat(2_100)}`,
    ])
      expect(rpcUrl.safeParse(bad).success, bad).toBe(false);
    expect(messageOf(rpcUrl.safeParse('ftp://x'))).toContain('Enter the RPC address');
  });

  it('need an RPC URL to be on', () => {
    const result = chainSettingsSchema.safeParse({ ...on, rpcUrl: '' });
    expect(messageOf(result)).toBe('Add an RPC URL to turn chain anchoring on');
    expect(chainSettingsSchema.safeParse({ ...on, enabled: false, rpcUrl: '' }).success).toBe(true);
  });

  it('take a positive integer chain id or none', () => {
    expect(chainSettingsSchema.parse({ ...on, chainId: null }).chainId).toBeNull();
    for (const bad of [0, -1, 1.5, '1', Number.MAX_SAFE_INTEGER + 1, Number.NaN])
      expect(chainSettingsSchema.safeParse({ ...on, chainId: bad }).success, String(bad)).toBe(false);
  });

  it('return addresses checksummed and refuse a wrong checksum', () => {
    expect(evmAddress.parse(checksummed.toLowerCase())).toBe(checksummed);
    expect(evmAddress.parse(checksummed)).toBe(checksummed);
    const flipped = checksummed.replace('a', 'A');
    expect(messageOf(evmAddress.safeParse(flipped))).toContain('wrong checksum');
    for (const bad of ['0x123', `${checksummed}00`, 'ENS.eth', '0xZZaeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 42])
      expect(evmAddress.safeParse(bad).success, String(bad)).toBe(false);
    const parsed = chainSettingsSchema.parse({ ...on, registryAddress: checksummed.toLowerCase() });
    expect(parsed.registryAddress).toBe(checksummed);
  });

  it('drop unknown keys instead of storing them', () => {
    const parsed = chainSettingsSchema.parse({ ...on, privateKey: '0xabc', __proto__: { polluted: true } });
    expect(Object.keys(parsed).sort()).toEqual([
      'chainId',
      'enabled',
      'registryAddress',
      'rewardTokenAddress',
      'rpcUrl',
    ]);
  });
});

describe('chain channel inputs', () => {
  const uid = `0x${'ab'.repeat(32)}`;
  it('take bytes32 ids as 0x + 64 hex digits, lowercased', () => {
    expect(bytes32.parse(uid.toUpperCase().replace('0X', '0x'))).toBe(uid);
    for (const bad of ['0x', `0x${'ab'.repeat(31)}`, `0x${'ab'.repeat(33)}`, 'ab'.repeat(32), `0x${'zz'.repeat(32)}`])
      expect(bytes32.safeParse(bad).success, bad).toBe(false);
  });

  it('validate anchor, revoke, status and rewards', () => {
    expect(chainRequests['chain:anchor'].input.safeParse({ uid }).success).toBe(true);
    expect(chainRequests['chain:anchor'].input.safeParse({ uid, campaignId: '../etc' }).success).toBe(false);
    expect(chainRequests['chain:revoke'].input.safeParse({ uid, reason: '  ' }).success).toBe(false);
    expect(chainRequests['chain:revoke'].input.safeParse({ uid, reason: 'x'.repeat(501) }).success).toBe(false);
    expect(chainRequests['chain:status'].input.safeParse({ uid, contentHash: 'nope' }).success).toBe(false);
    expect(chainRequests['chain:rewards'].input.parse({})).toEqual({});
    expect(chainRequests['chain:rewards'].input.parse({ address: checksummed.toLowerCase() })).toEqual({
      address: checksummed,
    });
  });
});
