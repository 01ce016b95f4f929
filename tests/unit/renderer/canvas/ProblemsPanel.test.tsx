import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../../src/shared/journey';
import { ProblemsPanel } from '../../../../src/renderer/features/canvas/ProblemsPanel';

const noop = () => {};

function panel(problems: Problem[], checked: boolean): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return renderToStaticMarkup(
    <ProblemsPanel
      problems={problems}
      checked={checked}
      errors={errors}
      warnings={problems.length - errors}
      readOnly={false}
      onShow={noop}
      onRemoveEdges={noop}
    />,
  );
}

describe('problems panel', () => {
  it('does not claim a journey has no problems before it has been checked', () => {
    expect(panel([], false)).toContain('Checking the journey…');
    expect(panel([], false)).not.toContain('No problems');
    expect(panel([], true)).toContain('No problems');
  });

  it('lists the problems found', () => {
    const problem: Problem = { id: 'p', code: 'noEntry', severity: 'error', message: 'No entry', nodeIds: [] };
    expect(panel([problem], true)).toContain('No entry');
  });
});
