import type { DocService } from '../docs/DocService';
import type { MemoryService } from '../memory/MemoryService';
import { readJourney } from '../../../shared/journey/ydoc';
import { emailContext } from './campaignContext';

/**
 * Indexes a campaign's emails into the AI's memory as past emails (one item each, under
 * a stable id, so indexing again updates them). Called when a campaign is closed: what
 * a designer wrote becomes material for the next campaign's prompts.
 */
export function rememberCampaignEmails(docs: DocService, memory: MemoryService, campaignId: string): number {
  const emails = docs.read(campaignId, (doc) =>
    readJourney(doc)
      .nodes.filter((node) => node.kind === 'email')
      .map((node) => ({ id: node.id, ...emailContext(doc, node.id) })),
  );
  let remembered = 0;
  for (const email of emails)
    if (memory.rememberEmail(campaignId, email.id, email.subject, email.text)) remembered += 1;
  return remembered;
}
