import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { AgentService } from '../src/main/services/agents/AgentService';
import { CampaignService } from '../src/main/services/campaigns/CampaignService';
import { DocService } from '../src/main/services/docs/DocService';
import type { LlmNode } from '../src/main/services/llm/LlmNode';
import { LocalLlmNode } from '../src/main/services/llm/LocalLlmNode';
import { SettingsStore } from '../src/main/services/settings/SettingsStore';
import { Database } from '../src/main/services/storage/Database';
import type { AgentRun } from '../src/shared/agents/plan';
import { buildTemplate } from '../src/shared/templates';
import { writeTinyModel } from '../tests/helpers/tinyModel';
import { percentile, round, writeResult, type BenchResult } from './results';

const ROUNDS = Number(process.env.AGENTS_BENCH_ROUNDS) || 3;
const builtWorker = fileURLToPath(new URL('../out/main/llmWorker.js', import.meta.url));

/** Each job to the member with fewer jobs in flight (the mesh router's stand-in, as in the integration test). */
function leastBusy(members: LlmNode[]): LlmNode {
  const active = new Map(members.map((m) => [m, 0]));
  return {
    id: 'bench-router',
    embed: (texts, signal) => members[0].embed(texts, signal),
    dispose: async () => undefined,
    status: () => members[0].status(),
    onStatus: (l) => members[0].onStatus(l),
    modelId: () => members[0].modelId(),
    async generate(request, onText, signal) {
      const pick = [...active].sort((a, b) => a[1] - b[1])[0][0];
      active.set(pick, active.get(pick)! + 1);
      try {
        return await pick.generate(request, onText, signal);
      } finally {
        active.set(pick, active.get(pick)! - 1);
      }
    },
  };
}

/**
 * A 3-email welcome series (the built-in plan: 7 subtasks, up to 3 in parallel) on the
 * generated tiny model: wall time of the run on one LLM node against two, and the time
 * to plan. One llama.cpp thread per node; on a 2-core machine the two nodes share it.
 */
export async function runAgentsBench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maily-agents-bench-'));
  const workerPath = existsSync(builtWorker) ? builtWorker : undefined;
  writeTinyModel(join(dir, 'models', 'tiny.gguf'), { seed: 5 });
  const db = new Database(join(dir, 'workspace.sqlite'));
  const docs = new DocService(db);
  const campaigns = new CampaignService(db, { docs });
  const nodes = [0, 1].map(
    () => new LocalLlmNode(new SettingsStore(db), { modelsDir: join(dir, 'models'), workerPath }),
  );
  try {
    for (const node of nodes) await node.load('tiny.gguf');
    const campaign = campaigns.create('Bench');
    docs.applyUpdate(campaign.id, Y.encodeStateAsUpdate(buildTemplate('welcome')), 'template');
    const service = (node: LlmNode) =>
      new AgentService({
        node,
        read: (id, fn) => docs.read(id, fn),
        apply: (id, update, origin) => void docs.applyUpdate(id, update, origin),
      });
    const one = service(nodes[0]);
    const two = service(leastBusy(nodes));
    const timings = { plan: [] as number[], one: [] as number[], two: [] as number[], failed: 0 };
    const runOnce = async (agents: AgentService): Promise<number> => {
      let started = performance.now();
      const plan = await agents.plan(campaign.id, 'Draft a 3-email welcome series');
      timings.plan.push(performance.now() - started);
      started = performance.now();
      const run = await new Promise<AgentRun>((resolve) => {
        const { runId } = agents.run(campaign.id, plan.planId, {
          progress: (p) => p.subtask === null && resolve(agents.get(runId)),
        });
      });
      if (run.state !== 'done') {
        timings.failed++;
        const why = run.subtasks.filter((s) => s.status !== 'done').map((s) => `${s.id}: ${s.error}`);
        console.warn(`A run ended ${run.state}: ${why.join('; ')}`);
      }
      return performance.now() - started;
    };
    for (let i = 0; i < ROUNDS; i++) {
      timings.one.push(await runOnce(one));
      timings.two.push(await runOnce(two));
    }
    const oneMs = percentile(timings.one, 50);
    const twoMs = percentile(timings.two, 50);
    return writeResult(
      'agents',
      {
        planMsP50: round(percentile(timings.plan, 50)),
        runOneNodeMsP50: round(oneMs),
        runTwoNodesMsP50: round(twoMs),
        twoNodesOverOne: round(twoMs / oneMs, 2),
        runsNotDone: timings.failed,
      },
      {},
      'Welcome-series plan (7 subtasks) on the tiny generated model; two LocalLlmNodes behind a least-busy router against one.',
    );
  } finally {
    await Promise.all(nodes.map((n) => n.dispose()));
    campaigns.dispose();
    docs.dispose();
    db.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runAgentsBench();
