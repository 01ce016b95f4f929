import type * as Y from 'yjs';
import { ensureEmail } from '../../../shared/email/emailDoc';
import { nodesMap } from '../../../shared/journey/ydoc';

/**
 * Gives each new Email node its (empty) body at once. Left to the first block insert,
 * two teammates starting the same email at the same time — or one of them offline —
 * would each create the body map, and one body would replace the other on merge.
 */
export function createEmailBodies(doc: Y.Doc, nodeIds: readonly string[]): void {
  const nodes = nodesMap(doc);
  for (const id of nodeIds) {
    const node = nodes.get(id) as { get(key: string): unknown } | undefined;
    if (node?.get('kind') === 'email') ensureEmail(doc, id);
  }
}
