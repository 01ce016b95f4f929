import { describe, it, expect } from 'vitest';
import { validateJourney } from '../../../../src/shared/journey/validate';
import type { JourneyNode } from '../../../../src/shared/journey/model';
import { email, flowThrough, node, simpleJourney } from './fixtures';

function codesFor(step: JourneyNode): string[] {
  return validateJourney(flowThrough(step)).map((p) => p.code);
}

const variants = (...percents: number[]) => percents.map((percent, i) => ({ id: `v${i}`, name: `V${i}`, percent }));

describe('validateJourney node data', () => {
  it('finds nothing wrong with a complete journey', () => {
    expect(validateJourney(simpleJourney())).toEqual([]);
  });

  it('reports data that fails its schema, naming the field', () => {
    const [problem] = validateJourney(flowThrough({ ...email('mail'), data: { ...email('mail').data, subject: 42 } }));
    expect(problem).toMatchObject({
      id: 'invalidData:mail',
      code: 'invalidData',
      severity: 'error',
      nodeIds: ['mail'],
    });
    expect(problem.message).toMatch(/“subject”/);
  });

  it('numbers list positions from 1 and passes on the schema hint', () => {
    const entry = node('entry', 'entry', {
      trigger: { type: 'date', attribute: 'birthday', offsetDays: 0, time: '25:00', yearly: true },
    });
    const [problem] = validateJourney({
      nodes: [entry, node('goal', 'goal')],
      edges: [{ id: 'e', source: 'entry', sourceHandle: 'out', target: 'goal', targetHandle: 'in' }],
    });
    expect(problem.message).toMatch(/“trigger time” — Use HH:MM/);
    const ab = node('ab', 'abSplit', { variants: variants(150, 0) });
    expect(validateJourney(flowThrough(ab))[0].message).toMatch(/“variants 1 percent”/);
  });

  it('reports a node of a kind this version does not know', () => {
    const alien = { id: 'alien', kind: 'teleport', position: { x: 0, y: 0 }, data: {} } as unknown as JourneyNode;
    // It has no ports, so the edge into it dangles and nothing after it is reached.
    expect(codesFor(alien)).toEqual(['invalidData', 'deadEnd', 'danglingEdge', 'unreachable', 'unreachable']);
  });

  it('reports a damaged node once, without checking its content', () => {
    const damaged = { ...node('mail', 'email'), problem: 'The data could not be read.' };
    const problems = validateJourney(flowThrough(damaged));
    expect(problems.map((p) => p.code)).toEqual(['damagedNode']);
    expect(problems[0].message).toContain('The data could not be read.');
  });
});

describe('validateJourney emails', () => {
  it('reports a missing or blank subject', () => {
    expect(codesFor({ ...email('mail'), data: { ...email('mail').data, subject: '  ' } })).toEqual([
      'emailMissingSubject',
    ]);
  });

  it('reports a missing sender name or sender email in one problem', () => {
    const noName = { ...email('mail'), data: { ...email('mail').data, senderName: '' } };
    expect(validateJourney(flowThrough(noName)).map((p) => p.message)).toEqual([
      expect.stringMatching(/no sender name;/),
    ]);
    const neither = { ...email('mail'), data: { ...email('mail').data, senderName: '', senderEmail: ' ' } };
    const problems = validateJourney(flowThrough(neither));
    expect(problems.map((p) => p.code)).toEqual(['emailMissingSender']);
    expect(problems[0].message).toMatch(/no sender name or sender email/);
  });

  it('reports a sender email not shaped like an address', () => {
    for (const senderEmail of ['maily', 'hi@maily', 'hi there@maily.test', '@maily.test', 'hi@@maily.test']) {
      expect(codesFor({ ...email('mail'), data: { ...email('mail').data, senderEmail } })).toEqual([
        'emailBadSenderAddress',
      ]);
    }
    for (const senderEmail of ['hi@maily.test', ' news+x@mail.example.co.uk ']) {
      expect(codesFor({ ...email('mail'), data: { ...email('mail').data, senderEmail } })).toEqual([]);
    }
  });
});

describe('validateJourney percentages', () => {
  it('accepts A/B splits that add up to 100, within floating-point noise', () => {
    expect(codesFor(node('ab', 'abSplit'))).toEqual([]);
    expect(codesFor(node('ab', 'abSplit', { variants: variants(33.3, 33.3), controlPercent: 33.4 }))).toEqual([]);
    expect(codesFor(node('ab', 'abSplit', { variants: variants(0.1, 0.2), controlPercent: 99.7 }))).toEqual([]);
  });

  it('reports A/B splits that do not add up to 100, saying the total', () => {
    const ab = node('ab', 'abSplit', { variants: variants(45, 45), controlPercent: 5 });
    const problems = validateJourney(flowThrough(ab));
    expect(problems.map((p) => p.code)).toEqual(['abPercentTotal']);
    expect(problems[0].message).toMatch(/add up to 95%/);
    expect(codesFor(node('ab', 'abSplit', { variants: variants(50, 50), controlPercent: 1e-7 }))).toEqual([
      'abPercentTotal',
    ]);
  });

  it('reports duplicate A/B variant ids, ignoring case', () => {
    const dup = [
      { id: 'a', name: 'A', percent: 40 },
      { id: 'A', name: 'A again', percent: 40 },
    ];
    expect(codesFor(node('ab', 'abSplit', { variants: dup, controlPercent: 20 }))).toEqual(['abDuplicateVariantId']);
  });

  it('reports an A/B variant named control', () => {
    const reserved = [
      { id: 'a', name: 'A', percent: 40 },
      { id: 'Control', name: 'Mine', percent: 40 },
    ];
    expect(codesFor(node('ab', 'abSplit', { variants: reserved, controlPercent: 20 }))).toEqual([
      'abReservedVariantId',
    ]);
  });

  it('checks random cohorts add up to 100 and have distinct ids', () => {
    expect(codesFor(node('rc', 'randomCohort', { cohorts: variants(25, 25, 50) }))).toEqual([]);
    expect(codesFor(node('rc', 'randomCohort', { cohorts: variants(60, 50) }))).toEqual(['cohortPercentTotal']);
    const dup = [
      { id: 'c1', name: 'One', percent: 50 },
      { id: 'c1', name: 'Two', percent: 50 },
    ];
    expect(codesFor(node('rc', 'randomCohort', { cohorts: dup }))).toEqual(['cohortDuplicateId']);
  });
});
