import { useCallback, useEffect, useRef, useState } from 'react';
import type { Journey, Problem } from '../../../shared/journey';
import { markProblems, type ProblemMarks } from './problemMarks';
import { createValidator, type Validator } from './validator';
import { whenIdle } from './whenIdle';

export interface ProblemsState extends ProblemMarks {
  problems: Problem[];
  /** False until the journey has been validated once: until then nothing is known. */
  checked: boolean;
}

const unchecked: ProblemsState = { problems: [], checked: false, ...markProblems([]) };

function startWorker(): Worker {
  return new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
}

/** This editor's validator, made on first use (its worker starts then), disposed on unmount. */
function useValidator(): () => Validator {
  const validator = useRef<Validator | null>(null);
  useEffect(
    () => () => {
      validator.current?.dispose();
      validator.current = null;
    },
    [],
  );
  return useCallback(
    () => (validator.current ??= createValidator(typeof Worker === 'function' ? startWorker : null)),
    [],
  );
}

/**
 * The journey's problems, re-validated `delay` ms after the last change (typing does
 * not validate 2,000 steps per keystroke), in a worker: checking a big journey would
 * hold up typing and panning. The first validation waits until the browser is idle:
 * opening a big journey paints its steps first, their highlights a moment later.
 */
export function useProblems(journey: Journey, delay = 150): ProblemsState {
  const [state, setState] = useState<ProblemsState>(unchecked);
  const validator = useValidator();
  const validated = useRef(false);
  useEffect(() => {
    let current = true;
    const validate = () =>
      void validator()
        .validate(journey)
        .then((problems) => {
          if (!current) return;
          // Once: the open's timeline (the canvas benchmark prints it), not every edit's.
          if (!validated.current) performance.mark('maily:first-validation');
          validated.current = true;
          setState({ problems, checked: true, ...markProblems(problems) });
        });
    const cancel = validated.current ? cancelable(setTimeout(validate, delay)) : whenIdle(validate);
    return () => {
      current = false;
      cancel();
    };
  }, [validator, journey, delay]);
  return state;
}

function cancelable(timer: ReturnType<typeof setTimeout>): () => void {
  return () => clearTimeout(timer);
}
