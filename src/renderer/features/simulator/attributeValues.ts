import type { AttributeValue } from '../../../shared/simulator';
import { sampleContactLimits } from '../../../shared/simulator/contactsDoc';

/** How the attribute rows type a value. */
export type AttributeType = 'text' | 'number' | 'true' | 'false';

export const attributeTypes: ReadonlyArray<{ id: AttributeType; label: string }> = [
  { id: 'text', label: 'Text' },
  { id: 'number', label: 'Number' },
  { id: 'true', label: 'true' },
  { id: 'false', label: 'false' },
];

export function typeOf(value: AttributeValue): AttributeType {
  if (value === true) return 'true';
  if (value === false) return 'false';
  return typeof value === 'number' ? 'number' : 'text';
}

/** The value as its row's field shows it (nothing for true and false). */
export function textOf(value: AttributeValue): string {
  return typeof value === 'boolean' || value === null ? '' : String(value);
}

/** What is wrong with `text` as a value of `type`, or null. */
export function checkValue(type: AttributeType, text: string): string | null {
  if (type === 'number' && !Number.isFinite(Number(text.trim() || 'x'))) return 'Enter a number, e.g. 42 or 3.5';
  if (text.length > sampleContactLimits.text) return `At most ${sampleContactLimits.text} characters`;
  return null;
}

/** `text` as a value of `type` (call {@link checkValue} first). */
export function valueOf(type: AttributeType, text: string): AttributeValue {
  if (type === 'true') return true;
  if (type === 'false') return false;
  return type === 'number' ? Number(text.trim()) : text;
}

/** The value kept as far as it can be when its row changes type. */
export function convert(value: AttributeValue, type: AttributeType): AttributeValue {
  if (type === 'true' || type === 'false') return type === 'true';
  if (type === 'text') return textOf(value);
  const n = typeof value === 'number' ? value : Number(textOf(value).trim() || 'x');
  return Number.isFinite(n) ? n : 0;
}

/** What is wrong with `name` as a new name for an attribute, or null. */
export function checkName(name: string, others: readonly string[]): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the attribute a name';
  if (trimmed.length > sampleContactLimits.key) return `At most ${sampleContactLimits.key} characters`;
  if (trimmed === '__proto__') return 'Choose another name';
  if (others.includes(trimmed)) return `There is already an attribute “${trimmed}”`;
  return null;
}

/** `attributes` with `from` renamed to `to`, keeping the order of the rows. */
export function renamed(
  attributes: Record<string, AttributeValue>,
  from: string,
  to: string,
): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k === from ? to : k, v]));
}
