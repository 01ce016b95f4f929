import type { LocalLlmNode } from '../llm/LocalLlmNode';
import { readSettings } from '../llm/llmSettings';
import type { ModelService } from '../models/ModelService';
import type { SettingsStore } from '../settings/SettingsStore';
import type { NodeModel } from './scheduler/NodeView';

/**
 * What the mesh says of this machine's idle node: the model it would load for a job (the
 * default model, else the only usable one — as `modelPreparer` picks), kept current as
 * the models folder changes, and its slots.
 */
export function localMember(llm: LocalLlmNode, models: ModelService, settings: SettingsStore) {
  let standby: NodeModel | null = null;
  const refresh = async () => {
    try {
      const usable = (await models.list()).filter((m) => m.problem === null);
      const preferred = await models.defaultModelId();
      const id = usable.find((m) => m.id === preferred)?.id ?? usable[0]?.id;
      standby = id ? { id, contextSize: readSettings(settings).contextSize } : null;
    } catch {
      standby = null;
    }
  };
  void refresh();
  const off = models.onChanged(() => void refresh());
  return {
    standby: () => standby,
    slots: () => readSettings(settings).concurrency,
    dispose: off,
  };
}
