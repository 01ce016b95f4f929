import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { EmailRenderer, type RenderInput } from '../src/main/services/email/EmailRenderer';
import type { Block, LeafBlock } from '../src/shared/email/blocks';
import { defaultBlock, getBlockText, readEmail, writeEmail } from '../src/shared/email/emailDoc';
import { percentile, round, writeResult } from './results';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function leaf<K extends LeafBlock['kind']>(kind: K, fields: Partial<Extract<LeafBlock, { kind: K }>> = {}): LeafBlock {
  return { ...defaultBlock(kind), ...fields } as LeafBlock;
}

const paragraph = [
  { insert: 'Hi {{ first_name | "there" }}, thanks for joining. ' },
  { insert: 'Here is what happens next', attributes: { bold: true } },
  { insert: ': read the ' },
  { insert: 'getting-started guide', attributes: { link: { href: 'https://example.com/guide' } } },
  { insert: ' and set up your profile.\nReply to this email if you need a hand.' },
];

/** 30 blocks, every kind, as a real welcome email would mix them (3 of them rows of columns). */
export function thirtyBlockEmail(): Block[] {
  const row = (...columns: LeafBlock[][]) => ({ ...defaultBlock('columns'), columns });
  const blocks: Block[] = [];
  for (let i = 0; i < 3; i++) {
    blocks.push(
      leaf('heading', { text: `Step ${i + 1} for {{ first_name | "you" }}`, level: 1 }),
      leaf('text', { text: paragraph }),
      leaf('image', { assetId: 'hero', alt: 'Hero image', width: 100 }),
      leaf('text', { text: [{ insert: 'One\nTwo\nThree' }], list: 'bullet' }),
      leaf('button', { label: 'Open {{ company | "Maily" }}', href: 'https://example.com/start?u={{ id | "0" }}' }),
      leaf('divider'),
      leaf('heading', { text: 'More', level: 2 }),
      leaf('spacer'),
      i === 2
        ? row([leaf('text', { text: paragraph })], [leaf('image', { assetId: 'hero', alt: 'Side' })], [leaf('button')])
        : row([leaf('text', { text: paragraph })], [leaf('image', { assetId: 'hero', alt: 'Side' })]),
      leaf('text', { text: paragraph }),
    );
  }
  return blocks;
}

async function timeRenders(renderer: EmailRenderer, input: RenderInput, runs: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await renderer.render(input); // warm up: load MJML, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await renderer.render(input);
    times.push(performance.now() - started);
  }
  return times;
}

/** A keystroke in a text block, then the doc read and the email rendered again (the preview's work on the host side). */
async function keystrokes(renderer: EmailRenderer, input: RenderInput, runs: number): Promise<number[]> {
  const doc = new Y.Doc();
  writeEmail(doc, 'email', input.content.blocks);
  const text = getBlockText(doc, 'email', input.content.blocks[1].id)!;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    doc.transact(() => text.insert(0, 'x'), 'bench');
    await renderer.render({ ...input, content: readEmail(doc, 'email') });
    times.push(performance.now() - started);
  }
  return times;
}

/** Render a 30-block email to HTML: inline and in the worker the app uses, and how long the host's event loop stalls. */
export async function runEmailBench(runs = 60) {
  const input: RenderInput = {
    node: { subject: 'Welcome, {{ first_name | "friend" }}', preheader: 'Your first three steps' },
    content: { blocks: thirtyBlockEmail() },
    sample: { first_name: 'Ana', company: 'Acme', id: '42' },
    assets: () => ({ mime: 'image/png', dataUrl: PNG }),
  };
  const inline = new EmailRenderer({ mode: 'inline' });
  const inlineTimes = await timeRenders(inline, input, runs);
  inline.dispose();

  const worker = new EmailRenderer();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const workerTimes = await timeRenders(worker, input, 1);
  delay.enable();
  workerTimes.push(...(await timeRenders(worker, input, runs)));
  delay.disable();
  const typing = await keystrokes(worker, input, runs);
  worker.dispose();

  const ms = (ns: number) => round(ns / 1e6);
  return writeResult(
    'email-render',
    {
      blocks: 30,
      runs,
      inlineMedianMs: round(percentile(inlineTimes, 50)),
      inlineP95Ms: round(percentile(inlineTimes, 95)),
      renderMedianMs: round(percentile(workerTimes, 50)),
      renderP95Ms: round(percentile(workerTimes, 95)),
      hostEventLoopDelayP99Ms: ms(delay.percentile(99)),
      hostEventLoopDelayMaxMs: ms(delay.max),
      keystrokeToHtmlMedianMs: round(percentile(typing, 50)),
      keystrokeToHtmlP95Ms: round(percentile(typing, 95)),
      loadAverage1m: round(loadavg()[0]),
    },
    { renderP95Ms: 20, hostEventLoopDelayP99Ms: 20, keystrokeToHtmlP95Ms: 100 },
    'render* = EmailRenderer in its default worker mode (wall time, MJML compiled in a worker thread); inline* = same ' +
      'render compiled on the calling thread, for comparison. hostEventLoopDelay* = how long the host event loop ' +
      'stalled while worker renders ran back to back. keystrokeToHtml = Y.Text insert + readEmail + render (host ' +
      'side of a preview refresh; the frame reload is not included). Machine load from parallel work affects all numbers.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runEmailBench();
