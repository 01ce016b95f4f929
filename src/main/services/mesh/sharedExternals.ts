import type { LlmNode } from '../llm/LlmNode';
import type { ExternalNodes } from './external/ExternalNodes';
import type { SharedNode } from './MeshService';

/** The configured external servers as the mesh sees them: node, model, slots, shared or not. */
export function sharedExternals(externals: ExternalNodes, instrument: (node: LlmNode) => LlmNode) {
  return {
    nodes(): SharedNode[] {
      const out: SharedNode[] = [];
      for (const node of externals.nodes()) {
        const entry = externals.entryOfNode(node.id);
        if (!entry) continue;
        out.push({
          key: node.id,
          name: entry.name,
          node: instrument(node),
          models: [{ id: entry.model, contextSize: entry.contextSize }],
          slots: entry.concurrency,
          share: entry.share,
        });
      }
      return out;
    },
    onChanged: (listener: () => void) => externals.onChanged(() => listener()),
  };
}
