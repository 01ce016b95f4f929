import { describe, expect, it } from 'vitest';
import { cssString } from '../../../../src/shared/collab/presenceCss';
import {
  selectionPresence,
  sameViewport,
  viewportPresence,
} from '../../../../src/renderer/features/canvas/presence/localPresence';
import { sameIds, selectionStyle } from '../../../../src/renderer/features/canvas/presence/selectionStyle';

const alex = { name: 'Alex', colour: '#d9480f' };

/**
 * A small CSS scanner: the quoted strings (escapes decoded) and whether braces balance
 * outside them. Enough to show a hostile value stayed inside its string.
 */
function scan(css: string): { strings: string[]; balanced: boolean; rules: number } {
  const strings: string[] = [];
  let depth = 0;
  let rules = 0;
  let balanced = true;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '"') {
      let value = '';
      for (i++; css[i] !== '"'; i++) {
        if (i >= css.length || css[i] === '\n') return { strings, balanced: false, rules };
        if (css[i] === '\\') {
          const hex = /^[0-9a-f]{1,6} ?/i.exec(css.slice(i + 1))!;
          value += String.fromCodePoint(parseInt(hex[0], 16));
          i += hex[0].length;
        } else value += css[i];
      }
      strings.push(value);
    } else if (c === '{') {
      depth++;
      rules++;
    } else if (c === '}') {
      depth--;
      if (depth < 0) balanced = false;
    } else if (c === '<') balanced = false;
  }
  return { strings, balanced: balanced && depth === 0, rules };
}

describe('css strings', () => {
  it('keep safe text as it is and escape the rest', () => {
    expect(cssString('node-1_a')).toBe('"node-1_a"');
    expect(cssString('a"b')).toBe('"a\\22 b"');
    expect(cssString('\\')).toBe('"\\5c "');
  });

  it('round-trip hostile text', () => {
    for (const text of ['"]{}', '</style><script>', 'a\nb', '\\"', '😀 é', "'", '*/ /*']) {
      const { strings, balanced } = scan(cssString(text));
      expect(balanced).toBe(true);
      expect(strings).toEqual([text]);
    }
  });
});

describe('selection style of a teammate', () => {
  it('is empty without a selection', () => {
    expect(selectionStyle({ user: alex })).toBe('');
    expect(selectionStyle({ user: alex, selection: [] })).toBe('');
  });

  it('outlines each selected node in their colour with their name', () => {
    const css = selectionStyle({ user: alex, selection: ['n1', 'n2'] });
    expect(css).toContain('.react-flow__node[data-id="n1"]');
    expect(css).toContain('.react-flow__node[data-id="n2"]::before');
    expect(css).toContain('outline: 2px solid #d9480f');
    expect(css).toContain('content: "Alex"');
    expect(scan(css)).toMatchObject({ balanced: true, rules: 2 });
  });

  it('keeps hostile ids and names inside their strings', () => {
    const ids = ['"]{}', '"] , body { display: none } [x="', '</style>', 'a\\', '\n'];
    const name = '"; } body { display: none } .x::before { content: "';
    const css = selectionStyle({ user: { name, colour: '#000000' }, selection: ids });
    const { strings, balanced, rules } = scan(css);
    expect(balanced).toBe(true);
    expect(rules).toBe(2);
    expect(css).not.toContain('</style>');
    expect(strings).toEqual([...ids, ...ids, name]);
  });

  it('ignores a colour that is not #rrggbb', () => {
    const css = selectionStyle({ user: { name: 'X', colour: 'red;} body{x:y' }, selection: ['a'] });
    expect(css).not.toContain('red');
    expect(scan(css).balanced).toBe(true);
  });

  it('caps a very long list at 500 nodes and drops repeats', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `n${i % 2000}`);
    const css = selectionStyle({ user: alex, selection: ids });
    const { strings, rules } = scan(css);
    expect(rules).toBe(2);
    const selected = strings.slice(0, -1);
    expect(selected).toHaveLength(1000);
    expect(new Set(selected).size).toBe(500);
    expect(selected[0]).toBe('n0');
    expect(selected[499]).toBe('n499');
  });

  it('compares id lists by value', () => {
    expect(sameIds(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameIds([], [])).toBe(true);
  });
});

describe('local presence', () => {
  it('publishes only ids presence can carry, at most 500', () => {
    expect(selectionPresence(new Set(['a', 'x'.repeat(65), 'b']))).toEqual(['a', 'b']);
    expect(selectionPresence(Array.from({ length: 600 }, (_, i) => `n${i}`))).toHaveLength(500);
  });

  it('reads the viewport from the transform, refusing what presence would reject', () => {
    expect(viewportPresence([10, -20, 1.5])).toEqual({ x: 10, y: -20, zoom: 1.5 });
    expect(viewportPresence([NaN, 0, 1])).toBeNull();
    expect(viewportPresence([0, 0, 0])).toBeNull();
  });

  it('treats sub-pixel differences as the same viewport', () => {
    expect(sameViewport({ x: 1, y: 2, zoom: 1 }, { x: 1.2, y: 2.1, zoom: 1.0001 })).toBe(true);
    expect(sameViewport({ x: 1, y: 2, zoom: 1 }, { x: 5, y: 2, zoom: 1 })).toBe(false);
    expect(sameViewport(null, null)).toBe(true);
    expect(sameViewport(null, { x: 0, y: 0, zoom: 1 })).toBe(false);
  });
});
