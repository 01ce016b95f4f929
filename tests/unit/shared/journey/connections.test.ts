import { describe, it, expect } from 'vitest';
import {
  ConnectionRefusalCode as C,
  checkConnection,
  resolveHandles,
  type ConnectionAttempt,
} from '../../../../src/shared/journey/connections';
import type { Journey, JourneyNode } from '../../../../src/shared/journey/model';
import { edge, email, node } from './fixtures';

function journey(): Journey {
  return {
    nodes: [
      node('entry', 'entry'),
      email('mail'),
      email('mail2'),
      node('delay', 'delay'),
      node('cond', 'condition'),
      node('ab', 'abSplit'),
      node('goal', 'goal'),
      node('note', 'note'),
    ],
    edges: [edge('entry', 'out', 'mail'), edge('mail', 'out', 'delay'), edge('cond', 'no', 'mail2')],
  };
}

function attempt(
  source: string,
  sourceHandle: string | null,
  target: string,
  targetHandle: string | null = 'in',
): ConnectionAttempt {
  return { source, sourceHandle, target, targetHandle };
}

function refusal(a: ConnectionAttempt, j: Journey = journey()): { code: string; reason: string } {
  const check = checkConnection(j, a);
  if (check.ok) throw new Error('expected a refusal');
  return { code: check.code, reason: check.reason };
}

describe('checkConnection accepts', () => {
  it('an output to an input with explicit handles', () => {
    expect(checkConnection(journey(), attempt('mail2', 'out', 'goal'))).toEqual({ ok: true });
  });

  it('null handles when each side has exactly one port, and resolves them', () => {
    expect(resolveHandles(journey(), attempt('mail2', null, 'goal', null))).toEqual({
      ok: true,
      edge: { source: 'mail2', sourceHandle: 'out', target: 'goal', targetHandle: 'in' },
    });
  });

  it('a free output of a split whose other output is taken', () => {
    expect(checkConnection(journey(), attempt('cond', 'yes', 'goal'))).toEqual({ ok: true });
  });

  it('each A/B output, including control', () => {
    for (const handle of ['a', 'b', 'control']) {
      expect(checkConnection(journey(), attempt('ab', handle, 'goal'))).toEqual({ ok: true });
    }
  });

  it('a connection that closes a loop (loops are checked by validation, not here)', () => {
    expect(checkConnection(journey(), attempt('delay', 'out', 'mail'))).toEqual({ ok: true });
  });

  it('a second input into a step that already has one', () => {
    expect(checkConnection(journey(), attempt('cond', 'yes', 'mail'))).toEqual({ ok: true });
  });
});

describe('checkConnection refuses', () => {
  it('a missing source or target', () => {
    expect(refusal(attempt('gone', 'out', 'goal')).code).toBe(C.SourceMissing);
    expect(refusal(attempt('mail2', 'out', 'gone')).code).toBe(C.TargetMissing);
  });

  it('a step connected to itself', () => {
    const r = refusal(attempt('mail2', 'out', 'mail2'));
    expect(r.code).toBe(C.SelfConnection);
    expect(r.reason).toMatch(/Delay/);
  });

  it('a Note at either end', () => {
    expect(refusal(attempt('note', null, 'goal'))).toMatchObject({
      code: C.NoteNotInFlow,
      reason: expect.stringMatching(/^Notes are not part of the flow/),
    });
    expect(refusal(attempt('mail2', 'out', 'note', null)).code).toBe(C.NoteNotInFlow);
  });

  it('an Entry as target', () => {
    expect(refusal(attempt('mail2', 'out', 'entry', null))).toMatchObject({
      code: C.EntryHasNoInput,
      reason: expect.stringMatching(/Entry cannot receive contacts/),
    });
  });

  it('a Goal / Exit as source', () => {
    const exit = node('exit', 'goal', { type: 'exit' });
    const j = { ...journey(), nodes: [...journey().nodes, exit] };
    expect(refusal(attempt('goal', null, 'mail2')).code).toBe(C.EndHasNoOutput);
    expect(refusal(attempt('exit', null, 'mail2'), j).code).toBe(C.EndHasNoOutput);
  });

  it('a source handle the node does not have, naming the outputs it does have', () => {
    const r = refusal(attempt('cond', 'maybe', 'goal'));
    expect(r.code).toBe(C.UnknownSourceHandle);
    expect(r.reason).toContain('“Yes”, “No”');
  });

  it('a null source handle on a node with several outputs', () => {
    const r = refusal(attempt('cond', null, 'goal'));
    expect(r.code).toBe(C.UnknownSourceHandle);
    expect(r.reason).toMatch(/several outputs/);
  });

  it('an input id used as a source handle', () => {
    expect(refusal(attempt('mail2', 'in', 'goal')).code).toBe(C.UnknownSourceHandle);
  });

  it('a target handle the node does not have', () => {
    expect(refusal(attempt('mail2', 'out', 'goal', 'out')).code).toBe(C.UnknownTargetHandle);
  });

  it('the same connection twice', () => {
    const r = refusal(attempt('entry', 'out', 'mail'));
    expect(r.code).toBe(C.DuplicateEdge);
  });

  it('a second connection from a used output, saying to delete the first', () => {
    const r = refusal(attempt('entry', null, 'mail2'));
    expect(r.code).toBe(C.OutputInUse);
    expect(r.reason).toMatch(/already leads to “Email”; delete that connection first\./);
  });

  it('with one plain sentence for every refusal', () => {
    const attempts = [
      attempt('gone', 'out', 'goal'),
      attempt('mail2', 'out', 'gone'),
      attempt('note', null, 'goal'),
      attempt('mail2', 'out', 'mail2'),
      attempt('mail2', 'out', 'entry'),
      attempt('goal', null, 'mail2'),
      attempt('cond', null, 'goal'),
      attempt('mail2', 'out', 'goal', 'x'),
      attempt('entry', 'out', 'mail'),
      attempt('entry', 'out', 'mail2'),
    ];
    for (const a of attempts) expect(refusal(a).reason).toMatch(/^[A-Z“].{10,160}\.$/);
  });
});

describe('checkConnection', () => {
  it('does not count an edge to a deleted step as using the output', () => {
    const j = journey();
    j.edges.push(edge('mail2', 'out', 'deleted'));
    expect(checkConnection(j, attempt('mail2', 'out', 'goal'))).toEqual({ ok: true });
  });

  it('uses the current A/B variants as outputs', () => {
    const ab = node('ab', 'abSplit', {
      variants: [
        { id: 'x', name: 'X', percent: 50 },
        { id: 'y', name: 'Y', percent: 50 },
      ],
      controlPercent: 0,
    });
    const j = { nodes: [ab, node('goal', 'goal')], edges: [] };
    expect(checkConnection(j, attempt('ab', 'y', 'goal'))).toEqual({ ok: true });
    expect(refusal(attempt('ab', 'a', 'goal'), j).code).toBe(C.UnknownSourceHandle);
  });

  it('has a numbered catalogue with one code per rule', () => {
    const codes = Object.values(C);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^connection\d{3}$/);
  });
});

describe('checkConnection on hostile input', () => {
  const unknownKind = { id: 'alien', kind: 'teleport', position: { x: 0, y: 0 }, data: {} } as unknown as JourneyNode;
  const brokenAb: JourneyNode = {
    id: 'ab',
    kind: 'abSplit',
    position: { x: 0, y: 0 },
    data: { variants: 'lots', controlPercent: '10' },
  };
  const nullData = { id: 'mail', kind: 'email', position: { x: 0, y: 0 }, data: null } as unknown as JourneyNode;
  const j: Journey = { nodes: [unknownKind, brokenAb, nullData, node('goal', 'goal')], edges: [edge('x', 'y', 'z')] };

  it('never throws', () => {
    const values: unknown[] = [null, undefined, 42, {}, 'out', 'in', 'alien', 'ab', 'mail', 'goal', 'a', 'control'];
    for (const s of values) {
      for (const t of values) {
        const a = { source: s, sourceHandle: t, target: t, targetHandle: s } as unknown as ConnectionAttempt;
        expect(() => checkConnection(j, a)).not.toThrow();
      }
    }
  });

  it('gives a node of an unknown kind no ports', () => {
    expect(refusal(attempt('goal', null, 'alien'), j).code).toBe(C.EndHasNoOutput);
    expect(refusal(attempt('mail', null, 'alien', null), j)).toMatchObject({
      code: C.UnknownTargetHandle,
      reason: expect.stringMatching(/has no inputs/),
    });
    expect(refusal(attempt('alien', null, 'goal'), j).code).toBe(C.UnknownSourceHandle);
  });

  it('falls back to the default outputs of a split with damaged data', () => {
    expect(checkConnection(j, attempt('ab', 'control', 'goal'))).toEqual({ ok: true });
  });
});
