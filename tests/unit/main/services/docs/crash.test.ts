import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../../../../src/main/services/docs/DocService';
import { nodesOf, tempWorkspace, type TempWorkspace } from '../helpers';

const worker = fileURLToPath(new URL('./fixtures/appendWorker.ts', import.meta.url));

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

interface Ack {
  seq: number;
  nodeId: string;
}

/** Runs the worker, SIGKILLs it right after the `killAfter`-th ack and returns the acks read. */
async function appendUntilKilled(campaignId: string, prefix: string, killAfter: number): Promise<Ack[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, ws.file, campaignId, prefix], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit');
  const acks: Ack[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    const [word, seq, nodeId] = line.split(' ');
    if (word !== 'saved') continue;
    acks.push({ seq: Number(seq), nodeId });
    if (acks.length === killAfter) {
      child.kill('SIGKILL');
      break;
    }
  }
  const [code, signal] = await exited;
  expect({ code, signal, stderr }).toMatchObject({ signal: 'SIGKILL' });
  return acks;
}

describe('durability', () => {
  it('every acknowledged update survives kill -9, round after round', async () => {
    const db = ws.open();
    const id = new CampaignService(db).create('Crash test').id;
    db.dispose();
    const acked: Ack[] = [];
    for (const [round, killAfter] of [
      [1, 180],
      [2, 61],
      [3, 333],
    ] as const) {
      acked.push(...(await appendUntilKilled(id, `r${round}-`, killAfter)));
      const opened = new DocService(ws.open()).open(id);
      expect(opened.readOnly, opened.problem ?? '').toBe(false);
      const nodes = nodesOf(opened.state);
      const missing = acked.filter((ack) => !(ack.nodeId in nodes));
      expect(missing).toEqual([]);
      expect(opened.seq).toBeGreaterThanOrEqual(acked.at(-1)?.seq ?? 0);
    }
    expect(acked.length).toBe(180 + 61 + 333);
  }, 60_000);
});
