import { startHost } from '../tests/helpers/hostProcess';
import { TestClient } from '../tests/helpers/wsClient';
import { percentile, round, writeResult } from './results';

/** Host cold start: spawn `maily serve` until its first request over the WebSocket is answered. */
export async function runHostBench(runs = 5) {
  const coldStart: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const host = await startHost();
    const client = await TestClient.connect(host.origin, host.token);
    await client.call('campaigns:list', {});
    coldStart.push(performance.now() - started);
    client.close();
    await host.stop();
  }
  return writeResult(
    'host-cold-start',
    { coldStartMedianMs: round(percentile(coldStart, 50)), coldStartMaxMs: round(Math.max(...coldStart)), runs },
    {},
    'Spawn of `node out/main/serve.js` on a fresh data folder until the first campaigns:list answer. No target set by the issue.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runHostBench();
