import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type HostProcess } from '../helpers/hostProcess';
import { TestClient } from '../helpers/wsClient';

/** The traces channels on the real host: hostile input refused by the contract, the host keeps serving. */

let host: HostProcess | null = null;
let client: TestClient | null = null;

afterEach(async () => {
  client?.close();
  await host?.stop('SIGKILL');
  host = client = null;
});

describe('traces channels', () => {
  it('lists no traces on a fresh host and refuses bad trace ids and limits with clear codes', async () => {
    host = await startHost();
    client = await TestClient.connect(host.origin, host.token);
    expect(await client.call('traces:list', {})).toEqual([]);
    for (const traceId of ['', 'xyz', 'A'.repeat(32), '0'.repeat(33), 42, null]) {
      const reply = await client.request('traces:get', { traceId });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('E_INVALID_INPUT');
    }
    for (const limit of [0, -1, 1.5, 10_000, 'all']) {
      const reply = await client.request('traces:list', { limit });
      expect(!reply.ok && reply.error.code).toBe('E_INVALID_INPUT');
    }
    const missing = await client.request('traces:get', { traceId: 'f'.repeat(32) });
    expect(!missing.ok && missing.error.code).toBe('E_NOT_FOUND');
    expect(!missing.ok && missing.error.message).toContain('no longer kept');
    expect(await client.call('traces:list', { limit: 5 })).toEqual([]);
  });
});
