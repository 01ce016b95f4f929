import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  MAX_SUBTASKS,
  checkPlan,
  depths,
  findCycle,
  repairPlan,
  topologicalOrder,
  type Subtask,
} from '../../../../src/shared/agents/plan';

const task = (id: string, dependsOn: string[] = [], extra: Partial<Subtask> = {}): Subtask => ({
  id,
  role: 'content',
  title: `Task ${id}`,
  instructions: 'Do it',
  dependsOn,
  output: 'email',
  ...extra,
});
const plan = (...subtasks: Subtask[]) => ({ goal: 'A series', subtasks });

describe('checkPlan', () => {
  it('accepts a DAG of known roles', () => {
    const result = checkPlan(plan(task('a'), task('b'), task('c', ['a', 'b'], { role: 'critic', output: 'analysis' })));
    expect(result).toMatchObject({ ok: true, repairs: [] });
  });

  it('refuses what is not a plan, unknown roles and outputs, with readable problems', () => {
    expect(checkPlan(null)).toMatchObject({ ok: false });
    expect(checkPlan('{"goal":')).toMatchObject({ ok: false });
    const badRole = checkPlan(plan(task('a', [], { role: 'wizard' as never })));
    expect(badRole.ok).toBe(false);
    expect((badRole as { problems: string[] }).problems[0]).toMatch(/subtasks\.0\.role/);
    expect(checkPlan(plan(task('a', [], { output: 'video' as never }))).ok).toBe(false);
    expect(checkPlan({ goal: 'x', subtasks: [] }).ok).toBe(false);
    expect(checkPlan(plan(task('bad id!'))).ok).toBe(false);
  });

  it('names duplicate ids, unknown and self dependencies', () => {
    const result = checkPlan(plan(task('a'), task('a'), task('b', ['zz', 'b'])));
    expect(result.ok).toBe(false);
    const problems = (result as { problems: string[] }).problems.join(' ');
    expect(problems).toContain('Two subtasks have the id “a”');
    expect(problems).toContain('“b” depends on “zz”, which is not in the plan');
    expect(problems).toContain('“b” depends on itself');
  });

  it('finds cycles', () => {
    const cyclic = plan(task('a', ['c']), task('b', ['a']), task('c', ['b']));
    expect(findCycle(cyclic.subtasks)).toEqual(['a', 'c', 'b', 'a']);
    const result = checkPlan(cyclic);
    expect((result as { problems: string[] }).problems[0]).toMatch(/circle: a → c → b → a/);
  });

  it('caps the number of subtasks and the depth', () => {
    const many = Array.from({ length: MAX_SUBTASKS + 1 }, (_, i) => task(`t${i}`));
    expect((checkPlan(plan(...many)) as { problems: string[] }).problems[0]).toMatch(/at most 10/);
    const chain = Array.from({ length: MAX_DEPTH + 1 }, (_, i) => task(`t${i}`, i ? [`t${i - 1}`] : []));
    expect(Math.max(...depths(chain).values())).toBe(MAX_DEPTH + 1);
    expect((checkPlan(plan(...chain)) as { problems: string[] }).problems[0]).toMatch(/levels/);
  });
});

describe('repairPlan', () => {
  it('renames duplicates, drops bad dependencies and breaks circles, listing each repair', () => {
    const result = repairPlan(plan(task('a', ['b']), task('a'), task('b', ['a', 'nope', 'b'])));
    expect(result.ok).toBe(true);
    const { plan: fixed, repairs } = result as Extract<typeof result, { ok: true }>;
    expect(fixed.subtasks.map((s) => s.id)).toEqual(['a', 'a-2', 'b']);
    expect(checkPlan(fixed).ok).toBe(true);
    expect(findCycle(fixed.subtasks)).toBeNull();
    expect(repairs.join(' ')).toMatch(/Renamed a second “a”/);
    expect(repairs.join(' ')).toMatch(/“nope”/);
    expect(repairs.join(' ')).toMatch(/itself/);
    expect(repairs.join(' ')).toMatch(/closed a circle/);
  });

  it('keeps the first subtasks of a long plan and flattens a plan that is too deep', () => {
    const many = Array.from({ length: MAX_SUBTASKS + 5 }, (_, i) => task(`t${i}`, i ? [`t${i - 1}`] : []));
    const result = repairPlan(plan(...many));
    expect(result.ok).toBe(true);
    const fixed = (result as Extract<typeof result, { ok: true }>).plan;
    expect(fixed.subtasks).toHaveLength(MAX_SUBTASKS);
    expect(Math.max(...depths(fixed.subtasks).values())).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it('cannot repair what does not parse', () => {
    expect(repairPlan({ goal: 'x' }).ok).toBe(false);
  });
});

it('orders subtasks after their dependencies', () => {
  expect(topologicalOrder([task('c', ['b']), task('a'), task('b', ['a'])])).toEqual(['a', 'b', 'c']);
});
