import { validateJourney, type Journey, type Problem } from '../../../shared/journey';

/** What the validation worker is asked and answers. */
export interface ValidationRequest {
  id: number;
  journey: Journey;
}

export interface ValidationResponse {
  id: number;
  problems: Problem[];
}

/** Validates journeys, in a worker when it can. */
export interface Validator {
  /** The journey's problems (as `validateJourney` finds them). */
  validate(journey: Journey): Promise<Problem[]>;
  /** Stops the worker; pending validations never settle. */
  dispose(): void;
}

type StartWorker = () => Worker;

/**
 * A {@link Validator} over the worker `start` makes (on first use). Without workers, or
 * once the worker fails, it validates on this thread: the same answer, but this thread
 * waits for it.
 */
export function createValidator(start: StartWorker | null): Validator {
  let worker: Worker | null = null;
  let failed = start === null;
  let serial = 0;
  const pending = new Map<number, { journey: Journey; resolve: (problems: Problem[]) => void }>();

  const fallBack = () => {
    failed = true;
    worker?.terminate();
    worker = null;
    for (const [id, job] of pending) {
      pending.delete(id);
      job.resolve(validateJourney(job.journey));
    }
  };

  const workerFor = (): Worker | null => {
    if (failed) return null;
    if (worker) return worker;
    try {
      worker = start!();
    } catch {
      // No worker here (e.g. a test runtime): validating on this thread is correct, only slower.
      failed = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<ValidationResponse>) => {
      const job = pending.get(event.data.id);
      pending.delete(event.data.id);
      job?.resolve(event.data.problems);
    };
    worker.onerror = fallBack;
    return worker;
  };

  return {
    validate(journey) {
      const target = workerFor();
      if (!target) return Promise.resolve(validateJourney(journey));
      const id = ++serial;
      return new Promise((resolve) => {
        pending.set(id, { journey, resolve });
        target.postMessage({ id, journey } satisfies ValidationRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failed = true;
      pending.clear();
    },
  };
}
