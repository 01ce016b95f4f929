import {
  blockSchema,
  safeHref,
  type Block,
  type EmailContent,
  type LeafBlock,
  type TextRun,
} from '../../../shared/email/blocks';
import { personalize, type PersonalizeOptions } from '../../../shared/email/personalize';
import type { RenderError } from '../../../shared/email/render';
import { checkImage, type AssetResolver } from './imageAsset';

/** Render errors, each message once per block. */
export class RenderErrors {
  readonly list: RenderError[] = [];
  readonly #seen = new Set<string>();

  add(blockId: string | null, message: string): void {
    const key = `${blockId ?? ''}\u0000${message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push({ blockId, message });
  }
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** Personalises one piece of text; tag problems become errors on `blockId`, prefixed with `where`. */
export class Personalizer {
  readonly errors: RenderErrors;
  readonly #sample: Record<string, unknown>;
  readonly #options: PersonalizeOptions;

  constructor(sample: Record<string, unknown>, options: PersonalizeOptions, errors: RenderErrors) {
    this.#sample = sample;
    this.#options = options;
    this.errors = errors;
  }

  fill(blockId: string | null, text: string, where = ''): string {
    const result = personalize(text, this.#sample, this.#options);
    for (const name of result.unknown) {
      this.errors.add(
        blockId,
        `${where}Unknown personalisation tag {{ ${name} }}: contacts have no “${name}” attribute.`,
      );
    }
    for (const name of result.missing) {
      if (result.unknown.includes(name)) continue; // already reported as unknown
      this.errors.add(
        blockId,
        `${where}{{ ${name} }} has no value for this contact and no fallback, so it shows nothing; add one, e.g. {{ ${name} | "there" }}.`,
      );
    }
    for (const error of result.errors) this.errors.add(blockId, `${where}${error.message}`);
    return result.text;
  }

  /** A personalised link address, or undefined (with an error) when it is not a web or mail address. */
  href(blockId: string, raw: string | undefined, what: string): string | undefined {
    const filled = raw ? this.fill(blockId, raw).trim() : '';
    if (!filled) return undefined;
    const safe = safeHref(filled);
    if (!safe) {
      this.errors.add(
        blockId,
        `The ${what} “${clip(filled)}” was left out: only http://, https:// and mailto: addresses can be links.`,
      );
    }
    return safe ?? undefined;
  }
}

function fillRuns(p: Personalizer, id: string, runs: readonly TextRun[]): TextRun[] {
  return runs.map((run) => {
    const insert = p.fill(id, run.insert);
    const { link, ...formats } = run.attributes ?? {};
    const href = link ? p.href(id, link.href, 'link address') : undefined;
    const attributes = href ? { ...formats, link: { href } } : formats;
    return Object.keys(attributes).length > 0 ? { insert, attributes } : { insert };
  });
}

function fillLeaf(p: Personalizer, block: LeafBlock): LeafBlock {
  switch (block.kind) {
    case 'heading':
      return { ...block, text: p.fill(block.id, block.text) };
    case 'text':
      return { ...block, text: fillRuns(p, block.id, block.text) };
    case 'image':
      return { ...block, alt: p.fill(block.id, block.alt), href: p.href(block.id, block.href, 'image link') };
    case 'button': {
      const href = p.href(block.id, block.href, 'button address') ?? '';
      if (!block.href.trim()) p.errors.add(block.id, 'The button has no link address; add one.');
      return { ...block, label: p.fill(block.id, block.label), href };
    }
    default:
      return block;
  }
}

/** The blocks with every tag replaced and every unsafe link address removed. */
export function personalizeBlocks(p: Personalizer, blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.kind === 'columns'
      ? { ...block, columns: block.columns.map((column) => column.map((leaf) => fillLeaf(p, leaf))) }
      : fillLeaf(p, block),
  );
}

/**
 * The blocks of `content` that are well-formed; the rest become errors. Content that
 * reached here through the contract is already valid; this keeps the renderer safe
 * for any other caller.
 */
export function wellFormedBlocks(content: unknown, errors: RenderErrors): Block[] {
  const raw = (content as Partial<EmailContent> | null)?.blocks;
  if (!Array.isArray(raw)) {
    if (content !== undefined) errors.add(null, 'The email body could not be read; it renders empty.');
    return [];
  }
  const blocks: Block[] = [];
  for (const item of raw as unknown[]) {
    const parsed = blockSchema.safeParse(item);
    if (parsed.success) blocks.push(parsed.data);
    else {
      const id = (item as { id?: unknown } | null)?.id;
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join('.') ?? '';
      errors.add(
        typeof id === 'string' ? id.slice(0, 64) : null,
        `This block could not be rendered (${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}).`,
      );
    }
  }
  return blocks;
}

/**
 * The data URL of every image block that has a usable image, by block id. A missing,
 * damaged or unsupported image gets an error on its block (it renders as a
 * placeholder); a resolver that throws counts as a missing image.
 */
export async function resolveImages(
  blocks: readonly Block[],
  assets: AssetResolver,
  errors: RenderErrors,
): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  const byAsset = new Map<string, ReturnType<typeof checkImage>>();
  const images = blocks
    .flatMap((b) => (b.kind === 'columns' ? b.columns.flat() : [b]))
    .filter((b) => b.kind === 'image');
  for (const image of images) {
    if (!image.assetId) {
      errors.add(image.id, 'Choose an image for this block.');
      continue;
    }
    let checked = byAsset.get(image.assetId);
    if (!checked) {
      let asset = null;
      try {
        asset = await assets(image.assetId);
      } catch {
        asset = null; // an unreadable asset is reported below like a missing one
      }
      checked = checkImage(asset);
      byAsset.set(image.assetId, checked);
    }
    if (checked.ok) sources.set(image.id, checked.src);
    else errors.add(image.id, checked.reason);
  }
  return sources;
}
