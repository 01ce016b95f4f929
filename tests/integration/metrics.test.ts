import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type HostProcess } from '../helpers/hostProcess';

let host: HostProcess | null = null;

afterEach(async () => {
  await host?.stop('SIGKILL');
  host = null;
});

describe('GET /metrics', () => {
  it('serves the LLM metrics as Prometheus text, without a token', async () => {
    host = await startHost();
    const res = await fetch(`http://127.0.0.1:${host.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('# HELP maily_llm_requests_total');
    expect(text).toContain('maily_llm_queue_depth{node="local"} 0');
  });
});
