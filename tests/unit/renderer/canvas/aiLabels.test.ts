import { describe, expect, it } from 'vitest';
import { emptyCanvasAi } from '../../../../src/shared/ai/canvasAi';
import {
  isSuggestShortcut,
  pinName,
  severityLabel,
  suggestedKind,
  suggestedKindTitle,
  suggestShortcutHint,
  type AiKeyPress,
} from '../../../../src/renderer/features/canvas/ai/aiLabels';
import { outcomeText } from '../../../../src/renderer/features/canvas/ai/aiOutcome';
import { afterNodeOf } from '../../../../src/renderer/features/canvas/ai/useSuggestNext';
import { matchShortcut } from '../../../../src/renderer/features/canvas/shortcuts';
import type { FlowNode } from '../../../../src/renderer/features/canvas/flowTypes';

function press(key: string, mods: Partial<AiKeyPress> = {}): AiKeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('AI labels', () => {
  it('names severities', () => {
    expect(severityLabel('problem')).toBe('Problem');
    expect(severityLabel('warning')).toBe('Warning');
    expect(severityLabel('info')).toBe('Note');
  });

  it('knows the kinds a suggestion can add, never a note', () => {
    expect(suggestedKind('waitUntil')).toBe('waitUntil');
    expect(suggestedKind('note')).toBeNull();
    expect(suggestedKind('sms')).toBeNull();
    expect(suggestedKindTitle('waitUntil')).toBe('Wait until');
    expect(suggestedKindTitle('sms')).toBe('sms');
    expect(suggestedKindTitle('')).toBe('Step');
  });

  it('names a pin by its messages', () => {
    expect(pinName(['No subject'])).toBe('No subject');
    expect(pinName(['a', 'b'])).toBe('a · b');
  });
});

describe('the suggest shortcut', () => {
  it('is Ctrl+Alt+N or Cmd+Option+N, by key or by physical key', () => {
    expect(isSuggestShortcut(press('n', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(isSuggestShortcut(press('N', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(isSuggestShortcut(press('˜', { code: 'KeyN', metaKey: true, altKey: true }))).toBe(true);
    expect(isSuggestShortcut(press('n', { ctrlKey: true }))).toBe(false);
    expect(isSuggestShortcut(press('n', { altKey: true }))).toBe(false);
    expect(isSuggestShortcut(press('n', { ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
    expect(isSuggestShortcut(press('s', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(suggestShortcutHint(true)).toBe('⌥⌘N');
    expect(suggestShortcutHint(false)).toBe('Ctrl+Alt+N');
  });

  it('is not one of the canvas shortcuts', () => {
    expect(matchShortcut(press('n', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('afterNodeOf', () => {
  const nodes = [
    { id: 'note', type: 'note' },
    { id: 'a', type: 'email' },
    { id: 'b', type: 'delay' },
  ] as unknown as FlowNode[];
  const sel = (...ids: string[]) => ({ nodes: new Set(ids), edges: new Set<string>() });

  it('is the first selected step, skipping notes and missing nodes', () => {
    expect(afterNodeOf(sel('b', 'a'), nodes)).toBe('b');
    expect(afterNodeOf(sel('note', 'gone', 'a'), nodes)).toBe('a');
  });

  it('is null (the end of the journey) with no step selected', () => {
    expect(afterNodeOf(sel(), nodes)).toBeNull();
    expect(afterNodeOf(sel('note'), nodes)).toBeNull();
  });
});

describe('outcomeText', () => {
  const ghost = { kind: 'email', label: 'Welcome', reason: 'r', afterNodeId: null, port: null };
  it('says what the finished action gave', () => {
    expect(outcomeText('nextStep', { ...emptyCanvasAi, ghost })).toBe('Suggested a step: Email “Welcome”.');
    expect(outcomeText('reviewJourney', emptyCanvasAi)).toBe('The review found nothing to point out.');
    const findings = [{ nodeId: null, severity: 'info' as const, message: 'x' }];
    expect(outcomeText('reviewJourney', { ...emptyCanvasAi, findings })).toBe('The review found 1 thing to look at.');
    expect(outcomeText('reviewJourney', { ...emptyCanvasAi, stopped: true })).toBe('Stopped the AI.');
    expect(outcomeText('nextStep', { ...emptyCanvasAi, error: 'Model missing' })).toBe('');
  });
});
