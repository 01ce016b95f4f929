import { describe, expect, it } from 'vitest';
import {
  isMac,
  isTypingTarget,
  matchShortcut,
  shortcutHint,
  type KeyPress,
} from '../../../../src/renderer/features/canvas/shortcuts';

function press(key: string, mods: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('matchShortcut', () => {
  it.each([
    [press('z', { ctrlKey: true }), 'undo'],
    [press('z', { metaKey: true }), 'undo'],
    [press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [press('z', { metaKey: true, shiftKey: true }), 'redo'],
    [press('y', { ctrlKey: true }), 'redo'],
    [press('c', { ctrlKey: true }), 'copy'],
    [press('x', { metaKey: true }), 'cut'],
    [press('v', { ctrlKey: true }), 'paste'],
    [press('a', { ctrlKey: true }), 'selectAll'],
    [press('Delete'), 'delete'],
    [press('Backspace'), 'delete'],
    [press('Escape'), 'clearSelection'],
    [press('L', { shiftKey: true }), 'layout'],
    [press('!', { shiftKey: true, code: 'Digit1' }), 'fitView'],
  ] as const)('%o → %s', (keys, action) => {
    expect(matchShortcut(keys)).toBe(action);
  });

  it.each([
    press('l'),
    press('z'),
    press('c', { ctrlKey: true, altKey: true }),
    press('v', { ctrlKey: true, shiftKey: true }),
    press('Delete', { shiftKey: true }),
    press('q', { ctrlKey: true }),
    press('1'),
  ])('ignores %o', (keys) => {
    expect(matchShortcut(keys)).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true for form controls and editable content, false otherwise', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('hints', () => {
  it('names the shortcut for the platform', () => {
    expect(shortcutHint('undo', false)).toBe('Ctrl+Z');
    expect(shortcutHint('undo', true)).toBe('⌘Z');
    expect(shortcutHint('redo', false)).toContain('Ctrl+Y');
    expect(shortcutHint('layout', false)).toBe('Shift+L');
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Linux x86_64')).toBe(false);
  });
});
