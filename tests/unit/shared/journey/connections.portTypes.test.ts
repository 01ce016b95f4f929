import { describe, it, expect, vi } from 'vitest';
import type { NodeKind, NodePorts } from '../../../../src/shared/journey/kinds';
import { ConnectionRefusalCode as C, checkConnection } from '../../../../src/shared/journey/connections';
import { node } from './fixtures';

// Every port carries contacts today, so a mismatch can only be staged: give Goal an
// input of another type and check the rule still holds when a second type arrives.
vi.mock('../../../../src/shared/journey/kinds', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/shared/journey/kinds')>();
  return {
    ...actual,
    portsOf: (kind: NodeKind, data: unknown): NodePorts => {
      const ports = actual.portsOf(kind, data);
      if (kind !== 'goal') return ports;
      return { ...ports, inputs: [{ id: 'in', label: 'In', type: 'events' as unknown as 'contacts' }] };
    },
  };
});

describe('checkConnection port types', () => {
  it('refuses an output and an input that carry different things', () => {
    const j = { nodes: [node('mail', 'email'), node('goal', 'goal'), node('delay', 'delay')], edges: [] };
    const check = checkConnection(j, { source: 'mail', sourceHandle: 'out', target: 'goal', targetHandle: 'in' });
    expect(check).toMatchObject({
      ok: false,
      code: C.PortTypeMismatch,
      reason: expect.stringMatching(/carries contacts/),
    });
    expect(checkConnection(j, { source: 'mail', sourceHandle: 'out', target: 'delay', targetHandle: 'in' })).toEqual({
      ok: true,
    });
  });
});
