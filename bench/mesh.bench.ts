import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKeyPair } from '@libp2p/crypto/keys';
import { LocalLlmNode } from '../src/main/services/llm/LocalLlmNode';
import { JobServer } from '../src/main/services/mesh/JobServer';
import { createMeshLibp2p } from '../src/main/services/mesh/net/createMeshLibp2p';
import { JOB_PROTOCOL } from '../src/main/services/mesh/protocol/frames';
import { RemoteNode } from '../src/main/services/mesh/RemoteNode';
import { meshPsk, newTeamSecret } from '../src/main/services/teams/roomKeys';
import { SettingsStore } from '../src/main/services/settings/SettingsStore';
import { Database } from '../src/main/services/storage/Database';
import type { GenerateRequest } from '../src/shared/ai/llm';
import type { LlmNode } from '../src/main/services/llm/LlmNode';
import { writeTinyModel } from '../tests/helpers/tinyModel';
import { percentile, round, writeResult, type BenchResult } from './results';

const ROUNDS = 20;
const TOKENS = 200;
const builtWorker = fileURLToPath(new URL('../out/main/llmWorker.js', import.meta.url));
const request: GenerateRequest = {
  messages: [{ role: 'user', content: 'Three subject lines for a welcome email.' }],
  maxTokens: TOKENS,
  temperature: 0.7,
  seed: 5,
};

/** Time to first text and the gaps between text pieces of one job on `node`. */
async function timeJob(node: LlmNode): Promise<{ firstMs: number; gaps: number[] }> {
  const started = performance.now();
  let first = 0;
  let last = 0;
  const gaps: number[] = [];
  await node.generate(request, () => {
    const now = performance.now();
    if (!first) first = now;
    else gaps.push(now - last);
    last = now;
  });
  return { firstMs: first - started, gaps };
}

/**
 * Mesh overhead on loopback: the same job on this machine's LLM node, called directly,
 * and through the mesh — a RemoteNode over a libp2p stream (TCP, pnet, Noise, Yamux) to
 * a JobServer serving that same node. Rounds alternate so load drifts hit both sides.
 */
export async function runMeshBench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maily-mesh-bench-'));
  const db = new Database(join(dir, 'workspace.sqlite'));
  const modelsDir = join(dir, 'models');
  writeTinyModel(join(modelsDir, 'tiny.gguf'), { seed: 1 });
  const node = new LocalLlmNode(new SettingsStore(db), {
    modelsDir,
    workerPath: existsSync(builtWorker) ? builtWorker : undefined,
  });
  const psk = meshPsk(newTeamSecret());
  const [server, client] = await Promise.all(
    [0, 1].map(async () =>
      createMeshLibp2p({
        psk,
        privateKey: await generateKeyPair('Ed25519'),
        host: '127.0.0.1',
        port: 0,
        isDenied: () => false,
      }),
    ),
  );
  try {
    node.saveSettings({ threads: 1, concurrency: 1, gpu: false });
    const loaded = await node.load('tiny.gguf');
    if (loaded.state !== 'ready') throw new Error(loaded.error ?? 'the model did not load');
    const jobs = new JobServer({ resolve: () => node, onBadFrame: (_peer, error) => console.error(error) });
    await server.handle(JOB_PROTOCOL, (stream, connection) => jobs.handle(stream, connection.remotePeer.toString()));
    await Promise.all([server.start(), client.start()]);
    const connection = await client.dial(server.getMultiaddrs()[0]);
    const ad = {
      ...{ key: 'local', name: 'bench', kind: 'local' as const, state: 'ready' as const },
      ...{ models: [{ id: 'tiny.gguf', contextSize: 2048 }], slots: 1, running: 0, queued: 0, tokensPerSecond: null },
    };
    // As MeshService does: one job stream is opened ahead, and the next as each is taken.
    const open = () => client.dialProtocol(connection.remotePeer, JOB_PROTOCOL);
    let warm = open();
    const remote = new RemoteNode(connection.remotePeer.toString(), ad, {
      openJobStream: async () => {
        const stream = await warm;
        warm = open();
        return stream;
      },
      onBadFrame: (error) => console.error(error),
    });
    await timeJob(node); // warm both paths up
    await timeJob(remote);
    const local = { first: [] as number[], gaps: [] as number[] };
    const mesh = { first: [] as number[], gaps: [] as number[] };
    const added: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 ? [remote, node] : [node, remote];
      const timed = new Map<LlmNode, { firstMs: number; gaps: number[] }>();
      for (const n of order) timed.set(n, await timeJob(n));
      const l = timed.get(node)!;
      const m = timed.get(remote)!;
      local.first.push(l.firstMs);
      mesh.first.push(m.firstMs);
      local.gaps.push(...l.gaps);
      mesh.gaps.push(...m.gaps);
      added.push(m.firstMs - l.firstMs);
    }
    const results = {
      localFirstTokenP50Ms: round(percentile(local.first, 50)),
      meshFirstTokenP50Ms: round(percentile(mesh.first, 50)),
      addedFirstTokenP50Ms: round(percentile(added, 50)),
      addedFirstTokenP95Ms: round(percentile(added, 95)),
      localTokenGapP50Ms: round(percentile(local.gaps, 50), 3),
      meshTokenGapP50Ms: round(percentile(mesh.gaps, 50), 3),
      localTokenGapP95Ms: round(percentile(local.gaps, 95), 3),
      meshTokenGapP95Ms: round(percentile(mesh.gaps, 95), 3),
    };
    return writeResult(
      'mesh',
      results,
      { addedFirstTokenP50Ms: 5 },
      `${ROUNDS} paired rounds of a ${TOKENS}-token job on the generated model (1 thread); ` +
        'the mesh side takes a job stream opened ahead, as MeshService does (loopback, private network, Noise, Yamux).',
    );
  } finally {
    await Promise.all([server.stop(), client.stop()]);
    await node.dispose();
    db.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
