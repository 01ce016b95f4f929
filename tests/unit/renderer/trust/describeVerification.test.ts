import { describe, expect, it } from 'vitest';
import { describeVerification } from '../../../../src/renderer/features/trust/describeVerification';
import type { CertificateView, Verification } from '../../../../src/shared/trust/types';

const format = (ms: number) => `t${ms}`;
const address = '0x1234567890abcdef1234567890abcdef12345678';
const certificate: CertificateView = {
  uid: `0x${'ab'.repeat(32)}`,
  signer: address,
  issuedAt: 1000,
  expiresAt: null,
  revocation: null,
  link: 'https://maily.app/verify#x',
  contentHash: `0x${'cd'.repeat(32)}`,
  campaignId: 'campaign-1',
  emailId: 'email-1',
  versionLabel: 'Approved',
  signerName: 'Ana',
  rendererVersion: '1',
};

function valid(patch: Partial<Extract<Verification, { ok: true }>> = {}): Verification {
  return {
    ok: true,
    certificate,
    signer: { address, knownAs: 'Ana', source: 'certificate' },
    content: 'matches',
    expired: false,
    status: 'verified',
    summary: 'Signed by Ana',
    ...patch,
  };
}

describe('the verify screen’s answer', () => {
  it('says valid, by whom, and that the content matches', () => {
    const verdict = describeVerification(valid(), format);
    expect(verdict.tone).toBe('good');
    expect(verdict.headline).toBe('Valid certificate');
    expect(verdict.lines.map((l) => l.text)).toContain(`Valid signature by Ana (${address})`);
    expect(verdict.lines.map((l) => l.text)).toContain('Content matches the email in this workspace');
  });

  it('warns about an unknown address and a modified email', () => {
    const verdict = describeVerification(
      valid({ signer: { address, knownAs: null, source: null }, content: 'modified' }),
      format,
    );
    expect(verdict.tone).toBe('warning');
    expect(verdict.headline).toContain('modified since signing');
    expect(verdict.lines[0].text).toContain(`unknown address ${address}`);
    expect(verdict.lines[1].text).toMatch(/^Modified since signing/);
  });

  it('says revoked with the reason, and expired with the date', () => {
    const revoked = describeVerification(
      valid({ certificate: { ...certificate, revocation: { uid: 'u', reason: 'Typo', revokedAt: 7, by: address } } }),
      format,
    );
    expect(revoked.tone).toBe('bad');
    expect(revoked.lines.map((l) => l.text)).toContain('Revoked on t7: Typo');
    const expired = describeVerification(
      valid({ expired: true, certificate: { ...certificate, expiresAt: 9 } }),
      format,
    );
    expect(expired.headline).toBe('Valid signature, but expired');
    expect(expired.lines.map((l) => l.text)).toContain('Expired on t9');
  });

  it('names each refusal and says what to do next', () => {
    for (const [reason, headline] of [
      ['truncated', 'Refused: This link is cut off'],
      ['forged', 'Refused: Forged signature'],
      ['not-maily', 'Refused: Not a Maily certificate'],
      ['other-chain', 'Refused: Made for another chain'],
      ['other-schema', 'Refused: Another kind of attestation'],
    ] as const) {
      const verdict = describeVerification({ ok: false, reason, message: `host says ${reason}` });
      expect(verdict.tone).toBe('bad');
      expect(verdict.headline).toBe(headline);
      expect(verdict.lines[0].text).toBe(`host says ${reason}`);
      expect(verdict.lines[1].text.length).toBeGreaterThan(20);
    }
  });
});

describe('what the host ignored', () => {
  it('lists its warnings under the answer', () => {
    const verification = { ...valid(), warnings: ['A revocation by someone else was ignored'] } as Verification;
    const verdict = describeVerification(verification, format);
    expect(verdict.lines).toContainEqual({ tone: 'warning', text: 'A revocation by someone else was ignored' });
  });
});

describe('a certificate this device signed', () => {
  it('says it is yours when the address is this device’s key, whatever the case', () => {
    const verification = valid({ signer: { address, knownAs: null, source: null } });
    const verdict = describeVerification(verification, format, [address.toUpperCase().replace('0X', '0x')]);
    expect(verdict.tone).toBe('good');
    expect(verdict.lines[0].text).toBe(`Valid signature by you (${address}, this device’s key), as “Ana”`);
  });
});
