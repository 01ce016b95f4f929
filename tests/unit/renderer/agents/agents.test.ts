import { describe, expect, it } from 'vitest';
import { templatePlan } from '../../../../src/main/services/agents/planTemplates';
import { isAgentsShortcut } from '../../../../src/renderer/features/agents/agentsShortcut';
import { layoutPlan } from '../../../../src/renderer/features/agents/planLayout';
import { outputSnippet } from '../../../../src/renderer/features/agents/SubtaskCard';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>) => ({
  key,
  code: `Key${key.toUpperCase()}`,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the agents panel', () => {
  it('opens on Ctrl+Alt+G or ⌥⌘G only', () => {
    expect(isAgentsShortcut(press('g', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(isAgentsShortcut({ ...press('©', { metaKey: true, altKey: true }), code: 'KeyG' })).toBe(true);
    expect(isAgentsShortcut(press('g', { ctrlKey: true }))).toBe(false);
    expect(isAgentsShortcut(press('g', { ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
    expect(isAgentsShortcut(press('v', { ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('lays the plan out one row per level, no two cards in one place', () => {
    const { plan } = templatePlan('Draft a 3-email welcome series');
    const at = layoutPlan(plan.subtasks);
    expect(at.get('audience')!.y).toBe(0);
    expect(at.get('email1')!.y).toBeGreaterThan(at.get('audience')!.y);
    expect(at.get('review')!.y).toBeGreaterThan(at.get('personalise')!.y);
    const spots = new Set([...at.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(plan.subtasks.length);
  });

  it('shows a short snippet of each kind of output', () => {
    const long = 'word '.repeat(100);
    expect(outputSnippet({ kind: 'email', subject: 'Hi', preheader: '', heading: '', paragraphs: ['Body'] })).toBe(
      'Hi — Body',
    );
    expect(outputSnippet({ kind: 'note', text: long }).length).toBe(140);
    expect(outputSnippet({ kind: 'analysis', points: ['a', 'b'] })).toBe('a · b');
    expect(outputSnippet({ kind: 'step', label: 'Wait', detail: '2 days' })).toBe('Wait: 2 days');
  });
});
