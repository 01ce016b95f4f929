import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TypedDataEncoder, Wallet } from 'ethers';
import { afterEach, describe, expect, it } from 'vitest';
import { probeRelay } from '../../../../../../src/main/services/trust/walletconnect/relayProbe';
import { defaultLabel } from '../../../../../../src/main/services/trust/walletconnect/WalletConnectSigner';
import {
  checkSignature,
  walletError,
} from '../../../../../../src/main/services/trust/walletconnect/WalletConnectService';
import { ErrorCode, MailyError } from '../../../../../../src/shared/errors';

const domain = { name: 'Maily', version: '1', chainId: 1 };
const types = { Certificate: [{ name: 'versionLabel', type: 'string' }] };
const value = { versionLabel: 'Welcome v1' };
const payload = { chainId: 1, typedData: JSON.stringify(TypedDataEncoder.getPayload(domain, types, value)) };

function thrown(fn: () => unknown): MailyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return error as MailyError;
  }
  throw new Error('expected a MailyError');
}

describe('checking what the wallet answered', () => {
  const signer = Wallet.createRandom();

  it('accepts a signature by the session account only', async () => {
    const signature = await signer.signTypedData(domain, types, value);
    expect(checkSignature(payload, signer.address, signature)).toBe(signature);
    expect(checkSignature(payload, signer.address.toLowerCase(), signature)).toBe(signature);
    const other = Wallet.createRandom();
    const forged = thrown(() => checkSignature(payload, other.address, signature));
    expect(forged.code).toBe(ErrorCode.Unauthorized);
    expect(forged.message).toMatch(/not by the connected account/);
    // Signed over other content: recovers to someone else.
    const otherContent = await signer.signTypedData(domain, types, { versionLabel: 'Welcome v2' });
    expect(() => checkSignature(payload, signer.address, otherContent)).toThrow(/refused/);
  });

  it('refuses answers that are not signatures', () => {
    for (const answer of [null, 42, '', '0x1234', `0x${'zz'.repeat(65)}`, { signature: '0x' }]) {
      expect(thrown(() => checkSignature(payload, signer.address, answer)).message).toMatch(/not a signature/);
    }
    expect(thrown(() => checkSignature(payload, signer.address, `0x${'00'.repeat(65)}`)).code).toBe(
      ErrorCode.Unauthorized,
    );
  });
});

describe('wallet errors for the designer', () => {
  it('names a refusal, an expiry, an ended session and a relay failure', () => {
    expect(walletError({ code: 5000, message: 'User rejected.' }).message).toMatch(/^The wallet declined/);
    expect(walletError({ code: 4001, message: 'whatever' }).code).toBe(ErrorCode.Unauthorized);
    expect(walletError(new Error('Request expired. Please try again.')).code).toBe(ErrorCode.Timeout);
    expect(walletError(new Error('No matching key. session topic doesnt exist: abc')).code).toBe(ErrorCode.NotFound);
    expect(walletError(new Error('Failed to publish payload, please try again.')).code).toBe(ErrorCode.Disconnected);
    const other = walletError('something odd');
    expect(other.code).toBe(ErrorCode.Internal);
    expect(other.message).toBe('The wallet could not sign: something odd');
    const same = new MailyError(ErrorCode.Timeout, 'x');
    expect(walletError(same)).toBe(same);
  });

  it('labels a queued request from what is signed', () => {
    expect(defaultLabel(domain, types, value)).toBe('Maily Certificate · Welcome v1');
    expect(defaultLabel({}, types, {})).toBe('Certificate');
    const nested = { Outer: [{ name: 'inner', type: 'Inner' }], Inner: [{ name: 'x', type: 'uint8' }] };
    expect(defaultLabel({ name: 'EAS' }, nested, { subject: 'Hello' })).toBe('EAS Outer · Hello');
    const attest = { Attest: [{ name: 'time', type: 'uint64' }] };
    expect(defaultLabel({ name: 'EAS Attestation' }, attest, { time: 1_764_586_620n })).toBe(
      'Trust certificate · 2025-12-01 10:57 UTC',
    );
    expect(defaultLabel({ name: 'EAS Attestation' }, attest, {})).toBe('Trust certificate');
  });
});

describe('probing the relay', () => {
  let server: Server | null = null;
  afterEach(async () => {
    const s = server;
    server = null;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  const listen = async (handler: RequestListener) => {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  it('counts any HTTP answer as reachable', async () => {
    const port = await listen((_req, res) => res.writeHead(401).end('no project id'));
    expect(await probeRelay(`ws://127.0.0.1:${port}`, 2_000)).toBe(true);
  });

  it('counts a refused port and a silent server as unreachable, within the timeout', async () => {
    const port = await listen(() => undefined); // accepts, never answers
    expect(await probeRelay(`ws://127.0.0.1:${port}`, 300)).toBe(false);
    const silent = server!;
    server = null;
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    expect(await probeRelay(`ws://127.0.0.1:${port}`, 2_000)).toBe(false);
    expect(await probeRelay('not a url', 2_000)).toBe(false);
  });
});
