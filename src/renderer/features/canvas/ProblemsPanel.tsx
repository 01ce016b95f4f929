import { memo, useState } from 'react';
import type { Problem } from '../../../shared/journey';

interface ProblemsPanelProps {
  problems: readonly Problem[];
  /** False until the journey has been validated once. */
  checked: boolean;
  errors: number;
  warnings: number;
  readOnly: boolean;
  /** Selects and centres the problem's steps. */
  onShow: (problem: Problem) => void;
  /** Removes connections that lead nowhere (their node or port is gone). */
  onRemoveEdges: (edgeIds: string[]) => void;
}

/** A journey with thousands of broken steps lists this many until asked for all. */
const firstShown = 100;

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The journey's problems; each one is a button that shows where it is. */
export const ProblemsPanel = memo(function ProblemsPanel({
  problems,
  checked,
  errors,
  warnings,
  readOnly,
  onShow,
  onRemoveEdges,
}: ProblemsPanelProps) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? problems : problems.slice(0, firstShown);
  return (
    <section className="je-problems" aria-label="Problems">
      <h2 className="je-panel-title">
        Problems
        {problems.length > 0 && (
          <span className="je-problems__count" aria-label={`${count(errors, 'error')}, ${count(warnings, 'warning')}`}>
            {errors > 0 && <span className="je-pill je-pill--error">{errors}</span>}
            {warnings > 0 && <span className="je-pill je-pill--warning">{warnings}</span>}
          </span>
        )}
      </h2>
      {problems.length === 0 ? (
        <p className="je-hint je-problems__none">{checked ? 'No problems' : 'Checking the journey…'}</p>
      ) : (
        <ul className="je-problems__list">
          {shown.map((problem) => (
            <li key={problem.id} className="je-problems__item">
              <button
                type="button"
                className={`je-problem je-problem--${problem.severity}`}
                onClick={() => onShow(problem)}
              >
                <span className="je-problem__severity">{problem.severity === 'error' ? 'Error' : 'Warning'}</span>
                <span className="je-problem__message">{problem.message}</span>
              </button>
              {problem.code === 'danglingEdge' && problem.edgeIds && !readOnly && (
                <button type="button" className="je-problem__fix" onClick={() => onRemoveEdges(problem.edgeIds!)}>
                  Remove connection
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {shown.length < problems.length && (
        <button type="button" className="je-problems__more" onClick={() => setShowAll(true)}>
          Show all {problems.length} problems
        </button>
      )}
    </section>
  );
});
