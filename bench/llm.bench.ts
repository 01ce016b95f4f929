import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { getLlama, LlamaChatSession, LlamaLogLevel } from 'node-llama-cpp';
import { LocalLlmNode } from '../src/main/services/llm/LocalLlmNode';
import { SettingsStore } from '../src/main/services/settings/SettingsStore';
import { Database } from '../src/main/services/storage/Database';
import type { GenerateRequest } from '../src/shared/ai/llm';
import { writeTinyModel } from '../tests/helpers/tinyModel';
import { percentile, round, writeResult, type BenchResult } from './results';

/** One thread on both sides: the same work, and steadier numbers on a small shared machine. */
const THREADS = 1;
const TOKENS = 1_000;
const ROUNDS = 12;
const builtWorker = fileURLToPath(new URL('../out/main/llmWorker.js', import.meta.url));

const request: GenerateRequest = {
  messages: [{ role: 'user', content: 'Write a friendly welcome email for new subscribers.' }],
  maxTokens: TOKENS,
  temperature: 0.7,
  seed: 11,
};

/** node-llama-cpp in this process, as an app without the model process would call it. */
async function directRunner(modelPath: string) {
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: { max: 4096 }, threads: THREADS });
  const sequence = context.getSequence();
  const chatWrapper = new LlamaChatSession({ contextSequence: sequence }).chatWrapper; // resolved once, as the node does
  return {
    async run(): Promise<{ tokens: number; ms: number }> {
      const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper });
      session.setChatHistory([]);
      let tokens = 0;
      const started = performance.now();
      await session.promptWithMeta(request.messages[0].content, {
        maxTokens: TOKENS,
        temperature: request.temperature,
        seed: request.seed,
        onTextChunk: () => {},
        onToken: (t) => (tokens += t.length),
      });
      const ms = performance.now() - started;
      session.dispose();
      return { tokens, ms };
    },
    dispose: () => model.dispose().then(() => llama.dispose()),
  };
}

/**
 * (a) The host's event-loop delay while LocalLlmNode generates (it owns the node, so the
 * lag is what every IPC call and WebSocket frame would see). (b) Tokens per second through
 * LocalLlmNode (child process, IPC, batched text) against node-llama-cpp called directly
 * in this process, same model, threads and sampling; rounds alternate so load drifts hit both.
 */
export async function runLlmBench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maily-llm-bench-'));
  const db = new Database(join(dir, 'workspace.sqlite'));
  const modelsDir = join(dir, 'models');
  const model = writeTinyModel(join(modelsDir, 'tiny.gguf'), { seed: 1 });
  const workerPath = existsSync(builtWorker) ? builtWorker : undefined; // `npm run bench` builds first
  const node = new LocalLlmNode(new SettingsStore(db), { modelsDir, workerPath });
  const direct = await directRunner(model.path);
  try {
    node.saveSettings({ threads: THREADS, concurrency: 1, gpu: false }); // the direct side's backend
    const loaded = await node.load('tiny.gguf');
    if (loaded.state !== 'ready') throw new Error(loaded.error ?? 'the model did not load');
    await node.generate({ ...request, maxTokens: 50 }, () => {}); // warm both sides up
    await direct.run();

    // Throughput first, with nothing else running in this process (the lag monitor's timer
    // would otherwise take CPU from whichever side it watches).
    const viaNode: number[] = [];
    const viaDirect: number[] = [];
    let chunks = 0;
    const runNode = async () => {
      const started = performance.now();
      const result = await node.generate(request, () => chunks++);
      viaNode.push(result.tokens / ((performance.now() - started) / 1000));
    };
    const runDirect = async () => {
      const d = await direct.run();
      viaDirect.push(d.tokens / (d.ms / 1000));
    };
    for (let i = 0; i < ROUNDS; i++) {
      // Swap the order each round, so a machine getting busier or quieter hits both sides alike.
      if (i % 2 === 0) await runNode().then(runDirect);
      else await runDirect().then(runNode);
    }
    // Each round's pair ran back to back: the median of their ratios shrugs off load swings.
    const ratios = viaNode.map((tps, i) => tps / viaDirect[i]);
    // Then the host's event-loop delay while the node generates.
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    for (let i = 0; i < ROUNDS / 2; i++) await node.generate(request, () => {});
    lag.disable();
    const results = {
      tokensPerRun: TOKENS,
      threads: THREADS,
      eventLoopP99Ms: round(lag.percentile(99) / 1e6, 2),
      eventLoopMaxMs: round(lag.max / 1e6, 2),
      nodeTokensPerSecond: Math.round(percentile(viaNode, 50)),
      directTokensPerSecond: Math.round(percentile(viaDirect, 50)),
      nodeTokensPerSecondMin: Math.round(Math.min(...viaNode)),
      directTokensPerSecondMin: Math.round(Math.min(...viaDirect)),
      overheadPercent: round((1 - percentile(ratios, 50)) * 100, 1),
      textMessagesPerRun: Math.round(chunks / ROUNDS),
    };
    const targets = { eventLoopP99Ms: 20, overheadPercent: 5 };
    const notes =
      `Tiny generated llama GGUF (~130k params), ${TOKENS} tokens per run, ${ROUNDS} rounds of one run ` +
      'each, order swapped every round; overhead = 1 - median per-round node/direct tokens/s ratio. ' +
      'node = LocalLlmNode.generate wall time (child process, IPC, text batched every 16 ms); ' +
      'direct = LlamaChatSession.promptWithMeta in this process; both CPU, same threads and seed. ' +
      'Event-loop delay: perf_hooks monitorEventLoopDelay (5 ms resolution) in the process that owns ' +
      'LocalLlmNode, over further node runs. A shared, busy machine swings single runs by ±20%.';
    return writeResult('llm', results, targets, notes);
  } finally {
    await node.dispose();
    await direct.dispose();
    db.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
