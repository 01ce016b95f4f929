import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailyApi } from '../../../../src/shared/api/client';
import { ErrorCode, MailyError } from '../../../../src/shared/errors';
import type { CampaignTrust } from '../../../../src/shared/trust/types';
import { TrustStatusStore } from '../../../../src/renderer/features/trust/TrustStatusStore';

/** The one channel the store uses, answering from a queue the test controls. */
function fakeApi() {
  const answers: Array<(value: CampaignTrust | Error) => void> = [];
  const calls: string[] = [];
  const api = {
    trust: {
      campaignStatus: ({ campaignId }: { campaignId: string }) => {
        calls.push(campaignId);
        return new Promise<CampaignTrust>((resolve, reject) =>
          answers.push((v) => (v instanceof Error ? reject(v) : resolve(v))),
        );
      },
    },
  } as unknown as MailyApi;
  return { api, answers, calls };
}

const unsigned = (campaignId: string, emailId: string): CampaignTrust => ({
  campaignId,
  emails: { [emailId]: { emailId, status: 'unsigned', certificate: null, signer: null, count: 0 } },
  problems: [],
});

describe('the campaign’s badges store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once for a burst of changes, and keeps only the newest answer', async () => {
    const { api, answers, calls } = fakeApi();
    const store = new TrustStatusStore(api, 'c1', () => undefined);
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.get().size));
    store.start();
    store.schedule(500);
    store.schedule(500);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['c1']);
    store.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['c1', 'c1']);
    answers[1](unsigned('c1', 'e2'));
    answers[0](unsigned('c1', 'e1'));
    await vi.advanceTimersByTimeAsync(0);
    expect([...store.get().keys()]).toEqual(['e2']);
    expect(seen).toEqual([1]);
  });

  it('keeps the last badges and says why when a refresh fails; stops when stopped', async () => {
    const { api, answers, calls } = fakeApi();
    const store = new TrustStatusStore(api, 'c1', () => undefined);
    store.start();
    await vi.advanceTimersByTimeAsync(0);
    answers[0](unsigned('c1', 'e1'));
    await vi.advanceTimersByTimeAsync(0);
    store.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    answers[1](new MailyError(ErrorCode.Internal, 'The host is busy'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.current().error).toBe('The host is busy');
    expect(store.get().has('e1')).toBe(true);
    store.stop();
    store.schedule(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.length).toBe(2);
  });

  it('forwards a pressed badge to whoever shows the certificates', () => {
    const opened: string[] = [];
    const store = new TrustStatusStore(fakeApi().api, 'c1', (id) => opened.push(id));
    store.open('e9');
    expect(opened).toEqual(['e9']);
  });
});
