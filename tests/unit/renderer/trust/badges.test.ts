import { describe, expect, it } from 'vitest';
import {
  badgeOf,
  badgesOf,
  certificateState,
  shortAddress,
  signerLabel,
} from '../../../../src/renderer/features/trust/badges';
import type { CertificateView, EmailTrust, TrustBadge } from '../../../../src/shared/trust/types';

const format = (ms: number) => `t${ms}`;
const address = '0x1234567890abcdef1234567890abcdef12345678';

function cert(patch: Partial<CertificateView> = {}): CertificateView {
  return {
    uid: `0x${'ab'.repeat(32)}`,
    signer: address,
    issuedAt: 1000,
    expiresAt: null,
    revocation: null,
    link: 'https://maily.app/verify#x',
    contentHash: `0x${'cd'.repeat(32)}`,
    campaignId: 'campaign-1',
    emailId: 'email-1',
    versionLabel: 'Approved 1 Dec',
    signerName: 'Ana',
    rendererVersion: '1',
    ...patch,
  };
}

function trust(
  status: TrustBadge,
  certificate: CertificateView | null = cert(),
  knownAs: string | null = 'Ana',
): EmailTrust {
  return {
    emailId: 'email-1',
    status,
    certificate,
    signer: certificate ? { address, knownAs, source: knownAs ? 'certificate' : null } : null,
    count: certificate ? 1 : 0,
  };
}

describe('trust badges', () => {
  it('says Verified with the known name, and who signed which version when', () => {
    const badge = badgeOf(trust('verified'), format);
    expect(badge).toEqual({
      tone: 'verified',
      text: 'Verified · Ana',
      description: 'Verified: signed by Ana as “Approved 1 Dec” on t1000; the content matches',
    });
  });

  it('names an address nobody in the teams knows as unknown, with the name it claims', () => {
    const badge = badgeOf(trust('verified', cert(), null), format);
    expect(badge.text).toBe('Verified · Ana');
    expect(badge.description).toContain('Ana (unknown address 0x1234…5678)');
  });

  it('maps modified, unsigned, revoked (with the reason) and expired (with the date)', () => {
    expect(badgeOf(trust('modified'), format)).toMatchObject({ tone: 'modified', text: 'Modified since signing' });
    expect(badgeOf(trust('unsigned', null), format)).toMatchObject({ tone: 'unsigned', text: 'Unsigned' });
    const revoked = cert({ revocation: { uid: 'u', reason: 'Wrong price', revokedAt: 5, by: address } });
    expect(badgeOf(trust('revoked', revoked), format)).toMatchObject({
      tone: 'revoked',
      text: 'Revoked',
      description: expect.stringContaining('— Wrong price') as unknown as string,
    });
    expect(badgeOf(trust('expired', cert({ expiresAt: 9 })), format).description).toContain('expired on t9');
  });

  it('shows Unsigned for a status without its certificate, and keys the badges by email', () => {
    expect(badgeOf(trust('verified', null), format).tone).toBe('unsigned');
    const map = badgesOf({ a: trust('verified'), b: trust('unsigned', null) }, format);
    expect([...map.keys()]).toEqual(['a', 'b']);
    expect(map.get('b')?.tone).toBe('unsigned');
  });

  it('words a certificate row and an address', () => {
    expect(certificateState(cert(), 2000)).toBe('Valid');
    expect(certificateState(cert({ expiresAt: 1500 }), 2000)).toBe('Expired');
    expect(certificateState(cert({ revocation: { uid: 'u', reason: 'r', revokedAt: 1, by: address } }))).toBe(
      'Revoked',
    );
    expect(shortAddress(address)).toBe('0x1234…5678');
    expect(signerLabel(cert(), { address, knownAs: 'Bo', source: 'manual' })).toBe('Bo');
  });
});
