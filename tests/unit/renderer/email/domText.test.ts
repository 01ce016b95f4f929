import { describe, expect, it } from 'vitest';
import { pointAt, readDomText, type DomLike } from '../../../../src/renderer/features/email/text/domText';

/** A tiny DOM of plain objects: enough for the reader. */
type Fake = DomLike & { childNodes: Fake[]; parentNode: Fake | null; nextSibling: Fake | null };

function text(value: string): Fake {
  return { nodeType: 3, nodeName: '#text', nodeValue: value, childNodes: [], parentNode: null, nextSibling: null };
}

function el(name: string, ...children: (Fake | string)[]): Fake {
  const node: Fake = {
    nodeType: 1,
    nodeName: name,
    nodeValue: null,
    childNodes: [],
    parentNode: null,
    nextSibling: null,
  };
  node.childNodes = children.map((c) => (typeof c === 'string' ? text(c) : c));
  node.childNodes.forEach((child, i) => {
    child.parentNode = node;
    child.nextSibling = node.childNodes[i + 1] ?? null;
  });
  return node;
}

const br = () => el('BR');
const line = (...c: (Fake | string)[]) => el('DIV', ...c);
const root = (...c: (Fake | string)[]) => el('DIV', ...c);
const read = (node: Fake) => readDomText(node).text;

describe('readDomText', () => {
  it('reads the rendered form: one block per line, <br> keeping empty lines open', () => {
    expect(read(root(line('Hello ', el('STRONG', 'there')), line('second')))).toBe('Hello there\nsecond');
    expect(read(root(line(br())))).toBe('');
    expect(read(root(line('a'), line(br()), line('b')))).toBe('a\n\nb');
    expect(read(root(line('a'), line(br())))).toBe('a\n');
    expect(read(root())).toBe('');
  });

  it('reads what the browser leaves between renders', () => {
    // Text typed into an emptied field lands at the top level.
    expect(read(root('abc'))).toBe('abc');
    expect(read(root('abc', line('def')))).toBe('abc\ndef');
    expect(read(root(line('a'), 'xyz'))).toBe('a\nxyz');
    // A trailing <br> in a line is a placeholder; one in the middle is a break.
    expect(read(root(line('abc', br())))).toBe('abc');
    expect(read(root(line('a', br(), 'b')))).toBe('a\nb');
    expect(read(root('a', br(), br()))).toBe('a\n');
    // Nested blocks do not add empty lines; empty text nodes add nothing.
    expect(read(root(line(line('a')), line('b')))).toBe('a\nb');
    expect(read(root(line('a'), text(''), line('b')))).toBe('a\nb');
    expect(read(root(line('a\u00a0b')))).toBe('a b');
  });

  it('maps selection points to offsets in the text', () => {
    const first = text('Hello ');
    const bold = text('there');
    const second = text('line');
    const empty = line(br());
    const dom = root(line(first, el('STRONG', bold)), empty, line(second));
    const { text: value, offsets } = readDomText(dom, [
      { node: first, offset: 2 },
      { node: bold, offset: 5 },
      { node: empty, offset: 0 },
      { node: second, offset: 4 },
      { node: dom, offset: 3 },
      { node: text('elsewhere'), offset: 0 },
    ]);
    expect(value).toBe('Hello there\n\nline');
    expect(offsets).toEqual([2, 11, 12, 17, 17, null]);
  });
});

describe('pointAt', () => {
  it('finds the text node and offset for a text offset', () => {
    const a = text('Hello ');
    const b = text('there');
    const c = text('line');
    const empty = line(br());
    const dom = root(line(a, el('EM', b)), empty, line(c));
    expect(pointAt(dom, 0)).toEqual({ node: a, offset: 0 });
    expect(pointAt(dom, 6)).toEqual({ node: a, offset: 6 });
    expect(pointAt(dom, 7)).toEqual({ node: b, offset: 1 });
    expect(pointAt(dom, 12)).toEqual({ node: empty, offset: 0 });
    expect(pointAt(dom, 15)).toEqual({ node: c, offset: 2 });
    expect(pointAt(dom, 99)).toEqual({ node: c, offset: 4 });
  });

  it('round-trips with readDomText', () => {
    const dom = root(line('ab', el('STRONG', 'cd')), line(br()), line('ef'));
    const value = read(dom);
    for (let offset = 0; offset <= value.length; offset++) {
      expect(readDomText(dom, [pointAt(dom, offset)]).offsets[0]).toBe(offset);
    }
  });
});
