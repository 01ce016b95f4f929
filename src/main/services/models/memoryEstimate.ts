import type { ModelInfo } from '../../../shared/ai/models';

/** The context size memory is estimated for: what the LLM node loads by default, at most. */
const ESTIMATE_CONTEXT = 4096;

/**
 * The memory a model needs with a default context, from node-llama-cpp's `GgufInsights`:
 * `ramBytes` on the CPU alone, `vramBytes` with every layer on a GPU. Only for files
 * `checkGguf` passed (node-llama-cpp's own reader does not notice a cut-off file). The
 * insights load node-llama-cpp's addon without a llama.cpp backend — sizes only, no model
 * is ever opened here. Null when the estimate fails: the list then shows "unknown".
 */
export async function estimateMemory(path: string, contextLength: number): Promise<ModelInfo['memory']> {
  try {
    const { readGgufFileInfo, GgufInsights } = await import('node-llama-cpp');
    const insights = await GgufInsights.from(await readGgufFileInfo(path, { logWarnings: false }));
    const contextSize = Math.max(1, Math.min(contextLength || ESTIMATE_CONTEXT, ESTIMATE_CONTEXT));
    const cpuModel = insights.estimateModelResourceRequirements({ gpuLayers: 0 });
    const cpuContext = insights.estimateContextResourceRequirements({ contextSize, modelGpuLayers: 0 });
    const layers = insights.totalLayers;
    const gpuModel = insights.estimateModelResourceRequirements({ gpuLayers: layers });
    const gpuContext = insights.estimateContextResourceRequirements({ contextSize, modelGpuLayers: layers });
    return {
      ramBytes: Math.round(cpuModel.cpuRam + cpuContext.cpuRam),
      vramBytes: Math.round(gpuModel.gpuVram + gpuContext.gpuVram),
    };
  } catch {
    return null; // an estimate is a hint; a file that passed the check is still usable without it
  }
}
