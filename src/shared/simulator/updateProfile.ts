import type { NodeDataOf } from '../journey/kinds';
import { asNumber, listItems, sameName, show } from './contact';
import type { PreparedNode } from './prepare';
import type { StepResult } from './state';
import type { AttributeValue } from './types';

/**
 * Update profile, applied to the run's copy of the attributes:
 * - `set` stores the value as text; `unset` removes the attribute.
 * - `increment` adds the value (1 when blank) to the attribute read as a number (0 when
 *   not set). A value that is not a number is a broken step (`invalid`); an attribute
 *   that holds text is left unchanged and the reason says so.
 * - `addTag`/`removeTag` edit a comma-separated list: the named attribute, or `tags`
 *   when none is named. Tags match ignoring case; adding one already there changes nothing.
 */
export function runUpdateProfile(
  node: PreparedNode,
  data: NodeDataOf<'updateProfile'>,
  profile: Map<string, AttributeValue>,
  now: number,
): StepResult {
  const isTagOp = data.operation === 'addTag' || data.operation === 'removeTag';
  const attribute = data.attribute.trim() || (isTagOp ? 'tags' : '');
  if (!attribute)
    return { stop: 'invalid', reason: `${node.name} names no attribute to change; choose one in the inspector.` };
  const before = profile.get(attribute);
  const done = (reason: string): StepResult => ({ port: 'out', leaveAt: now, reason });
  switch (data.operation) {
    case 'set':
      profile.set(attribute, data.value);
      return done(`set ${attribute} to ${show(data.value)} (was ${show(before)})`);
    case 'unset':
      profile.delete(attribute);
      return done(`cleared ${attribute} (was ${show(before)})`);
    case 'increment':
      return increment(node, attribute, data.value, profile, done);
    default:
      return editTags(node, attribute, data, profile, done);
  }
}

function increment(
  node: PreparedNode,
  attribute: string,
  value: string,
  profile: Map<string, AttributeValue>,
  done: (reason: string) => StepResult,
): StepResult {
  const by = value.trim() === '' ? 1 : asNumber(value);
  if (by === null)
    return {
      stop: 'invalid',
      reason: `${node.name} increases ${attribute} by ${show(value)}, which is not a number; fix it in the inspector.`,
    };
  const before = profile.get(attribute);
  const blank = before === undefined || before === null || String(before).trim() === '';
  const current = blank ? 0 : asNumber(before);
  if (current === null) return done(`${attribute} = ${show(before)} is not a number, so it was left unchanged`);
  profile.set(attribute, current + by);
  return done(`${attribute}: ${blank ? 'not set' : current} → ${current + by} (${by < 0 ? '' : '+'}${by})`);
}

function editTags(
  node: PreparedNode,
  attribute: string,
  data: NodeDataOf<'updateProfile'>,
  profile: Map<string, AttributeValue>,
  done: (reason: string) => StepResult,
): StepResult {
  const tag = data.value.trim();
  const adding = data.operation === 'addTag';
  if (!tag)
    return {
      stop: 'invalid',
      reason: `${node.name} names no tag to ${adding ? 'add' : 'remove'}; fill it in the inspector.`,
    };
  const items = listItems(profile.get(attribute));
  const has = items.some((item) => sameName(item, tag));
  if (adding === has) return done(`${attribute} ${has ? 'already has' : 'does not have'} '${tag}'; nothing to change`);
  const next = adding ? [...items, tag] : items.filter((item) => !sameName(item, tag));
  profile.set(attribute, next.join(', '));
  return done(
    `${adding ? 'added' : 'removed'} '${tag}' ${adding ? 'to' : 'from'} ${attribute}: ${show(next.join(', '))}`,
  );
}
