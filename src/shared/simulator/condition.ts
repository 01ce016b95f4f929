import type { NodeDataOf } from '../journey/kinds';
import { asDate, asNumber, show } from './contact';
import type { AttributeValue } from './types';

/**
 * The Condition rules, as the simulator applies them:
 * - An attribute is *set* when it is present, not null and not blank. `exists` and
 *   `notExists` test that and nothing else.
 * - `equals`/`notEquals` compare numerically when both sides read as numbers (`'42'`
 *   equals `42.0`), otherwise as trimmed text ignoring case (`true` equals `'TRUE'`).
 *   An attribute that is not set equals nothing, so `notEquals` is then Yes.
 * - `contains` looks for the value inside the attribute's text, ignoring case; a list
 *   such as `tags = 'vip, beta'` therefore contains `'vip'`.
 * - `greaterThan`/`lessThan` compare numbers, or dates when both sides read as dates
 *   (`2026-03-02`, ISO date-times); anything else, or an attribute that is not set, is No.
 */

export interface ConditionVerdict {
  yes: boolean;
  reason: string;
}

type Operator = NodeDataOf<'condition'>['operator'];

function isSet(value: AttributeValue | undefined): value is string | number | boolean {
  return value !== undefined && value !== null && String(value).trim() !== '';
}

function verdict(yes: boolean, fact: string): ConditionVerdict {
  return { yes, reason: `${fact} → ${yes ? 'Yes' : 'No'}` };
}

function compareEqual(actual: string | number | boolean, expected: string): { equal: boolean; how: string } {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null) return { equal: a === b, how: ' (as numbers)' };
  return { equal: String(actual).trim().toLowerCase() === expected.trim().toLowerCase(), how: '' };
}

function order(actual: string | number | boolean, expected: string): { sign: number; how: string } | null {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null) return { sign: Math.sign(a - b), how: ' (as numbers)' };
  const da = typeof actual === 'string' ? asDate(actual) : null;
  const db = asDate(expected);
  if (da !== null && db !== null) return { sign: Math.sign(da - db), how: ' (as dates)' };
  return null;
}

/** Evaluates `attribute operator value` against `profile`, with the sentence that explains it. */
export function evaluateCondition(
  data: NodeDataOf<'condition'>,
  profile: Map<string, AttributeValue>,
): ConditionVerdict {
  const attribute = data.attribute.trim();
  const actual = profile.get(attribute);
  const expected = show(data.value);
  const op: Operator = data.operator;
  const left = isSet(actual) ? `${attribute} = ${show(actual)}` : `${attribute} is not set`;
  if (op === 'exists' || op === 'notExists') {
    const fact = isSet(actual) ? `${left}, so it exists` : left;
    return verdict(isSet(actual) === (op === 'exists'), fact);
  }
  if (!isSet(actual)) {
    const yes = op === 'notEquals';
    return verdict(yes, yes ? `${left}, so it does not equal ${expected}` : left);
  }
  if (op === 'equals' || op === 'notEquals') {
    const { equal, how } = compareEqual(actual, data.value);
    return verdict(equal === (op === 'equals'), `${left} ${equal ? 'equals' : 'does not equal'} ${expected}${how}`);
  }
  if (op === 'contains') {
    const found = String(actual).toLowerCase().includes(data.value.trim().toLowerCase());
    return verdict(found, `${left} ${found ? 'contains' : 'does not contain'} ${expected}`);
  }
  const compared = order(actual, data.value);
  const word = op === 'greaterThan' ? 'greater' : 'less';
  if (!compared)
    return verdict(false, `${left} cannot be compared with ${expected}: they are not both numbers or dates`);
  const yes = op === 'greaterThan' ? compared.sign > 0 : compared.sign < 0;
  return verdict(yes, `${left} is ${yes ? '' : 'not '}${word} than ${expected}${compared.how}`);
}
