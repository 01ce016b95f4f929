import { useEffect } from 'react';
import type { PresenceFeed } from '../../../../shared/collab/presence';
import { emailPresence } from './emailPresence';

/**
 * Publishes the email this editor has open and the selected block ('details': none)
 * while it is open; clears it (`email: null`) when it closes. Nothing without a feed.
 */
export function useEmailPresence(presence: PresenceFeed | undefined, emailId: string, selected: string): void {
  useEffect(() => {
    if (!presence) return;
    presence.setLocal({ email: emailPresence(emailId, selected) });
  }, [presence, emailId, selected]);
  useEffect(() => {
    if (!presence) return;
    return () => presence.setLocal({ email: null });
  }, [presence, emailId]);
}
