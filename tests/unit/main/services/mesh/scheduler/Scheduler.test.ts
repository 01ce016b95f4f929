import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../../../../src/main/services/mesh/scheduler/NodeView';
import { Scheduler } from '../../../../../../src/main/services/mesh/scheduler/Scheduler';

const model = { id: 'qwen.gguf', contextSize: 4096 };

function node(id: string, tokensPerSecond: number, extra: Partial<NodeView> = {}): NodeView {
  return {
    id,
    isLocal: false,
    models: [model],
    slots: 1,
    running: 0,
    queued: 0,
    tokensPerSecond,
    roundTripMs: 2,
    health: 'closed',
    ...extra,
  };
}

describe('Scheduler', () => {
  it('routes to the fastest node with a free slot', () => {
    const s = new Scheduler();
    const nodes = [node('slow', 20), node('fast', 80), node('mid', 40)];
    expect(s.pick({ maxTokens: 200 }, nodes)).toEqual({ nodeId: 'fast', expectedMs: 2_500 + 2 });
    nodes[1].running = 1;
    expect(s.pick({ maxTokens: 200 }, nodes)?.nodeId).toBe('mid');
  });

  it('spreads jobs when one node is busy, from its own bookkeeping on stale status', () => {
    const s = new Scheduler();
    const nodes = [node('a', 50), node('b', 40), node('c', 40, { slots: 2 })];
    const chosen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const pick = s.pick({ maxTokens: 400 }, nodes);
      if (!pick) throw new Error('no node');
      s.started(pick.nodeId, `job${i}`, 400);
      chosen.push(pick.nodeId);
    }
    // a is fastest; then b and c (two slots) beat waiting behind a's job.
    expect(chosen).toEqual(['a', 'b', 'c', 'c']);
    expect(s.inFlight('c')).toBe(2);
    // Next on a means waiting for its job: 8 s + 8 s; streamed progress shortens the wait.
    expect(s.pick({ maxTokens: 400 }, nodes)).toEqual({ nodeId: 'a', expectedMs: 16_002 });
    s.finished('b', 'job1', { tokens: 400, ms: 10_000, ok: true });
    expect(s.pick({ maxTokens: 400 }, nodes)).toEqual({ nodeId: 'b', expectedMs: 10_002 });
    s.progress('a', 'job0', 390);
    expect(s.pick({ maxTokens: 400 }, nodes)).toEqual({ nodeId: 'a', expectedMs: 8_202 });
  });

  it('counts jobs others put on a node, from its reported queue', () => {
    const s = new Scheduler({ defaultJobTokens: 500 });
    const nodes = [node('busy', 100, { running: 1, queued: 2 }), node('idle', 30)];
    expect(s.pick({ maxTokens: 100 }, nodes)?.nodeId).toBe('idle');
  });

  it('never chooses a node without the model or enough context, nor an open one', () => {
    const s = new Scheduler();
    const other = node('other', 500, { models: [{ id: 'llama.gguf', contextSize: 8192 }] });
    const small = node('small', 400, { models: [{ id: 'qwen.gguf', contextSize: 1024 }] });
    const open = node('open', 300, { health: 'open' });
    const half = node('half', 10, { health: 'half-open' });
    expect(s.pick({ model: 'qwen.gguf', minContext: 2048, maxTokens: 50 }, [other, small, open, half])?.nodeId).toBe(
      'half',
    );
    expect(s.route({ model: 'phi.gguf', maxTokens: 50 }, [other, small])).toEqual({
      ok: false,
      reason: 'no-suitable-node',
    });
    expect(s.route({ model: 'qwen.gguf', maxTokens: 50 }, [open])).toEqual({ ok: false, reason: 'all-open' });
    expect(s.pick({ maxTokens: 50 }, [])).toBeNull();
  });

  it('refuses a job no node can finish by its deadline', () => {
    const clock = { t: 10_000 };
    const s = new Scheduler({ now: () => clock.t });
    const nodes = [node('a', 20), node('b', 50)];
    // 500 tokens at 50 tokens/s: 10 s + 2 ms round trip.
    expect(s.pick({ maxTokens: 500, deadline: clock.t + 10_100 }, nodes)?.nodeId).toBe('b');
    expect(s.route({ maxTokens: 500, deadline: clock.t + 9_000 }, nodes)).toEqual({
      ok: false,
      reason: 'deadline',
      bestMs: 10_002,
    });
  });

  it('prefers the local node within 5% of the best time, not beyond', () => {
    const s = new Scheduler();
    const local = node('local', 48, { isLocal: true, roundTripMs: 0 });
    const remote = node('remote', 50);
    expect(s.pick({ maxTokens: 500 }, [remote, local])?.nodeId).toBe('local');
    local.tokensPerSecond = 40;
    expect(s.pick({ maxTokens: 500 }, [remote, local])?.nodeId).toBe('remote');
  });

  it('learns each node speed from finished jobs (EWMA) over what the node advertises', () => {
    const s = new Scheduler({ speedAlpha: 0.5, defaultTokensPerSecond: 25 });
    const claims = node('claims', 100);
    const honest = node('honest', 60);
    expect(s.speedOf(node('unknown', 0, { tokensPerSecond: undefined }))).toBe(25);
    s.started('claims', 'j1', 100);
    s.finished('claims', 'j1', { tokens: 100, ms: 5_000, ok: true }); // 20 tokens/s
    expect(s.speedOf(claims)).toBe(20);
    s.finished('claims', 'j2', { tokens: 100, ms: 2_500, ok: true }); // 40 tokens/s
    expect(s.speedOf(claims)).toBe(30);
    s.finished('claims', 'j3', { tokens: 0, ms: 100, ok: false });
    expect(s.speedOf(claims)).toBe(30);
    expect(s.inFlight('claims')).toBe(0);
    expect(s.pick({ maxTokens: 300 }, [claims, honest])?.nodeId).toBe('honest');
  });
});
