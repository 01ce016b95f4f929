import { describe, expect, it } from 'vitest';
import { abSplitSchema, defaultNodeData, randomCohortSchema } from '../../../../src/shared/journey';
import { fieldErrors, read } from '../../../../src/renderer/features/canvas/inspector/fieldErrors';
import { newPath, pathRules, pathTotal, readPaths } from '../../../../src/renderer/features/canvas/inspector/paths';

describe('field errors', () => {
  it('are keyed by field path, first message wins', () => {
    expect(fieldErrors('email', defaultNodeData('email'))).toEqual({});
    const errors = fieldErrors('delay', { label: 'x', wait: { mode: 'until', date: 'tomorrow', time: '25:00' } });
    expect(errors['wait.date']).toMatch(/YYYY-MM-DD/);
    expect(errors['wait.time']).toMatch(/HH:MM/);
    const split = fieldErrors('abSplit', { ...defaultNodeData('abSplit'), controlPercent: 120 });
    expect(Object.keys(split)).toEqual(['controlPercent']);
  });

  it('reads damaged values as something a control can show', () => {
    expect(read.text(5)).toBe('');
    expect(read.number(Number.NaN)).toBeNull();
    expect(read.bool('true')).toBe(false);
    expect(read.record([1])).toEqual({});
  });
});

describe('split paths', () => {
  it('limits match the schemas', () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}`, percent: 0 }));
    for (const [kind, schema] of [
      ['abSplit', abSplitSchema],
      ['randomCohort', randomCohortSchema],
    ] as const) {
      const { field, min, max } = pathRules[kind];
      const base = defaultNodeData(kind);
      const parses = (n: number) => schema.safeParse({ ...base, [field]: make(n) }).success;
      expect([parses(min - 1), parses(min), parses(max), parses(max + 1)]).toEqual([false, true, true, false]);
    }
  });

  it('new paths get fresh ids (never "control") and what is left of 100%', () => {
    const variants = readPaths(defaultNodeData('abSplit').variants);
    expect(newPath('abSplit', variants, 10)).toEqual({ id: 'c', name: 'Variant C', percent: 0 });
    expect(newPath('abSplit', variants.slice(0, 1), 10)).toMatchObject({ id: 'b', percent: 45 });
    const cohorts = readPaths([{ id: 'c2', name: 'x', percent: 30 }]);
    expect(newPath('randomCohort', cohorts)).toEqual({ id: 'c3', name: 'Cohort 3', percent: 70 });
    expect(pathTotal(variants, 10)).toBe(100);
    expect(pathTotal(readPaths([{ percent: 33.3 }, { percent: 33.3 }, { percent: 33.4 }]))).toBe(100);
  });

  it('reads damaged path lists without throwing', () => {
    expect(readPaths('nope')).toEqual([]);
    expect(readPaths([null, { id: 3, percent: 'x' }])).toEqual([
      { id: 'p1', name: '', percent: 0 },
      { id: 'p2', name: '', percent: 0 },
    ]);
  });
});
