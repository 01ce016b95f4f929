import { describe, expect, it } from 'vitest';
import { historyKey } from '../../../../src/renderer/features/email/useModalDialog';

const body = {} as Element;
const doc = { body };
(body as unknown as { ownerDocument: unknown }).ownerDocument = doc;

/** A stand-in element: inside the dialog or not, under which marked areas. */
function target(areas: string[], inside = true): Element {
  return {
    ownerDocument: doc,
    closest: (s: string) => (areas.some((a) => s.includes(a)) ? {} : null),
    inside,
  } as unknown as Element;
}

const dialog = { contains: (el: { inside?: boolean }) => el.inside === true } as unknown as Element;
const key = (t: Element, k: string, mods: Partial<KeyboardEvent> = {}) =>
  historyKey(
    {
      key: k,
      ctrlKey: true,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      defaultPrevented: false,
      target: t,
      ...mods,
    } as KeyboardEvent,
    dialog,
  );

describe('undo and redo keys', () => {
  it('apply in the parts that edit the document', () => {
    const field = target(['data-doc-undo']);
    expect(key(field, 'z')).toBe('undo');
    expect(key(field, 'Z', { shiftKey: true })).toBe('redo');
    expect(key(field, 'y')).toBe('redo');
    expect(key(field, 'z', { ctrlKey: false, metaKey: true })).toBe('undo');
    expect(key(field, 'b')).toBeNull();
    expect(key(field, 'z', { ctrlKey: false })).toBeNull();
  });

  it('leave local fields (link, sample data, SMTP) and the rest of the page alone', () => {
    expect(key(target(['data-doc-undo', 'data-local-undo']), 'z')).toBeNull();
    expect(key(target([]), 'z')).toBeNull();
    expect(key(target(['data-doc-undo'], false), 'z')).toBeNull();
  });

  it('apply with focus nowhere, after an undo removed the focused row', () => {
    expect(key(body, 'z')).toBe('undo');
  });
});
