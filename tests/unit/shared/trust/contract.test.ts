import { describe, expect, it } from 'vitest';
import { trustRequests } from '../../../../src/shared/api/domains/trust';
import { MAX_LINK_CHARS } from '../../../../src/shared/trust/constants';

const valid = (channel: keyof typeof trustRequests, input: unknown) =>
  trustRequests[channel].input.safeParse(input).success;

describe('trust contract inputs', () => {
  it('takes exactly one of a private key or a recovery phrase', () => {
    const key = `0x${'1f'.repeat(32)}`;
    expect(valid('trust:importKey', { privateKey: key, passphrase: 'long enough' })).toBe(true);
    expect(valid('trust:importKey', { privateKey: key.slice(2) })).toBe(true);
    expect(valid('trust:importKey', { mnemonic: 'test test test test test test test test test test test junk' })).toBe(
      true,
    );
    expect(valid('trust:importKey', {})).toBe(false);
    expect(valid('trust:importKey', { privateKey: key, mnemonic: 'a b c d e f g h i j k l' })).toBe(false);
    expect(valid('trust:importKey', { privateKey: '0x1234' })).toBe(false);
    expect(valid('trust:createKey', { passphrase: 'short' })).toBe(false);
  });

  it('caps links, labels and reasons and checks ids', () => {
    expect(valid('trust:verify', { link: 'x'.repeat(MAX_LINK_CHARS) })).toBe(true);
    expect(valid('trust:verify', { link: 'x'.repeat(MAX_LINK_CHARS + 1) })).toBe(false);
    const sign = { campaignId: 'c1', emailId: 'e1', versionLabel: 'Final', signer: 'local' };
    expect(valid('trust:sign', sign)).toBe(true);
    expect(valid('trust:sign', { ...sign, versionLabel: ' ' })).toBe(false);
    expect(valid('trust:sign', { ...sign, versionLabel: 'x'.repeat(121) })).toBe(false);
    expect(valid('trust:sign', { ...sign, signer: 'server' })).toBe(false);
    expect(valid('trust:sign', { ...sign, expiresAt: 1.5 })).toBe(false);
    expect(valid('trust:sign', { ...sign, campaignId: '../x' })).toBe(false);
    const uid = `0x${'ab'.repeat(32)}`;
    expect(valid('trust:revoke', { campaignId: 'c1', uid, reason: 'why' })).toBe(true);
    expect(valid('trust:revoke', { campaignId: 'c1', uid, reason: 'x'.repeat(501) })).toBe(false);
    expect(valid('trust:qr', { campaignId: 'c1', uid: 'abc' })).toBe(false);
    expect(valid('trust:setName', { teamId: 'team_abcdefgh', address: `0x${'12'.repeat(20)}`, name: 'Ana' })).toBe(
      true,
    );
    expect(valid('trust:setName', { teamId: 'team_abcdefgh', address: '0x12', name: 'Ana' })).toBe(false);
  });
});
