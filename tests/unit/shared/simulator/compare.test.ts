import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../../src/shared/journey/model';
import { compareRuns, simulate, type AttributeValue } from '../../../../src/shared/simulator';
import { contact, edge, email, node, options, trialEntry } from './fixtures';

/** entry → plan? → (yes: pro mail | no: free mail) → goal, plus a second split after it. */
function twoSplits(): Journey {
  return {
    nodes: [
      trialEntry(),
      node('plan', 'condition', { attribute: 'plan', operator: 'equals', value: 'pro' }),
      email('pro'),
      email('free'),
      node('vip', 'condition', { attribute: 'vip', operator: 'exists', value: '' }),
      email('perk'),
      node('goal', 'goal'),
    ],
    edges: [
      edge('entry', 'out', 'plan'),
      edge('plan', 'yes', 'pro'),
      edge('plan', 'no', 'free'),
      edge('pro', 'out', 'vip'),
      edge('free', 'out', 'vip'),
      edge('vip', 'yes', 'perk'),
      edge('vip', 'no', 'goal'),
      edge('perk', 'out', 'goal'),
    ],
  };
}

const run = (id: string, attributes: Record<string, AttributeValue>) =>
  simulate(twoSplits(), contact({ id, attributes: { segments: 'trial', ...attributes } }), options());

describe('compareRuns', () => {
  it('finds no divergence on the same path', () => {
    const comparison = compareRuns(run('a', { plan: 'pro' }), run('b', { plan: 'PRO' }));
    expect(comparison).toEqual({ contactA: 'a', contactB: 'b', samePath: true, sharedSteps: 5, divergences: [] });
  });

  it('lists each branch point with both reasons and where the paths meet again', () => {
    const comparison = compareRuns(run('a', { plan: 'pro' }), run('b', { plan: 'free', vip: true }));
    expect(comparison.samePath).toBe(false);
    expect(comparison.sharedSteps).toBe(2);
    expect(comparison.divergences).toEqual([
      {
        nodeId: 'plan',
        a: { port: 'yes', next: 'pro', reason: "plan = 'pro' equals 'pro' → Yes" },
        b: { port: 'no', next: 'free', reason: "plan = 'free' does not equal 'pro' → No" },
        rejoinsAt: 'vip',
      },
      {
        nodeId: 'vip',
        a: { port: 'no', next: 'goal', reason: 'vip is not set → No' },
        b: { port: 'yes', next: 'perk', reason: 'vip = true, so it exists → Yes' },
        rejoinsAt: 'goal',
      },
    ]);
  });

  it('explains a contact that did not enter with its outcome', () => {
    const out = simulate(twoSplits(), contact({ id: 'x', attributes: {} }), options());
    const comparison = compareRuns(run('a', {}), out);
    expect(comparison.sharedSteps).toBe(0);
    expect(comparison.divergences).toEqual([
      {
        nodeId: null,
        a: { port: null, next: 'entry', reason: "in segment 'trial' (segments = 'trial')" },
        b: { port: null, next: null, reason: out.outcomeReason },
        rejoinsAt: null,
      },
    ]);
  });
});
