import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultNodeData } from '../../../../src/shared/journey';
import type { FlowNode, NodeMark } from '../../../../src/renderer/features/canvas/flowTypes';
import { JourneyNodeView } from '../../../../src/renderer/features/canvas/JourneyNodeView';
import { ProblemMarksContext } from '../../../../src/renderer/features/canvas/ProblemMarksContext';

const email = { id: 'm', kind: 'email' as const, position: { x: 0, y: 0 }, data: defaultNodeData('email') };

function card(marks: ReadonlyMap<string, NodeMark>): string {
  const props = { id: 'm', type: 'email', data: { node: email }, selected: false, isConnectable: true };
  return renderToStaticMarkup(
    <ReactFlowProvider>
      <ProblemMarksContext.Provider value={marks}>
        <JourneyNodeView {...(props as unknown as NodeProps<FlowNode>)} />
      </ProblemMarksContext.Provider>
    </ReactFlowProvider>,
  );
}

describe('journey node card', () => {
  it('shows what validation found for its step, from context', () => {
    const html = card(new Map([['m', { severity: 'error', count: 2 }]]));
    expect(html).toContain('je-node--error');
    expect(html).toMatch(/<span class="je-node__badge" title="2 problems">2<\/span>/);
    expect(card(new Map([['m', { severity: 'warning', count: 1 }]]))).toContain('je-node--warning');
  });

  it('shows no highlight for a step without problems', () => {
    const html = card(new Map([['other', { severity: 'error', count: 1 }]]));
    expect(html).not.toContain('je-node--');
    expect(html).not.toContain('je-node__badge');
  });
});
