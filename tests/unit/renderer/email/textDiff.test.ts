import { describe, expect, it } from 'vitest';
import { diffText, transformOffset } from '../../../../src/renderer/features/email/text/textDiff';

const apply = (text: string, edit: { index: number; remove: number; insert: string } | null) =>
  edit ? text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove) : text;

describe('diffText', () => {
  it('finds the one insert, delete or replacement between two texts', () => {
    expect(diffText('hello', 'hello')).toBeNull();
    expect(diffText('hello', 'hello!')).toEqual({ index: 5, remove: 0, insert: '!' });
    expect(diffText('hello', 'hllo')).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('hello world', 'hello there')).toEqual({ index: 6, remove: 5, insert: 'there' });
    expect(diffText('', 'abc')).toEqual({ index: 0, remove: 0, insert: 'abc' });
    expect(diffText('abc', '')).toEqual({ index: 0, remove: 3, insert: '' });
  });

  it('places an ambiguous edit at the caret', () => {
    // Typing "a" after the first "a" of "aa": without the caret it looks like an append.
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    // Backspace between two equal letters.
    expect(diffText('abba', 'aba', 2)).toEqual({ index: 2, remove: 1, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    const edit = diffText('a😀b', 'a😃b')!;
    expect(edit).toEqual({ index: 1, remove: 2, insert: '😃' });
    const shared = diffText('x😀', 'x😀😀', 5)!;
    expect(apply('x😀', shared)).toBe('x😀😀');
    expect(shared.insert).toBe('😀');
  });

  it('always yields an edit that turns before into after', () => {
    const texts = ['', 'a', 'ab', 'abc', 'aab', 'bba', 'a\nb', 'abcabc', '😀a'];
    for (const before of texts)
      for (const after of texts)
        for (let caret = 0; caret <= after.length; caret++)
          expect(apply(before, diffText(before, after, caret))).toBe(after);
  });
});

describe('transformOffset', () => {
  it('moves a caret past changes made before it, not after it', () => {
    expect(transformOffset(5, [{ insert: 'xyz' }])).toBe(8);
    expect(transformOffset(5, [{ retain: 5 }, { insert: 'xyz' }])).toBe(5);
    expect(transformOffset(5, [{ retain: 6 }, { insert: 'xyz' }])).toBe(5);
    expect(transformOffset(5, [{ retain: 2 }, { delete: 2 }])).toBe(3);
    expect(transformOffset(5, [{ retain: 7 }, { delete: 2 }])).toBe(5);
  });

  it('puts a caret inside deleted text at the start of the deletion', () => {
    expect(transformOffset(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
    expect(transformOffset(5, [{ delete: 10 }, { insert: 'ab' }])).toBe(0);
  });

  it('counts an embed as one position and ignores format-only retains', () => {
    expect(transformOffset(2, [{ insert: { image: 'x' } }])).toBe(3);
    expect(transformOffset(4, [{ retain: 3 } as { retain: number }])).toBe(4);
  });
});
