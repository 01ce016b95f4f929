import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_PROTOCOL, STATUS_PROTOCOL } from '../../src/main/services/mesh/protocol/frames';
import { decodeInvite, encodeInvite } from '../../src/main/services/teams/inviteCode';
import type { AiDone, AiFailed, AiProgress } from '../../src/shared/ai/actions';
import type { MeshStatus } from '../../src/shared/mesh/mesh';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { startFakeOpenAiServer } from '../helpers/fakeOpenAiServer';
import { MeshTestPeer, rawFrame } from '../helpers/meshPeer';
import { writeTinyModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

/**
 * Three `maily serve` processes with their own data folders pool their LLM nodes over
 * libp2p on loopback: A has no model; B and C each have the generated model. Everything
 * goes through the hosts' WebSocket API, as the app does.
 */

/** Bigger than the unit tests' model, so that an answer takes long enough to kill its node mid-stream. */
const SLOW_MODEL = { seed: 7, embeddingLength: 256, blockCount: 6, feedForwardLength: 1024, headCount: 8 };

interface Node {
  host: HostProcess;
  client: TestClient;
  /** Its secrets' key file: the same one after a restart, so its team secret and mesh identity survive. */
  keyFile: string;
}

const nodes: Node[] = [];
let a: Node;
let b: Node;
let c: Node;

async function start(withModel: boolean, dataDir = tempDataDir('maily-mesh-'), keyFile?: string): Promise<Node> {
  if (withModel) writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), SLOW_MODEL);
  const key = keyFile ?? join(tempDataDir('maily-mesh-key-'), 'secret.key');
  const host = await startHost(dataDir, ['--secret-key-file', key]);
  const client = await TestClient.connect(host.origin, host.token);
  const node = { host, client, keyFile: key };
  nodes.push(node);
  return node;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const status = (node: Node) => node.client.call('mesh:status', {}) as Promise<MeshStatus>;
const peersWithModels = (s: MeshStatus) => s.nodes.filter((n) => n.kind === 'peer' && n.models.length > 0);

/** Runs a journey review on `node` and waits for its end. */
async function review(node: Node, campaignId: string): Promise<AiDone> {
  const { jobId } = await node.client.call('ai:run', { action: { kind: 'reviewJourney', campaignId } });
  const end = await until(
    `job ${jobId}`,
    async () =>
      node.client.events.find(
        (e) => (e.ev === 'ai:done' || e.ev === 'ai:failed') && (e.data as { jobId: string }).jobId === jobId,
      ),
    120_000,
  );
  if (end.ev === 'ai:failed') throw new Error(`the job failed: ${(end.data as AiFailed).error.message}`);
  return end.data as AiDone;
}

beforeAll(async () => {
  [a, b, c] = await Promise.all([start(false), start(true), start(true)]);
  const team = await a.client.call('teams:create', { name: 'Growth' });
  // The mesh starts by itself for the first team; its addresses then go into invites.
  await until('A’s mesh', async () => (await status(a)).state === 'running');
  const invite = await a.client.call('teams:invite', { teamId: team.id });
  await b.client.call('teams:join', { invite: invite.code });
  await c.client.call('teams:join', { invite: invite.code });
}, 120_000);

afterAll(async () => {
  for (const node of nodes.splice(0)) {
    node.client.close();
    await node.host.stop('SIGKILL');
  }
});

describe('the AI mesh between three hosts on loopback', () => {
  it('finds teammates by the invite’s address and by mDNS, and shows their nodes', async () => {
    const seen = await until('A to see B and C with their models and round trips', async () => {
      const s = await status(a);
      return peersWithModels(s).filter((n) => n.roundTripMs !== null).length === 2 && s;
    });
    expect(seen.nodes.find((n) => n.kind === 'local')).toMatchObject({ models: [] }); // A has no model
    expect(peersWithModels(seen).map((n) => n.models[0]?.id)).toEqual(['tiny.gguf', 'tiny.gguf']);
    // B and C only had A's address (from the invite): they found each other on the LAN by mDNS.
    const bPeerId = (await status(b)).peerId;
    await until('C to see B', async () =>
      (await status(c)).nodes.some((n) => n.id === bPeerId && n.state !== 'unreachable'),
    );
  });

  it('sends jobs to teammates’ nodes and spreads them when one is busy', async () => {
    const campaign = await a.client.call('campaigns:create', { name: 'Welcome', template: 'welcome' });
    const [bId, cId] = [(await status(b)).peerId, (await status(c)).peerId];
    const done = await Promise.all([review(a, campaign.id), review(a, campaign.id)]);
    const servedBy = done.map((d) => d.nodes?.[0]);
    expect(new Set(servedBy)).toEqual(new Set([bId, cId])); // one slot each: the second job went to the idle node
    for (const d of done) expect(d.result).toMatchObject({ kind: 'reviewJourney' });
  }, 240_000);
});

describe('agents across the mesh', () => {
  it('runs an agent plan’s independent subtasks on two different nodes and lands it on the canvas', async () => {
    const campaign = await a.client.call('campaigns:create', { name: 'Series' });
    const plan = await a.client.call('agents:plan', {
      campaignId: campaign.id,
      request: 'draft a 3-email welcome series',
    });
    const { runId } = await a.client.call('agents:run', { campaignId: campaign.id, planId: plan.planId });
    const run = await until(
      'the plan to finish',
      async () => {
        const r = await a.client.call('agents:get', { runId });
        return r.state !== 'running' && r;
      },
      200_000,
    );
    expect(run.state).toBe('done');
    const peers = new Set([(await status(b)).peerId, (await status(c)).peerId]);
    const used = new Set(run.subtasks.flatMap((t) => t.nodes));
    expect([...used].filter((n) => peers.has(n)).length).toBe(2); // A has no model: B and C shared the work
    const landed = await a.client.call('agents:land', { runId });
    expect(landed.emails).toBeGreaterThan(0);
  }, 300_000);
});

describe('a teammate that restarts', () => {
  it('is redialled from the remembered addresses and serves again', async () => {
    const teamId = (await status(c)).teamId!;
    const cId = (await status(c)).peerId;
    // No mDNS on C from now on: it finds the team again only through the peers it remembered.
    await c.client.call('mesh:configure', { teamId, mdns: false });
    c.client.close();
    await c.host.stop('SIGTERM');
    await until('A to see C gone', async () =>
      (await status(a)).nodes.every((n) => !(n.id === cId && n.models.length)),
    );
    c = await start(false, c.host.dataDir, c.keyFile); // the model is still in its folder
    expect(await until('C’s mesh', async () => (await status(c)).peerId)).toBe(cId); // the same mesh identity
    const back = await until(
      'A to see C again',
      async () => (await status(a)).nodes.find((n) => n.id === cId && n.models.length && n.state !== 'unreachable'),
      60_000,
    );
    expect(back.models[0]?.id).toBe('tiny.gguf');
  }, 120_000);
});

describe('outsiders and bad peers', () => {
  it('keeps out a host whose invite carries another team secret', async () => {
    const teamId = (await status(a)).teamId!;
    const invite = await a.client.call('teams:invite', { teamId });
    const forged = encodeInvite({ ...decodeInvite(invite.code), secret: randomBytes(32).toString('base64url') });
    const outsider = await start(false);
    await outsider.client.call('teams:join', { invite: forged });
    await until('the outsider’s mesh', async () => (await status(outsider)).state === 'running');
    const address = (await status(a)).listen[0];
    const refused = await outsider.client.request('mesh:dial', { address });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_DISCONNECTED' } });
    // mDNS tells it where the team is (same team id): give it a few rounds to try
    await new Promise((r) => setTimeout(r, 6_000));
    const seen = await status(outsider);
    expect(seen.nodes.filter((n) => n.kind !== 'local' && n.state !== 'unreachable')).toEqual([]);
    const outsiderId = seen.peerId;
    for (const member of [a, b, c]) expect((await status(member)).nodes.map((n) => n.id)).not.toContain(outsiderId);
  });

  it('drops a teammate that sends malformed, oversized or truncated frames, and keeps serving', async () => {
    const teamId = (await status(a)).teamId!;
    const invite = await a.client.call('teams:invite', { teamId });
    const address = (await status(a)).listen[0];
    const cases: [string, string, Uint8Array[]][] = [
      ['not JSON', STATUS_PROTOCOL, [rawFrame(9, 'not json!')]],
      ['wrong shape', JOB_PROTOCOL, [rawFrame(30, '{"t":"job","key":"local","x":1}')]],
      ['oversized', JOB_PROTOCOL, [rawFrame(0xfffffff0, 'x')]],
      ['truncated', JOB_PROTOCOL, [rawFrame(200, '{"t":"job"')]],
    ];
    for (const [what, protocol, chunks] of cases) {
      const peer = await MeshTestPeer.join(invite.code);
      try {
        const stream = await peer.open(address, protocol);
        for (const chunk of chunks) stream.send(chunk);
        if (what === 'truncated') await stream.close();
        await MeshTestPeer.ended(stream);
        const dropped = await until(`A to drop the ${what} peer`, async () =>
          (await status(a)).nodes.find((n) => n.id === peer.peerId && /could not accept/.test(n.error ?? '')),
        );
        expect(dropped.state, what).toBe('unreachable');
      } finally {
        await peer.stop();
      }
    }
    // A kept serving: its API answers and B and C are still its teammates
    expect(Array.isArray(await a.client.call('campaigns:list', {}))).toBe(true);
    expect(peersWithModels(await status(a))).toHaveLength(2);
  });
});

describe('failover', () => {
  it('finishes the answer on another node when the serving host is killed mid-stream', async () => {
    const campaign = await a.client.call('campaigns:create', { name: 'Failover', template: 'welcome' });
    const { jobId } = await a.client.call('ai:run', { action: { kind: 'reviewJourney', campaignId: campaign.id } });
    const progress = () =>
      a.client.events.filter((e) => e.ev === 'ai:progress' && (e.data as AiProgress).jobId === jobId);
    await until('the first tokens', async () => progress().length > 0, 120_000);
    const serving = await until('the serving host', async () => {
      for (const node of [b, c]) if ((await node.client.call('llm:status', {})).running > 0) return node;
      return null;
    });
    const servingId = (await status(serving)).peerId;
    const before = progress().length;
    await serving.host.stop('SIGKILL');
    const end = await until(
      'the end of the job',
      async () =>
        a.client.events.find(
          (e) => (e.ev === 'ai:done' || e.ev === 'ai:failed') && (e.data as { jobId: string }).jobId === jobId,
        ),
      120_000,
    );
    expect(end.ev, JSON.stringify(end.data)).toBe('ai:done');
    const done = end.data as AiDone;
    const other = serving === b ? c : b;
    expect(done.nodes).toEqual([servingId, (await status(other)).peerId]);
    expect(done.result).toMatchObject({ kind: 'reviewJourney' }); // the JSON answer parsed across the two nodes
    expect(progress().length).toBeGreaterThan(before); // one stream: it went on after the kill
  }, 240_000);
});

describe('an external server shared through a teammate', () => {
  it('serves a job from another desktop through the teammate that added it', async () => {
    // After the failover one of B and C is left: stop it too, so only the server can answer.
    for (const node of [b, c]) if (node.host.process.exitCode === null) await node.host.stop('SIGKILL');
    const server = await startFakeOpenAiServer();
    server.reply = { pieces: ['{"findings"', ':[]}'] };
    try {
      const d = await start(false);
      const teamId = (await status(a)).teamId!;
      await d.client.call('teams:join', { invite: (await a.client.call('teams:invite', { teamId })).code });
      await d.client.call('mesh:externalAdd', { name: 'GPU box', baseUrl: server.url, model: 'fake-model' });
      const dId = await until('D’s mesh', async () => (await status(d)).peerId);
      await until('A to see the shared server', async () =>
        (await status(a)).nodes.find((n) => n.kind === 'external' && n.models.length && n.id.startsWith(dId)),
      );
      const campaign = await a.client.call('campaigns:create', { name: 'Via GPU box', template: 'welcome' });
      const done = await review(a, campaign.id);
      expect(done.nodes?.[0]).toMatch(new RegExp(`^${dId}:ext-`));
      expect(done.result).toEqual({ kind: 'reviewJourney', findings: [] });
      expect(server.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});
