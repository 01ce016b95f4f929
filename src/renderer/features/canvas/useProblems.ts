import { useEffect, useState } from 'react';
import { validateJourney, type Journey, type Problem } from '../../../shared/journey';
import { markProblems, type ProblemMarks } from './problemMarks';

export interface ProblemsState extends ProblemMarks {
  problems: Problem[];
}

const none: ProblemsState = { problems: [], ...markProblems([]) };

/**
 * The journey's problems, re-validated `delay` ms after the last change (typing does
 * not validate 2,000 steps per keystroke).
 */
export function useProblems(journey: Journey, delay = 150): ProblemsState {
  const [state, setState] = useState<ProblemsState>(none);
  useEffect(() => {
    const timer = setTimeout(() => {
      const problems = validateJourney(journey);
      setState({ problems, ...markProblems(problems) });
    }, delay);
    return () => clearTimeout(timer);
  }, [journey, delay]);
  return state;
}
