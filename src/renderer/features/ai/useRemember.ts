import { useCallback } from 'react';
import { useApi } from '../../app/BackendContext';

/** Remembers an accepted suggestion, so later prompts can learn from it. Best effort. */
export function useRemember() {
  const api = useApi();
  return useCallback(
    (title: string, text: string) => {
      if (!text.trim()) return;
      void api.memory.add({ kind: 'acceptedSuggestion', title, text: text.slice(0, 20_000) }).catch(() => {
        // Memory is a help, not a must: an accepted suggestion is already in the campaign.
      });
    },
    [api],
  );
}
