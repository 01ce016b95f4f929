import { memoryKinds, type MemoryKind } from '../../../shared/ai/memory';

/** How each kind of memory item is named in the UI, in the order the list shows them. */
export const kindLabels: Record<MemoryKind, string> = {
  brandVoice: 'Brand voice',
  pastEmail: 'Past emails',
  acceptedSuggestion: 'Accepted suggestions',
  note: 'Notes',
};

/** The kinds in display order. */
export const kindsInOrder: readonly MemoryKind[] = memoryKinds;
