import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AgentService } from '../../src/main/services/agents/AgentService';
import { CampaignService } from '../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../src/main/services/docs/DocService';
import type { LlmNode } from '../../src/main/services/llm/LlmNode';
import { LocalLlmNode } from '../../src/main/services/llm/LocalLlmNode';
import { SettingsStore } from '../../src/main/services/settings/SettingsStore';
import { Database } from '../../src/main/services/storage/Database';
import type { AgentProgress, AgentRun } from '../../src/shared/agents/plan';
import type { GenerateResult, LlmStatus } from '../../src/shared/ai/llm';
import { readEmail } from '../../src/shared/email/emailDoc';
import { readJourney } from '../../src/shared/journey/ydoc';
import { buildTemplate } from '../../src/shared/templates';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { writeTinyModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

/**
 * The agents on real inference: a generated tiny model in real llama.cpp processes. Its
 * words are noise; the JSON-schema grammars make every answer parse. What is tested is the
 * plan, the DAG across two nodes, and the landing in the stored campaign.
 */

/**
 * A test-only router over two real nodes (the mesh's stand-in): each job goes to the node
 * with fewer jobs in flight (ties alternate) and the result names it in `nodes`.
 */
function testRouter(members: { name: string; node: LlmNode }[]): LlmNode & { used: Set<string> } {
  const active = new Map(members.map((m) => [m.name, 0]));
  let turn = 0;
  const used = new Set<string>();
  return {
    id: 'router',
    used,
    status: () => members[0].node.status(),
    onStatus: (l) => members[0].node.onStatus(l),
    modelId: () => members[0].node.modelId(),
    embed: (texts, signal) => members[0].node.embed(texts, signal),
    dispose: async () => undefined,
    async generate(request, onText, signal): Promise<GenerateResult> {
      const least = Math.min(...active.values());
      const free = members.filter((m) => active.get(m.name) === least);
      const pick = free[turn++ % free.length];
      active.set(pick.name, active.get(pick.name)! + 1);
      used.add(pick.name);
      try {
        const result = await pick.node.generate(request, onText, signal);
        return { ...result, nodes: [pick.name] };
      } finally {
        active.set(pick.name, active.get(pick.name)! - 1);
      }
    },
  };
}

describe('agents on two real LLM nodes', () => {
  let dir: string;
  let db: Database;
  let docs: DocService;
  let campaigns: CampaignService;
  const nodes: LocalLlmNode[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'maily-agents-'));
    writeTinyModel(join(dir, 'models', 'tiny.gguf'), { seed: 5 });
    db = new Database(join(dir, 'workspace.sqlite'));
    docs = new DocService(db);
    campaigns = new CampaignService(db, { docs });
    for (let i = 0; i < 2; i++) {
      const node = new LocalLlmNode(new SettingsStore(db), { modelsDir: join(dir, 'models') });
      nodes.push(node);
      const status: LlmStatus = await node.load('tiny.gguf');
      expect(status.state).toBe('ready');
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.dispose()));
    campaigns?.dispose();
    docs?.dispose();
    db?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans a welcome series, runs its subtasks on both nodes and lands the emails', async () => {
    const campaign = campaigns.create('Welcome');
    docs.applyUpdate(campaign.id, Y.encodeStateAsUpdate(buildTemplate('welcome')), 'template');
    const emailsBefore = docs.read(campaign.id, (d) => readJourney(d).nodes.filter((n) => n.kind === 'email').length);
    const router = testRouter([
      { name: 'node-a', node: nodes[0] },
      { name: 'node-b', node: nodes[1] },
    ]);
    const agents = new AgentService({
      node: router,
      read: (id, fn) => docs.read(id, fn),
      apply: (id, update, origin) => void docs.applyUpdate(id, update, origin),
    });

    const plan = await agents.plan(campaign.id, 'Draft a 3-email welcome series');
    expect(['model', 'template']).toContain(plan.source);
    expect(plan.subtasks.filter((s) => s.output === 'email').length).toBeGreaterThanOrEqual(3);
    if (plan.source === 'template') expect(plan.notes.join(' ')).toMatch(/built-in/);

    const events: AgentProgress[] = [];
    const run = await new Promise<AgentRun>((resolve) => {
      const { runId } = agents.run(campaign.id, plan.planId, {
        progress: (p) => {
          events.push(p);
          if (p.subtask === null) resolve(agents.get(runId));
        },
      });
    });
    const failed = run.subtasks.filter((s) => s.status !== 'done').map((s) => `${s.id}: ${s.error}`);
    expect(failed).toEqual([]);
    expect(run.state).toBe('done');
    // Independent subtasks went to both nodes, and each result names the node that ran it.
    expect([...router.used].sort()).toEqual(['node-a', 'node-b']);
    const ranOn = new Set(run.subtasks.flatMap((s) => s.nodes));
    expect([...ranOn].sort()).toEqual(['node-a', 'node-b']);
    expect(events.some((e) => e.delta.length > 0)).toBe(true);
    expect(run.subtasks.every((s) => s.tokens > 0 && s.output !== null)).toBe(true);

    const landed = agents.land(run.runId);
    const emails = plan.subtasks.filter((s) => s.output === 'email').length;
    expect(landed.emails).toBe(emails);
    // Read back from the database, not the in-memory doc: the landing was stored.
    docs.close(campaign.id);
    const journey = docs.read(campaign.id, (d) => readJourney(d));
    const added = journey.nodes.filter((n) => landed.nodeIds.includes(n.id));
    expect(added.filter((n) => n.kind === 'email')).toHaveLength(emails);
    expect(journey.nodes.filter((n) => n.kind === 'email')).toHaveLength(emailsBefore + emails);
    for (const email of added.filter((n) => n.kind === 'email')) {
      expect(email.problem).toBeUndefined();
      const body = docs.read(campaign.id, (d) => readEmail(d, email.id));
      expect(body.blocks.some((b) => b.kind === 'text')).toBe(true);
    }
  }, 240_000);
});

describe('maily serve: the agents channels', () => {
  let host: HostProcess | null = null;
  let client: TestClient | null = null;
  afterAll(async () => {
    client?.close();
    await host?.stop('SIGKILL');
  });

  it('plans, runs, streams progress to the caller only, lands, and refuses bad input', async () => {
    const dataDir = tempDataDir();
    writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), { seed: 2 });
    host = await startHost(dataDir);
    client = await TestClient.connect(host.origin, host.token);
    const other = await TestClient.connect(host.origin, host.token);
    try {
      const campaign = await client.call('campaigns:create', { name: 'Empty' });
      expect(await client.request('agents:plan', { campaignId: campaign.id, request: '' })).toMatchObject({
        ok: false,
        error: { code: 'E_INVALID_INPUT' },
      });
      expect(
        await client.request('agents:plan', { campaignId: campaign.id, request: 'x'.repeat(5_000) }),
      ).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
      expect(await client.request('agents:get', { runId: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'E_NOT_FOUND' },
      });

      const plan = await client.call('agents:plan', {
        campaignId: campaign.id,
        request: 'Write a 2-email re-engagement series',
      });
      expect(plan.subtasks.length).toBeGreaterThan(0);
      const { runId } = await client.call('agents:run', { campaignId: campaign.id, planId: plan.planId });
      await expect
        .poll(
          () => client!.events.some((e) => e.ev === 'agents:progress' && (e.data as AgentProgress).subtask === null),
          {
            timeout: 180_000,
            interval: 200,
          },
        )
        .toBe(true);
      const run = await client.call('agents:get', { runId });
      expect(run.state).not.toBe('running');
      expect(other.events.some((e) => e.ev === 'agents:progress')).toBe(false);
      const emailsDone = run.subtasks.filter(
        (s) => s.status === 'done' && plan.subtasks.find((p) => p.id === s.id)?.output === 'email',
      ).length;
      expect(emailsDone).toBeGreaterThan(0);

      const landed = await client.call('agents:land', { runId });
      expect(landed.emails).toBe(emailsDone);
      const opened = await client.call('docs:open', { campaignId: campaign.id });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, opened.state);
      const kinds = readJourney(doc).nodes.map((n) => n.kind);
      expect(kinds.filter((k) => k === 'email')).toHaveLength(emailsDone);
      expect(kinds).toContain('entry');
      expect(await client.call('campaigns:list', {})).toHaveLength(1); // still serving
    } finally {
      other.close();
    }
  }, 240_000);
});
