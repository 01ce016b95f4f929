/**
 * Personalisation tags in email text: `{{ first_name }}` and `{{ first_name | "there" }}`.
 *
 * Grammar (whitespace around every part is allowed, including line breaks):
 * - a tag opens with `{{` and closes with the first `}}` that is not inside the fallback;
 * - the attribute name is one or more segments of letters, digits, `_` and `-` starting
 *   with a letter or `_`, joined by dots: `first_name`, `company.name`;
 * - an optional fallback follows a `|`, in double quotes; inside it `\"` is a quote and
 *   `\\` a backslash (a backslash before any other character keeps that character).
 *
 * Malformed tags are reported with their position and left in the text as written, so a
 * preview shows them where the designer can see and fix them. Nothing here throws.
 */

/** One well-formed tag; `start`/`end` are offsets of `{{` and just past `}}`. */
export interface PersonalizationTag {
  name: string;
  fallback?: string;
  start: number;
  end: number;
}

/** One malformed tag: where it is and what to do about it. */
export interface TagError {
  start: number;
  end: number;
  message: string;
}

export interface ParsedTags {
  tags: PersonalizationTag[];
  errors: TagError[];
}

export interface PersonalizeOptions {
  /** Attribute names the contact data can hold. Defaults to none: nothing is reported as unknown. */
  knownAttributes?: Iterable<string>;
}

export interface PersonalizeResult {
  text: string;
  /** Attributes with no value and no fallback (rendered as empty), in order of first use. */
  missing: string[];
  /** Attributes not in `knownAttributes` (only when it was given), in order of first use. */
  unknown: string[];
  /** Malformed tags, left in `text` as written. */
  errors: TagError[];
}

const attributeName = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/;
const example = '{{ first_name | "there" }}';

/** Every tag in `text`, well-formed or not, in order. */
export function parseTags(text: unknown): ParsedTags {
  const source = typeof text === 'string' ? text : '';
  const tags: PersonalizationTag[] = [];
  const errors: TagError[] = [];
  let from = 0;
  for (;;) {
    const start = source.indexOf('{{', from);
    if (start < 0) break;
    const scan = scanTag(source, start);
    if (scan.kind === 'unterminated') {
      errors.push({ start, end: scan.end, message: 'This tag has no closing }}; close it, e.g. ' + example + '.' });
      if (scan.end >= source.length) break;
      from = scan.end;
      continue;
    }
    const parsed = parseInside(source.slice(start + 2, scan.end - 2));
    if (typeof parsed === 'string') errors.push({ start, end: scan.end, message: parsed });
    else tags.push({ ...parsed, start, end: scan.end });
    from = scan.end;
  }
  return { tags, errors };
}

type Scan = { kind: 'closed'; end: number } | { kind: 'unterminated'; end: number };

/** Finds the `}}` closing the tag at `start`, skipping over a quoted fallback. */
function scanTag(source: string, start: number): Scan {
  let quoted = false;
  let afterBar = false;
  for (let i = start + 2; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '|') afterBar = true;
    // Only a fallback (after the |) is quoted; a stray quote in a name must not hide the }}.
    else if (c === '"' && afterBar) quoted = true;
    else if (c === '}' && source[i + 1] === '}') return { kind: 'closed', end: i + 2 };
    // A new tag opening before this one closed: this one is unterminated.
    else if (c === '{' && source[i + 1] === '{') return { kind: 'unterminated', end: i };
  }
  return { kind: 'unterminated', end: source.length };
}

/** The name and fallback between `{{` and `}}`, or the message saying what is wrong. */
function parseInside(inside: string): { name: string; fallback?: string } | string {
  const bar = inside.indexOf('|');
  const name = (bar < 0 ? inside : inside.slice(0, bar)).trim();
  if (!name) return `This tag has no attribute name; write one, e.g. ${example}.`;
  if (!attributeName.test(name)) {
    return `“${clip(name)}” is not an attribute name; use letters, digits, _ and dots, e.g. first_name or company.name.`;
  }
  if (bar < 0) return { name };
  const fallback = parseFallback(inside.slice(bar + 1).trim());
  return typeof fallback === 'string' ? { name, fallback } : fallback.error;
}

function parseFallback(raw: string): string | { error: string } {
  if (!raw) return { error: `The fallback after | is empty; write it in double quotes, e.g. ${example}.` };
  if (raw[0] !== '"') return { error: `Put the fallback in double quotes, e.g. ${example}.` };
  let value = '';
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) value += raw[++i];
    else if (c !== '"') value += c;
    else if (raw.slice(i + 1).trim()) return { error: 'Only the quoted fallback may follow the |; remove the rest.' };
    else return value;
  }
  return { error: 'The fallback is missing its closing double quote.' };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The value of `name` in `data`: an own key of that exact name first (flat data such as
 * `{"company.name": "Acme"}`), else the dotted path through nested objects.
 */
function lookup(data: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(data, name)) return data[name];
  let value: unknown = data;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Text for a value; null when there is none (absent, null, empty, or not a scalar). */
function display(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Replaces every well-formed tag in `text` with the contact's value, else the tag's
 * fallback, else nothing (and the name goes into `missing`). An empty string, null or a
 * non-scalar value counts as no value.
 */
export function personalize(text: unknown, contact: unknown, options: PersonalizeOptions = {}): PersonalizeResult {
  return fillTags(text, parseTags(text), contact, options);
}

/**
 * {@link personalize} with the tags of `text` already parsed, for callers that fill the
 * same text for many contacts (the simulator). `parsed` must come from `parseTags(text)`.
 */
export function fillTags(
  text: unknown,
  parsed: ParsedTags,
  contact: unknown,
  options: PersonalizeOptions = {},
): PersonalizeResult {
  const source = typeof text === 'string' ? text : '';
  const data = contact !== null && typeof contact === 'object' ? (contact as Record<string, unknown>) : {};
  const known = options.knownAttributes ? new Set(options.knownAttributes) : null;
  const missing = new Set<string>();
  const unknown = new Set<string>();
  let out = '';
  let at = 0;
  for (const tag of parsed.tags) {
    const value = display(lookup(data, tag.name));
    if (known && !known.has(tag.name)) unknown.add(tag.name);
    if (value === null && tag.fallback === undefined) missing.add(tag.name);
    out += source.slice(at, tag.start) + (value ?? tag.fallback ?? '');
    at = tag.end;
  }
  out += source.slice(at);
  return { text: out, missing: [...missing], unknown: [...unknown], errors: parsed.errors };
}

/** The distinct attribute names the well-formed tags in `text` use, in order of first use. */
export function tagNames(text: unknown): string[] {
  return [...new Set(parseTags(text).tags.map((tag) => tag.name))];
}

/** The names used in `text` that are not in `known`: what the editor flags as unknown tags. */
export function unknownTags(text: unknown, known: Iterable<string>): string[] {
  const set = new Set(known);
  return tagNames(text).filter((name) => !set.has(name));
}

/** The tag the picker inserts, e.g. `{{ first_name | "there" }}`; quotes in the fallback are escaped. */
export function formatTag(name: string, fallback?: string): string {
  if (fallback === undefined) return `{{ ${name} }}`;
  return `{{ ${name} | "${fallback.replace(/[\\"]/g, (c) => `\\${c}`)}" }}`;
}
