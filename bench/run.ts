import { runAgentsBench } from './agents.bench';
import { runCanvasBench } from './canvas.bench';
import { runChainBench } from './chain.bench';
import { runCollabBench } from './collab.bench';
import { runDocsBench } from './docs.bench';
import { runEmailBench } from './email.bench';
import { runHostBench } from './host.bench';
import { runLlmBench } from './llm.bench';
import { runMemoryBench } from './memory.bench';
import { runMergeBench } from './merge.bench';
import { runMeshBench } from './mesh.bench';
import { runSchedulerBench } from './scheduler.bench';
import { runSimulatorBench } from './simulator.bench';
import { runTracingBench } from './tracing.bench';
import { runTrustBench } from './trust.bench';

/** `npm run bench`: every benchmark, each writing JSON under bench/results/. Not a test: no asserts. */
const results = [
  await runDocsBench(),
  await runHostBench(),
  await runCanvasBench(),
  await runEmailBench(),
  await runSimulatorBench(),
  await runMergeBench(),
  await runCollabBench(),
  await runMemoryBench(),
  await runLlmBench(),
  await runSchedulerBench(),
  await runAgentsBench(),
  await runMeshBench(),
  await runTracingBench(),
  await runChainBench(),
  await runTrustBench(),
];
const summary = results.map(
  (r) => `${(r as { name: string }).name}: ${(r as { met: boolean }).met ? 'targets met' : 'see JSON'}`,
);
console.log(`\n${summary.join('\n')}`);
