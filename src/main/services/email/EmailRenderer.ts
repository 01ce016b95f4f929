import type { EmailContent } from '../../../shared/email/blocks';
import { plainText } from '../../../shared/email/plainText';
import type { NodeDataOf } from '../../../shared/journey/kinds';
import type { AssetResolver } from './imageAsset';
import { compileInline, MjmlWorker } from './mjmlRunner';
import type { RenderedEmail } from '../../../shared/email/render';
import { Personalizer, RenderErrors, personalizeBlocks, resolveImages, wellFormedBlocks } from './prepareContent';
import { toMjml } from './toMjml';

export type { AssetData, AssetResolver } from './imageAsset';
export type { RenderError, RenderedEmail } from '../../../shared/email/render';

/** The Email node's own fields (subject, preheader, sender…). */
export type EmailNodeData = NodeDataOf<'email'>;

/** One email to render. */
export interface RenderInput {
  node: Pick<EmailNodeData, 'subject' | 'preheader'> & Partial<EmailNodeData>;
  content: EmailContent;
  /** The sample contact's attributes, for personalisation tags. */
  sample: Record<string, unknown>;
  /** Finds the campaign's images by asset id. */
  assets: AssetResolver;
  /** Attribute names contacts have; a tag naming any other is an error. Defaults to no check. */
  knownAttributes?: readonly string[];
}

/** Options for {@link EmailRenderer}. */
export interface EmailRendererOptions {
  /** Compile MJML in a worker thread (`'worker'`) or in the calling thread (`'inline'`). Defaults to `'worker'`. */
  mode?: 'worker' | 'inline';
  /** How long one render may take before it fails with E_TIMEOUT. Defaults to 15 000 ms. */
  timeoutMs?: number;
}

/**
 * Renders an email to responsive HTML (MJML) and a plain-text part, personalised for a
 * sample contact. Content problems (an unknown tag, an unsafe link, a missing or broken
 * image) never throw: they come back as errors next to their block, and the email
 * still renders. Only a failing renderer throws (E_TIMEOUT, E_INTERNAL, E_DISPOSED).
 */
export class EmailRenderer {
  readonly #worker: MjmlWorker | null;
  #warm: Promise<void> | null = null;

  constructor(options: EmailRendererOptions = {}) {
    this.#worker = options.mode === 'inline' ? null : new MjmlWorker(options.timeoutMs ?? 15_000);
  }

  async render(input: RenderInput): Promise<RenderedEmail> {
    const errors = new RenderErrors();
    for (const problem of input.content?.problems ?? []) errors.add(problem.blockId, problem.message);
    const p = new Personalizer(input.sample ?? {}, { knownAttributes: input.knownAttributes }, errors);
    const subject = p
      .fill(null, input.node?.subject ?? '', 'Subject: ')
      .replace(/[\r\n]+/g, ' ')
      .trim();
    if (!subject) errors.add(null, 'The email has no subject; add one before sending.');
    const preheader = p.fill(null, input.node?.preheader ?? '', 'Preheader: ');
    const blocks = personalizeBlocks(p, wellFormedBlocks(input.content, errors));
    const images = await resolveImages(blocks, input.assets, errors);
    const source = toMjml({ subject, preheader, blocks, images });
    const compiled = this.#worker ? await this.#worker.compile(source) : await compileInline(source);
    for (const warning of compiled.warnings) errors.add(null, `MJML: ${warning}`);
    return { html: compiled.html, text: plainText({ blocks }), subject, preheader, errors: errors.list };
  }

  /**
   * Starts the worker and loads MJML (about a second on a cold start) before the first
   * preview needs it. Best effort: a failure here shows up again, reported, on the first render.
   */
  warmUp(): Promise<void> {
    // Once per renderer: callers (every campaign open) need not track whether it ran.
    this.#warm ??= this.render({
      node: { subject: 'warm-up', preheader: '' },
      content: { blocks: [] },
      sample: {},
      assets: () => null,
    }).then(
      () => undefined,
      () => {
        // Nothing to report yet: the first real render retries with a fresh worker and reports its own failure.
        this.#warm = null;
      },
    );
    return this.#warm;
  }

  /** Stops the worker thread. Renders still in flight fail with E_DISPOSED. */
  dispose(): void {
    this.#worker?.dispose();
  }
}
