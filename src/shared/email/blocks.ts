import { z } from 'zod';

/**
 * The blocks an email body is made of, as plain data. The email editor, the renderer,
 * the plain-text part and the contract all read these schemas; the Y.Doc layout that
 * holds them is in `emailDoc.ts`.
 *
 * Colours are strict hex and sizes are bounded numbers, because every style field ends
 * up inside CSS or an HTML attribute: the schema is the first line against injection.
 */

/** Most blocks in one email body (top level), and in one column. */
export const MAX_BLOCKS = 200;
export const MAX_COLUMN_BLOCKS = 30;
/** Most characters in one block's text. */
export const MAX_TEXT_CHARS = 20_000;
/** Most characters in one link or button address. */
export const MAX_HREF_CHARS = 2048;

export const blockIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid block id');
const color = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'Use a hex colour, e.g. #1a2b3c');
/** A colour, or '' for none (transparent). */
const colorOrNone = z.union([z.literal(''), color]);
const align = z.enum(['left', 'center', 'right']);
const px = (max: number) => z.number().int().min(0).max(max);
const shortText = z.string().max(500);
const href = z.string().max(MAX_HREF_CHARS);

/** Space around a block, in px. */
export const paddingSchema = z.object({ top: px(200), right: px(200), bottom: px(200), left: px(200) });

/** Fields every block has. */
const common = { id: blockIdSchema, padding: paddingSchema, background: colorOrNone };

/** One run of rich text: a Y.Text delta insert with the formats the editor offers. */
export const textRunSchema = z.object({
  insert: z.string().max(MAX_TEXT_CHARS),
  attributes: z
    .object({
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
      link: z.object({ href }).optional(),
    })
    .optional(),
});

export const headingBlockSchema = z.object({
  ...common,
  kind: z.literal('heading'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  text: z.string().max(MAX_TEXT_CHARS),
  align,
});

/** Rich text; with a list style, every line ('\n'-separated) is one list item. */
export const textBlockSchema = z.object({
  ...common,
  kind: z.literal('text'),
  text: z.array(textRunSchema).max(5000),
  list: z.enum(['none', 'bullet', 'number']),
  align,
});

export const imageBlockSchema = z.object({
  ...common,
  kind: z.literal('image'),
  /** The image stored with the campaign; '' until one is chosen. */
  assetId: z.string().max(128),
  alt: shortText,
  /** Width as a percentage of the column. */
  width: z.number().int().min(10).max(100),
  href: href.optional(),
  align,
});

export const buttonBlockSchema = z.object({
  ...common,
  kind: z.literal('button'),
  label: z.string().max(200),
  href,
  background: color,
  color,
  align,
  radius: px(50),
});

export const dividerBlockSchema = z.object({
  ...common,
  kind: z.literal('divider'),
  color,
  thickness: z.number().int().min(1).max(20),
});

export const spacerBlockSchema = z.object({
  ...common,
  kind: z.literal('spacer'),
  height: z.number().int().min(1).max(400),
});

/** Every block that may sit inside a column. */
export const leafBlockSchema = z.discriminatedUnion('kind', [
  headingBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  buttonBlockSchema,
  dividerBlockSchema,
  spacerBlockSchema,
]);

/** A row of 2 or 3 columns, each a list of non-column blocks. */
export const columnsBlockSchema = z.object({
  ...common,
  kind: z.literal('columns'),
  columns: z.array(z.array(leafBlockSchema).max(MAX_COLUMN_BLOCKS)).min(2).max(3),
});

export const blockSchema = z.discriminatedUnion('kind', [
  headingBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  buttonBlockSchema,
  dividerBlockSchema,
  spacerBlockSchema,
  columnsBlockSchema,
]);

/** Something wrong with one block (or with the email, when `blockId` is null). */
export const emailProblemSchema = z.object({ blockId: z.string().max(200).nullable(), message: z.string().max(2000) });

/** An email body as plain data; `problems` lists what could not be read as stored. */
export const emailContentSchema = z.object({
  blocks: z.array(blockSchema).max(MAX_BLOCKS),
  problems: z.array(emailProblemSchema).max(1000).optional(),
});

export type Padding = z.infer<typeof paddingSchema>;
export type TextRun = z.infer<typeof textRunSchema>;
export type HeadingBlock = z.infer<typeof headingBlockSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type ImageBlock = z.infer<typeof imageBlockSchema>;
export type ButtonBlock = z.infer<typeof buttonBlockSchema>;
export type DividerBlock = z.infer<typeof dividerBlockSchema>;
export type SpacerBlock = z.infer<typeof spacerBlockSchema>;
export type ColumnsBlock = z.infer<typeof columnsBlockSchema>;
export type LeafBlock = z.infer<typeof leafBlockSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockKind = Block['kind'];
export type LeafKind = LeafBlock['kind'];
export type EmailProblem = z.infer<typeof emailProblemSchema>;
export type EmailContent = z.infer<typeof emailContentSchema>;

/** Schema per block kind. */
export const blockSchemas = {
  heading: headingBlockSchema,
  text: textBlockSchema,
  image: imageBlockSchema,
  button: buttonBlockSchema,
  divider: dividerBlockSchema,
  spacer: spacerBlockSchema,
  columns: columnsBlockSchema,
} as const;

export const blockKinds = Object.keys(blockSchemas) as BlockKind[];

export function isBlockKind(value: unknown): value is BlockKind {
  return typeof value === 'string' && Object.hasOwn(blockSchemas, value);
}

/** Only web and mail addresses may become links; anything else (javascript:, data:, file:) may not. */
export function safeHref(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_HREF_CHARS) return null;
  if (/^mailto:[^\s]+$/i.test(trimmed)) return trimmed;
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null; // not a URL at all: the caller reports it
  }
}
