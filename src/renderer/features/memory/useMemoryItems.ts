import { useEffect, useState } from 'react';
import type { MemoryItem } from '../../../shared/ai/memory';
import { useApi } from '../../app/BackendContext';
import { messageOf } from '../../../shared/errors';

export interface MemoryItems {
  /** Newest first, or best match first with a query; null until the first answer. */
  items: MemoryItem[] | null;
  problem: string | null;
}

/** The memory items (matching `query`), kept up to date as any window or the AI changes them. */
export function useMemoryItems(query: string): MemoryItems {
  const api = useApi();
  const [items, setItems] = useState<MemoryItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => api.on('memory:changed', () => setGeneration((g) => g + 1)), [api]);
  useEffect(() => {
    let live = true; // an older answer arriving after a newer query must not win
    const trimmed = query.trim();
    api.memory.list(trimmed ? { query: trimmed.slice(0, 500) } : {}).then(
      (list) => {
        if (!live) return;
        setItems(list);
        setProblem(null);
      },
      (error: unknown) => live && setProblem(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [api, query, generation]);
  return { items, problem };
}
