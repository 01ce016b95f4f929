import { afterAll, describe, expect, it } from 'vitest';
import { EmailRenderer, type RenderInput } from '../../../../../src/main/services/email/EmailRenderer';
import type { Block, LeafBlock } from '../../../../../src/shared/email/blocks';
import { defaultBlock } from '../../../../../src/shared/email/defaultBlock';

/** A valid 1×1 PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const assets: RenderInput['assets'] = (id) => (id === 'logo' ? { mime: 'image/png', dataUrl: PNG } : null);

function leaf<K extends LeafBlock['kind']>(kind: K, fields: Partial<Extract<LeafBlock, { kind: K }>> = {}): LeafBlock {
  return { ...defaultBlock(kind), ...fields } as LeafBlock;
}

const renderer = new EmailRenderer({ mode: 'inline' });
afterAll(() => renderer.dispose());

function render(blocks: Block[], extra: Partial<RenderInput> = {}) {
  return renderer.render({
    node: { subject: 'Hello', preheader: '' },
    content: { blocks },
    sample: { first_name: 'Ana' },
    assets,
    ...extra,
  });
}

describe('EmailRenderer: every block kind', () => {
  it('renders a heading at its level with its alignment', async () => {
    const out = await render([leaf('heading', { text: 'Big news', level: 2, align: 'center' })]);
    expect(out.html).toMatch(/<h2 style="[^"]*font-size:22px[^"]*">Big news<\/h2>/);
    expect(out.html).toContain('text-align:center');
    expect(out.errors).toEqual([]);
  });

  it('renders rich text with bold, italic, links, line breaks and lists', async () => {
    const text = [
      { insert: 'Plain ' },
      { insert: 'bold', attributes: { bold: true } },
      { insert: ' and ' },
      { insert: 'slanted', attributes: { italic: true } },
      { insert: '\nsecond line with a ' },
      { insert: 'link', attributes: { link: { href: 'https://example.com/a?b=1&c=2' } } },
    ];
    const out = await render([
      leaf('text', { text }),
      leaf('text', { text: [{ insert: 'one\ntwo\n' }], list: 'bullet' }),
      leaf('text', { text: [{ insert: 'first\nsecond' }], list: 'number' }),
    ]);
    expect(out.html).toContain(
      'Plain <strong>bold</strong> and <em>slanted</em><br />second line with a <a href="https://example.com/a?b=1&#38;c=2"',
    );
    expect(out.html).toMatch(/<ul[^>]*><li[^>]*>one<\/li><li[^>]*>two<\/li><\/ul>/);
    expect(out.html).toMatch(/<ol[^>]*><li[^>]*>first<\/li><li[^>]*>second<\/li><\/ol>/);
    expect(out.errors).toEqual([]);
  });

  it('renders an image from the campaign, sized and linked', async () => {
    const out = await render([leaf('image', { assetId: 'logo', alt: 'Logo', width: 50, href: 'https://example.com' })]);
    expect(out.html).toMatch(/<img[^>]*alt="Logo"[^>]*src="data:image\/png;base64,/);
    expect(out.html).toContain('width="276"'); // 50% of 600 − 2 × 24 px padding
    expect(out.html).toMatch(/<a\s+href="https:\/\/example.com\/"[^>]*>\s*<img/);
    expect(out.errors).toEqual([]);
  });

  it('renders a button, a divider and a spacer with their styles', async () => {
    const out = await render([
      leaf('button', {
        label: 'Shop now',
        href: 'https://example.com/sale',
        background: '#ff0000',
        color: '#00ff00',
        radius: 12,
      }),
      leaf('divider', { color: '#123456', thickness: 3 }),
      leaf('spacer', { height: 48 }),
    ]);
    expect(out.html).toMatch(/<a\s+href="https:\/\/example.com\/sale"[^>]*>\s*Shop now\s*<\/a>/);
    expect(out.html).toContain('background:#ff0000');
    expect(out.html).toContain('color:#00ff00');
    expect(out.html).toContain('border-radius:12px');
    expect(out.html).toContain('border-top:solid 3px #123456');
    expect(out.html).toContain('height:48px');
    expect(out.errors).toEqual([]);
  });

  it('renders 2 and 3 responsive columns', async () => {
    const two = defaultBlock('columns');
    const three = {
      ...defaultBlock('columns'),
      columns: [[leaf('spacer')], [leaf('divider')], [leaf('heading', { text: 'Third' })]],
    };
    const out = await render([two, three]);
    expect(out.html).toContain('mj-column-per-50');
    expect(out.html).toContain('mj-column-per-33');
    expect(out.html).toMatch(/@media only screen and \(min-width:480px\)/);
    expect(out.html).toContain('Third');
  });

  it('applies block padding and backgrounds', async () => {
    const out = await render([
      leaf('text', { padding: { top: 1, right: 2, bottom: 3, left: 4 }, background: '#abcdef' }),
    ]);
    expect(out.html).toContain('padding:1px 2px 3px 4px');
    expect(out.html).toContain('background:#abcdef');
  });

  it('puts the subject in the title and the preheader in hidden preview text', async () => {
    const out = await render([], { node: { subject: 'Sale {{ first_name }}', preheader: 'Ends {{ day | "soon" }}' } });
    expect(out.subject).toBe('Sale Ana');
    expect(out.html).toContain('<title>Sale Ana</title>');
    expect(out.html).toMatch(/<div style="display:none;[^"]*">Ends soon/);
  });

  it('produces the plain-text part from the same personalised content', async () => {
    const out = await render([
      leaf('heading', { text: 'Hi {{ first_name }}' }),
      leaf('button', { label: 'Go', href: 'https://example.com' }),
    ]);
    expect(out.text).toBe('HI ANA\n======\n\nGo: https://example.com/\n');
  });
});

describe('EmailRenderer: personalisation', () => {
  it('uses the contact value, else the fallback', async () => {
    const blocks = [leaf('heading', { text: 'Hi {{ first_name | "there" }}, from {{ city | "your town" }}' })];
    const withValue = await render(blocks);
    expect(withValue.html).toContain('Hi Ana, from your town');
    const noValue = await render(blocks, { sample: {} });
    expect(noValue.html).toContain('Hi there, from your town');
    expect(noValue.errors).toEqual([]);
  });

  it('renders a tag with no value and no fallback empty, with an error on its block', async () => {
    const block = leaf('text', { text: [{ insert: 'Dear {{ last_name }}.' }] });
    const out = await render([block]);
    expect(out.html).toContain('Dear .');
    expect(out.errors).toEqual([
      { blockId: block.id, message: expect.stringContaining('{{ last_name }} has no value') },
    ]);
  });

  it('names the block of an unknown tag, and the subject when it is there', async () => {
    const button = leaf('button', { label: 'Hi {{ frist_name }}', href: 'https://example.com/?u={{ id }}' });
    const out = await render([button], {
      node: { subject: 'About {{ plan }}', preheader: '' },
      sample: { first_name: 'Ana', id: '7' },
      knownAttributes: ['first_name', 'id'],
    });
    expect(out.errors).toEqual([
      { blockId: null, message: expect.stringMatching(/^Subject: Unknown personalisation tag \{\{ plan \}\}/) },
      { blockId: button.id, message: expect.stringContaining('Unknown personalisation tag {{ frist_name }}') },
    ]);
    expect(out.html).toContain('href="https://example.com/?u=7"');
  });

  it('reports malformed tags and leaves them visible', async () => {
    const block = leaf('heading', { text: 'Hi {{ first_name | there }}' });
    const out = await render([block]);
    expect(out.html).toContain('Hi {{ first_name | there }}');
    expect(out.errors).toEqual([{ blockId: block.id, message: expect.stringContaining('double quotes') }]);
  });

  it('personalises inside columns, alt text and link labels', async () => {
    const row = {
      ...defaultBlock('columns'),
      columns: [[leaf('image', { assetId: 'logo', alt: 'Photo of {{ first_name }}' })], []],
    };
    const out = await render([row]);
    expect(out.html).toContain('alt="Photo of Ana"');
  });
});

describe('EmailRenderer: hostile content', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='x",
    '</mj-text><mj-raw><script>x</script></mj-raw>',
    '<mj-include path="/etc/passwd" />',
  ];

  it('escapes every piece of text, in content and attributes', async () => {
    for (const evil of payloads) {
      const blocks = [
        leaf('heading', { text: evil }),
        leaf('text', { text: [{ insert: evil, attributes: { bold: true } }] }),
        leaf('image', { assetId: 'logo', alt: evil }),
        leaf('image', { assetId: 'missing', alt: evil }),
        leaf('button', { label: evil, href: 'https://example.com' }),
      ];
      const out = await render(blocks, { node: { subject: evil, preheader: evil }, sample: { first_name: evil } });
      // Blank every (escaped, so quote-free) attribute value; every tag left is one the renderer wrote.
      const tags = out.html.replace(/="[^"]*"/g, '=""').match(/<[^>]*>/g) ?? [];
      expect(tags.filter((tag) => /^<\/?(script|mj-)|\son\w+=|\ssrc=x/i.test(tag))).toEqual([]);
      expect(out.html).toContain(evil.startsWith("'") ? '&#39; onmouseover=&#39;x' : '&#60;');
    }
  });

  it('escapes contact values that hold markup', async () => {
    const out = await render([leaf('heading', { text: 'Hi {{ first_name }}' })], {
      sample: { first_name: '<b>Ana</b>' },
    });
    expect(out.html).toContain('Hi &#60;b&#62;Ana&#60;/b&#62;');
  });

  it('drops links that are not http(s) or mailto, with an error on the block', async () => {
    const text = leaf('text', { text: [{ insert: 'click', attributes: { link: { href: 'javascript:alert(1)' } } }] });
    const button = leaf('button', { href: 'data:text/html,<script>x</script>' });
    const image = leaf('image', { assetId: 'logo', href: 'vbscript:x' });
    const mail = leaf('button', { href: 'mailto:hi@example.com' });
    const viaTag = leaf('button', { href: '{{ url }}' });
    const out = await render([text, button, image, mail, viaTag], { sample: { url: 'javascript:alert(2)' } });
    expect(out.html).not.toMatch(/javascript:|vbscript:|data:text/i);
    expect(out.html).toContain('href="mailto:hi@example.com"');
    expect(out.html).toContain('>click<'); // the text stays, without the link
    const failed = out.errors
      .filter((e) => e.message.includes('only http://, https:// and mailto:'))
      .map((e) => e.blockId);
    expect(failed).toEqual([text.id, button.id, image.id, viaTag.id]);
  });

  it('reports blocks that do not match the schema instead of rendering them', async () => {
    const bad = { ...leaf('divider'), color: 'red;background:url(x)' } as Block;
    const out = await render([bad, leaf('spacer')]);
    expect(out.html).not.toContain('url(x)');
    expect(out.errors).toEqual([{ blockId: bad.id, message: expect.stringContaining('could not be rendered') }]);
    const garbage = await renderer.render({
      node: { subject: 'x', preheader: '' },
      content: 42 as never,
      sample: {},
      assets,
    });
    expect(garbage.errors[0].message).toContain('could not be read');
  });

  it('passes on problems found while reading the doc', async () => {
    const out = await render([], { content: { blocks: [], problems: [{ blockId: 'b9', message: 'Damaged' }] } });
    expect(out.errors).toContainEqual({ blockId: 'b9', message: 'Damaged' });
  });
});

describe('EmailRenderer: bad images', () => {
  const cases: [string, RenderInput['assets'], RegExp][] = [
    ['missing', () => null, /missing/],
    [
      'resolver throws',
      () => {
        throw new Error('disk on fire');
      },
      /missing/,
    ],
    ['broken bytes', () => ({ mime: 'image/png', dataUrl: 'data:image/png;base64,/9j/4AAQSkZJRgABAQ==' }), /damaged/],
    ['not base64', () => ({ mime: 'image/png', dataUrl: 'data:image/png;base64,<script>' }), /cannot be shown/],
    ['svg', () => ({ mime: 'image/svg+xml', dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }), /PNG, JPEG, GIF or WebP/],
    ['mime mismatch', () => ({ mime: 'image/gif', dataUrl: PNG }), /cannot be shown/],
    ['async missing', async () => null, /missing/],
  ];

  for (const [name, resolver, message] of cases) {
    it(`renders a placeholder and an error for: ${name}`, async () => {
      const image = leaf('image', { assetId: 'x', alt: 'Team photo' });
      const out = await render([image, leaf('heading', { text: 'Still here' })], { assets: resolver });
      expect(out.html).toMatch(/border:1px dashed[^"]*">Team photo<\/div>/);
      expect(out.html).not.toContain('<img');
      expect(out.html).toContain('Still here');
      expect(out.errors).toEqual([{ blockId: image.id, message: expect.stringMatching(message) }]);
    });
  }

  it('asks for an image when none is chosen', async () => {
    const image = leaf('image');
    const out = await render([image]);
    expect(out.errors).toEqual([{ blockId: image.id, message: 'Choose an image for this block.' }]);
  });
});

describe('EmailRenderer in a worker thread', () => {
  it('renders the same HTML as inline, off the event loop', async () => {
    const worker = new EmailRenderer();
    try {
      const blocks = [
        leaf('heading', { text: 'Worker {{ first_name }}' }),
        defaultBlock('columns'),
        leaf('image', { assetId: 'logo' }),
      ];
      const [a, b] = await Promise.all([
        render(blocks),
        worker.render({
          node: { subject: 'Hello', preheader: '' },
          content: { blocks },
          sample: { first_name: 'Ana' },
          assets,
        }),
      ]);
      expect(b).toEqual(a);
      // Concurrent renders each get their own answer.
      const many = await Promise.all(
        [1, 2, 3].map((n) =>
          worker.render({ node: { subject: `S${n}`, preheader: '' }, content: { blocks: [] }, sample: {}, assets }),
        ),
      );
      expect(many.map((r) => r.subject)).toEqual(['S1', 'S2', 'S3']);
    } finally {
      worker.dispose();
    }
  }, 20_000);

  it('warms up without throwing, even when disposed', async () => {
    const worker = new EmailRenderer();
    await worker.warmUp();
    worker.dispose();
    await expect(worker.warmUp()).resolves.toBeUndefined();
  }, 20_000);

  it('fails renders in flight when disposed, and refuses new ones', async () => {
    const worker = new EmailRenderer();
    const pending = worker.render({
      node: { subject: 'x', preheader: '' },
      content: { blocks: [] },
      sample: {},
      assets,
    });
    worker.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'E_DISPOSED' });
    await expect(
      worker.render({ node: { subject: 'x', preheader: '' }, content: { blocks: [] }, sample: {}, assets }),
    ).rejects.toMatchObject({ code: 'E_DISPOSED' });
  });

  it('times out a render that takes too long', async () => {
    const worker = new EmailRenderer({ timeoutMs: 1 });
    try {
      await expect(
        worker.render({ node: { subject: 'x', preheader: '' }, content: { blocks: [] }, sample: {}, assets }),
      ).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    } finally {
      worker.dispose();
    }
  });
});
