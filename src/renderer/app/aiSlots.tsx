import { DraftEmail, RewriteBlock, SubjectLineSuggestions } from '../features/ai';
import type { EmailAiSlots } from '../features/email';

/** The AI feature's controls, placed in the email editor's slots. */
export function emailAiSlots(campaignId: string, emailId: string): EmailAiSlots {
  return {
    subject: (use) => <SubjectLineSuggestions campaignId={campaignId} emailId={emailId} onUse={use} />,
    draft: (accept) => <DraftEmail campaignId={campaignId} emailId={emailId} onAccept={accept} />,
    block: (blockId, accept) => (
      <RewriteBlock key={blockId} campaignId={campaignId} emailId={emailId} blockId={blockId} onAccept={accept} />
    ),
  };
}
