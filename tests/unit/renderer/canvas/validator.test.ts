import { describe, expect, it, vi } from 'vitest';
import { validateJourney, type Journey } from '../../../../src/shared/journey';
import {
  createValidator,
  type ValidationRequest,
  type ValidationResponse,
} from '../../../../src/renderer/features/canvas/validator';

const journey: Journey = {
  nodes: [{ id: 'n', kind: 'email', position: { x: 0, y: 0 }, data: {} }],
  edges: [{ id: 'e', source: 'n', sourceHandle: 'out', target: 'gone', targetHandle: 'in' }],
};

/** Stands in for a Web Worker: records what it is sent; the test answers or fails it. */
class FakeWorker {
  sent: ValidationRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<ValidationResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: ValidationRequest) {
    this.sent.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(request: ValidationRequest) {
    const response = { id: request.id, problems: validateJourney(request.journey) };
    this.onmessage?.({ data: response } as MessageEvent<ValidationResponse>);
  }
}

describe('validator', () => {
  it('validates in the worker, started on first use, and matches the journey to its answer', async () => {
    const worker = new FakeWorker();
    const start = vi.fn(() => worker as unknown as Worker);
    const validator = createValidator(start);
    expect(start).not.toHaveBeenCalled();
    const first = validator.validate(journey);
    const second = validator.validate({ nodes: [], edges: [] });
    expect(start).toHaveBeenCalledTimes(1);
    expect(worker.sent.map((r) => r.id)).toEqual([1, 2]);
    worker.answer(worker.sent[1]);
    worker.answer(worker.sent[0]);
    expect(await first).toEqual(validateJourney(journey));
    expect((await second).map((p) => p.code)).toEqual(['noEntry']);
    validator.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('validates on this thread without workers, or once the worker fails', async () => {
    expect(await createValidator(null).validate(journey)).toEqual(validateJourney(journey));

    const broken = createValidator(() => {
      throw new Error('no workers here');
    });
    expect(await broken.validate(journey)).toEqual(validateJourney(journey));

    const worker = new FakeWorker();
    const failing = createValidator(() => worker as unknown as Worker);
    const pending = failing.validate(journey);
    worker.onerror?.({} as ErrorEvent);
    expect(worker.terminated).toBe(true);
    expect(await pending).toEqual(validateJourney(journey));
    expect(await failing.validate(journey)).toEqual(validateJourney(journey));
    expect(worker.sent).toHaveLength(1);
  });
});
