import { makeError } from 'ethers';
import { describe, expect, it } from 'vitest';
import { registryInterface } from '../../../../../../src/main/services/trust/chain/artifacts';
import { RpcTimeout, chainError, withTimeout } from '../../../../../../src/main/services/trust/chain/chainErrors';
import { MailyError } from '../../../../../../src/shared/errors';

const ctx = {
  rpcUrl: 'http://127.0.0.1:8545',
  chainId: 31337,
  action: 'anchor the certificate',
  timeoutMs: 8_000,
  from: '0xAbc',
};
const uid = `0x${'11'.repeat(32)}`;

function revert(data: string) {
  return makeError('execution reverted', 'CALL_EXCEPTION', {
    action: 'estimateGas',
    data,
    reason: null,
    transaction: { to: null, data: '0x' },
    invocation: null,
    revert: null,
  });
}

describe('chainError', () => {
  it('names the registry reverts', () => {
    const anchorer = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    const cases: [string, string, string][] = [
      [registryInterface.encodeErrorResult('AlreadyAnchored', [uid]), 'E_INVALID_INPUT', 'already anchored'],
      [registryInterface.encodeErrorResult('NotAnchored', [uid]), 'E_NOT_FOUND', 'not anchored'],
      [registryInterface.encodeErrorResult('NotAnchorer', [uid, anchorer]), 'E_UNAUTHORIZED', anchorer],
      [registryInterface.encodeErrorResult('AlreadyRevoked', [uid]), 'E_INVALID_INPUT', 'already revoked'],
    ];
    for (const [data, code, text] of cases) {
      const e = chainError(revert(data), ctx);
      expect(e.code).toBe(code);
      expect(e.message).toContain(text);
    }
  });

  it('maps an unknown or empty revert, timeouts, refused connections and missing funds', () => {
    expect(chainError(revert('0x'), ctx).message).toContain("Maily's contracts");
    expect(chainError(revert('0xdeadbeef'), ctx).code).toBe('E_INTERNAL');
    expect(chainError(new RpcTimeout(), ctx).code).toBe('E_TIMEOUT');
    expect(chainError(new RpcTimeout(), ctx).message).toContain('within 8 s');
    const refused = new Error('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8545'), { code: 'ECONNREFUSED' }),
    });
    expect(chainError(refused, ctx).code).toBe('E_DISCONNECTED');
    const hardhatPoor = makeError('could not coalesce error', 'UNKNOWN_ERROR', {
      error: { code: -32000, message: "Sender doesn't have enough funds to send tx." },
    });
    expect(chainError(hardhatPoor, ctx).message).toContain('0xAbc has not enough funds');
    expect(chainError(makeError('x', 'INSUFFICIENT_FUNDS', { transaction: {} }), ctx).code).toBe('E_INVALID_INPUT');
  });

  it('passes MailyErrors through and never leaks a raw message', () => {
    const own = new MailyError('E_NOT_FOUND', 'mine');
    expect(chainError(own, ctx)).toBe(own);
    const odd = chainError(new Error('internal stack detail 0xsecret'), ctx);
    expect(odd.code).toBe('E_INTERNAL');
    expect(odd.message).not.toContain('0xsecret');
    expect(chainError('a string', ctx)).toBeInstanceOf(MailyError);
    expect(chainError(null, ctx)).toBeInstanceOf(MailyError);
  });
});

describe('withTimeout', () => {
  it('rejects with RpcTimeout after the deadline and passes results through', async () => {
    await expect(withTimeout(new Promise(() => {}), 20)).rejects.toBeInstanceOf(RpcTimeout);
    await expect(withTimeout(Promise.resolve(5), 1_000)).resolves.toBe(5);
  });
});
