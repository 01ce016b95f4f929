import { describe, it, expect } from 'vitest';
import { validateJourney } from '../../../../src/shared/journey/validate';
import { portsOf } from '../../../../src/shared/journey/kinds';
import type { Journey, JourneyNode } from '../../../../src/shared/journey/model';
import { edge, email, node, simpleJourney, withCode } from './fixtures';

describe('validateJourney entry and reach', () => {
  it('reports a journey with no Entry once, not every step as unreachable', () => {
    const problems = validateJourney({
      nodes: [email('mail'), node('goal', 'goal')],
      edges: [edge('mail', 'out', 'goal')],
    });
    expect(problems).toEqual([
      expect.objectContaining({ id: 'noEntry', code: 'noEntry', severity: 'error', nodeIds: [] }),
    ]);
  });

  it('reports a step no Entry leads to as a warning', () => {
    const j = simpleJourney();
    j.nodes.push(email('lost'));
    j.edges.push(edge('lost', 'out', 'goal'));
    expect(validateJourney(j)).toEqual([
      expect.objectContaining({ id: 'unreachable:lost', code: 'unreachable', severity: 'warning', nodeIds: ['lost'] }),
    ]);
  });

  it('never reports a Note as unreachable', () => {
    const j = simpleJourney();
    j.nodes.push(node('note', 'note', { text: 'Ask legal about the subject line' }));
    expect(validateJourney(j)).toEqual([]);
  });

  it('counts steps reached from any of several Entries', () => {
    const j = simpleJourney();
    j.nodes.push(node('entry2', 'entry'), email('mail2'));
    j.edges.push(edge('entry2', 'out', 'mail2'), edge('mail2', 'out', 'goal'));
    expect(validateJourney(j)).toEqual([]);
  });
});

describe('validateJourney dead ends', () => {
  it('reports a step with no next step', () => {
    const j: Journey = { nodes: [node('entry', 'entry'), email('mail')], edges: [edge('entry', 'out', 'mail')] };
    expect(validateJourney(j)).toEqual([
      expect.objectContaining({ id: 'deadEnd:mail', severity: 'error', message: expect.stringMatching(/stuck/) }),
    ]);
  });

  it('reports an Entry that leads nowhere', () => {
    const problems = validateJourney({ nodes: [node('entry', 'entry')], edges: [] });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'deadEnd', nodeIds: ['entry'], message: expect.stringMatching(/first step/) }),
    ]);
  });

  it('names only the open paths of a split, in one problem', () => {
    const j: Journey = {
      nodes: [node('entry', 'entry'), node('cond', 'condition'), node('wait', 'waitUntil'), node('goal', 'goal')],
      edges: [edge('entry', 'out', 'cond'), edge('cond', 'yes', 'goal'), edge('cond', 'no', 'wait')],
    };
    const problems = validateJourney(j);
    expect(problems.map((p) => p.id)).toEqual(['deadEnd:wait']);
    expect(problems[0].message).toMatch(/“Event happened”, “Timed out” paths/);
    j.edges.splice(1, 1);
    expect(withCode(validateJourney(j), 'deadEnd')[0].message).toMatch(/The “Yes” path of “Condition”/);
  });

  it('does not report a Goal or a Note', () => {
    const j = simpleJourney();
    j.nodes.push(node('note', 'note'));
    expect(withCode(validateJourney(j), 'deadEnd')).toEqual([]);
  });

  it('counts an output whose only edge dangles as open', () => {
    const j: Journey = {
      nodes: [node('entry', 'entry'), email('mail')],
      edges: [edge('entry', 'out', 'mail'), edge('mail', 'out', 'gone')],
    };
    expect(validateJourney(j).map((p) => p.code)).toEqual(['deadEnd', 'danglingEdge']);
  });
});

describe('validateJourney loops', () => {
  // entry → mail → cond; cond.yes → goal; cond.no → back → mail. Other outputs of back → goal.
  function loop(back: JourneyNode): Journey {
    const [first, ...rest] = portsOf(back.kind, back.data).outputs;
    return {
      nodes: [node('entry', 'entry'), email('mail'), node('cond', 'condition'), node('goal', 'goal'), back],
      edges: [
        edge('entry', 'out', 'mail'),
        edge('mail', 'out', 'cond'),
        edge('cond', 'yes', 'goal'),
        edge('cond', 'no', back.id),
        edge(back.id, first.id, 'mail'),
        ...rest.map((port) => edge(back.id, port.id, 'goal')),
      ],
    };
  }

  it('allows a loop through a Delay', () => {
    expect(validateJourney(loop(node('delay', 'delay')))).toEqual([]);
  });

  it('allows a loop through a Wait until', () => {
    expect(validateJourney(loop(node('wait', 'waitUntil')))).toEqual([]);
  });

  it('reports a loop without a delay once, with all its steps', () => {
    const problems = validateJourney(loop(email('mail2')));
    expect(problems).toEqual([
      expect.objectContaining({
        id: 'loopWithoutDelay:cond,mail,mail2',
        severity: 'error',
        nodeIds: ['cond', 'mail', 'mail2'],
      }),
    ]);
    expect(problems[0].message).toMatch(/add a Delay/);
  });

  it('reports nested loops sharing steps as one problem, and separate loops apart', () => {
    const j = loop(email('mail2'));
    j.nodes.push(node('cond2', 'condition'), node('up', 'updateProfile'));
    // A second loop inside the first: mail2 → cond2 → (no) mail2.
    j.edges = j.edges.filter((e) => e.source !== 'mail2');
    j.edges.push(edge('mail2', 'out', 'cond2'), edge('cond2', 'no', 'mail2'), edge('cond2', 'yes', 'mail'));
    expect(withCode(validateJourney(j), 'loopWithoutDelay').map((p) => p.nodeIds)).toEqual([
      ['cond', 'cond2', 'mail', 'mail2'],
    ]);
    j.nodes.push(node('entry2', 'entry'));
    j.edges.push(edge('entry2', 'out', 'up'), edge('up', 'out', 'up'));
    expect(withCode(validateJourney(j), 'loopWithoutDelay').map((p) => p.nodeIds)).toEqual([
      ['cond', 'cond2', 'mail', 'mail2'],
      ['up'],
    ]);
  });
});

describe('validateJourney edges', () => {
  it('reports edges to and from missing nodes with their edge ids', () => {
    const j = simpleJourney();
    j.edges.push(edge('ghost', 'out', 'goal', 'in', 'e1'), edge('ghost', 'out', 'phantom', 'in', 'e2'));
    const dangling = withCode(validateJourney(j), 'danglingEdge');
    expect(dangling).toEqual([
      expect.objectContaining({ id: 'danglingEdge:e2', severity: 'warning', nodeIds: [], edgeIds: ['e2'] }),
      expect.objectContaining({ id: 'danglingEdge:e1', nodeIds: ['goal'], edgeIds: ['e1'] }),
    ]);
  });

  it('reports an edge from an A/B path that was removed', () => {
    const ab = node('ab', 'abSplit');
    const j: Journey = {
      nodes: [node('entry', 'entry'), ab, node('goal', 'goal')],
      edges: ['a', 'b', 'control', 'c'].map((h) => edge('ab', h, 'goal')).concat(edge('entry', 'out', 'ab')),
    };
    expect(validateJourney(j)).toEqual([
      expect.objectContaining({
        code: 'danglingEdge',
        edgeIds: ['ab-c-goal'],
        message: expect.stringMatching(/output that was removed/),
      }),
    ]);
  });

  it('reports edges into an Entry, a Note, or an input that does not exist', () => {
    const j = simpleJourney();
    j.nodes.push(node('note', 'note'));
    j.edges.push(
      edge('mail', 'out', 'entry', 'in', 'x1'),
      edge('mail', 'out', 'note', 'in', 'x2'),
      edge('mail', 'out', 'goal', 'side', 'x3'),
    );
    expect(withCode(validateJourney(j), 'danglingEdge').flatMap((p) => p.edgeIds)).toEqual(['x1', 'x2', 'x3']);
  });

  it('reports an output connected to several steps (e.g. by two designers at once)', () => {
    const j = simpleJourney();
    j.nodes.push(node('goal2', 'goal'));
    j.edges.push(edge('mail', 'out', 'goal2'));
    expect(validateJourney(j)).toEqual([
      expect.objectContaining({
        id: 'outputFanOut:mail:out',
        nodeIds: ['mail', 'goal', 'goal2'],
        edgeIds: ['mail-out-goal', 'mail-out-goal2'],
      }),
    ]);
  });
});

describe('validateJourney order', () => {
  it('lists errors first, then by code, then by node id, whatever the input order', () => {
    const j: Journey = {
      nodes: [node('entry', 'entry'), node('b', 'email'), node('a', 'email'), email('orphan'), node('goal', 'goal')],
      edges: [
        edge('entry', 'out', 'b'),
        edge('b', 'out', 'a'),
        edge('a', 'out', 'goal'),
        edge('orphan', 'out', 'goal'),
      ],
    };
    const expected = [
      'emailMissingSubject:a',
      'emailMissingSubject:b',
      'emailMissingSender:a',
      'emailMissingSender:b',
      'unreachable:orphan',
    ];
    expect(validateJourney(j).map((p) => p.id)).toEqual(expected);
    const reversed = { nodes: [...j.nodes].reverse(), edges: [...j.edges].reverse() };
    expect(validateJourney(reversed).map((p) => p.id)).toEqual(expected);
  });
});
