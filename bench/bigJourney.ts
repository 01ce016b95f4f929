import { seededRandom } from '../src/shared/simulator/random';
import * as Y from 'yjs';
import { portsOf, type NodeKind } from '../src/shared/journey/kinds';
import type { Journey } from '../src/shared/journey/model';
import { addEdge, addNode, readJourney } from '../src/shared/journey/ydoc';

/**
 * A large, valid-shaped journey: one entry, then emails, delays, conditions and
 * updates laid out in columns, connected forward until `edgeCount` edges exist.
 */
export function buildBigJourney(nodeCount = 2000, edgeCount = 2500, seed = 42): Y.Doc {
  const random = seededRandom(seed);
  const doc = new Y.Doc();
  const kinds: NodeKind[] = ['email', 'delay', 'condition', 'condition', 'updateProfile', 'waitUntil'];
  const ids: string[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind: NodeKind = i === 0 ? 'entry' : i % 97 === 0 ? 'goal' : kinds[Math.floor(random() * kinds.length)];
    ids.push(addNode(doc, kind, { x: Math.floor(i / 40) * 280, y: (i % 40) * 140 }));
  }
  const journey: Journey = readJourney(doc);
  const outputs = journey.nodes.flatMap((node, i) =>
    portsOf(node.kind, node.data).outputs.map((port) => ({ i, handle: port.id })),
  );
  let edges = 0;
  for (const { i, handle } of outputs) {
    if (edges >= edgeCount || i >= nodeCount - 1) continue;
    const first = handle === 'out' || handle === 'yes' || handle === 'event';
    const target = first ? i + 1 : Math.min(nodeCount - 1, i + 2 + Math.floor(random() * 60));
    const attempt = { source: ids[i], sourceHandle: handle, target: ids[target], targetHandle: 'in' };
    const written = addEdge(doc, attempt, undefined, journey);
    if (!written.ok) throw new Error(`bench journey: ${written.reason}`);
    journey.edges.push({ id: written.id!, ...attempt });
    edges++;
  }
  return doc;
}
