import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PreviewScheduler } from '../../../../src/renderer/features/email/preview/PreviewScheduler';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('PreviewScheduler', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  function setup(render = vi.fn(async () => 'html')) {
    const results: [string, number | null][] = [];
    const busy: boolean[] = [];
    const errors: unknown[] = [];
    const scheduler = new PreviewScheduler<string>({
      render,
      onResult: (r, editAt) => results.push([r, editAt]),
      onError: (e) => errors.push(e),
      onBusy: (b) => busy.push(b),
      delay: 50,
      confirmDelay: 500,
      now: () => clock,
    });
    return { scheduler, render, results, busy, errors };
  }

  it('renders once shortly after a burst of edits, then once more to confirm', async () => {
    const { scheduler, render, results } = setup();
    for (let i = 0; i < 5; i++) {
      clock = i * 20;
      scheduler.changed();
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(render).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(40);
    expect(render).toHaveBeenCalledTimes(1);
    expect(results[0]).toEqual(['html', 80]);
    await vi.advanceTimersByTimeAsync(500);
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('keeps one render in flight and runs one more for edits made meanwhile', async () => {
    const slow = deferred<string>();
    const render = vi.fn().mockReturnValueOnce(slow.promise).mockResolvedValue('second');
    const { scheduler, results, busy } = setup(render);
    scheduler.refresh();
    scheduler.refresh();
    scheduler.refresh();
    expect(render).toHaveBeenCalledTimes(1);
    slow.resolve('first');
    await vi.advanceTimersByTimeAsync(0);
    expect(render).toHaveBeenCalledTimes(2);
    expect(results.map((r) => r[0])).toEqual(['first', 'second']);
    expect(busy).toEqual([true, true, false]);
  });

  it('reports failures and carries on; nothing after dispose', async () => {
    const render = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue('ok');
    const { scheduler, results, errors } = setup(render);
    scheduler.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    scheduler.changed();
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(render).toHaveBeenCalledTimes(1);
    expect(results).toEqual([]);
  });

  it('does not count opening the editor as an edit', async () => {
    const { scheduler, results } = setup();
    scheduler.changed(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(results).toEqual([['html', null]]);
  });
});
