import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useId, useMemo } from 'react';
import { createPortal } from 'react-dom';
import type { CanvasAiFeed } from '../../../../shared/ai/canvasAi';
import type { ReviewFinding } from '../../../../shared/ai/actions';
import type { FlowNode } from '../flowTypes';
import { severityLabel } from './aiLabels';
import { findingsOf, useCanvasAi } from './useCanvasAi';

const domNodeOf = (s: ReactFlowState) => s.domNode;

interface FindingItemProps {
  finding: ReviewFinding;
  /** Whether its step is on the canvas (and shown), so "Show" can go to it. */
  showable: boolean;
  onShow: (nodeId: string) => void;
}

function FindingItem({ finding, showable, onShow }: FindingItemProps) {
  const id = useId();
  const { nodeId } = finding;
  return (
    <li className={`je-ai-finding je-ai-finding--${finding.severity}`} data-ai-finding-item={nodeId ?? ''}>
      <span className="je-ai-finding__severity">{severityLabel(finding.severity)}</span>
      <span className="je-ai-finding__message" id={id}>
        {finding.message}
      </span>
      {nodeId !== null && showable && (
        <button type="button" aria-describedby={id} onClick={() => onShow(nodeId)}>
          Show
        </button>
      )}
    </li>
  );
}

interface AiFindingsPanelProps {
  feed: CanvasAiFeed;
  nodes: readonly FlowNode[];
  onShow: (nodeId: string) => void;
}

/**
 * The review's findings as a list over the top-right of the canvas, each with "Show"
 * (selects its step and moves the view to it), and "Dismiss findings". Findings about
 * the whole journey appear only here.
 */
export const AiFindingsPanel = memo(function AiFindingsPanel({ feed, nodes, onShow }: AiFindingsPanelProps) {
  const findings = useCanvasAi(feed, findingsOf);
  const domNode = useStore(domNodeOf);
  const any = findings.length > 0;
  const shown = useMemo(() => new Set(any ? nodes.filter((n) => !n.hidden).map((n) => n.id) : []), [any, nodes]);
  if (!domNode || !any) return null;
  return createPortal(
    <section className="je-ai-findings nowheel" aria-label="AI review">
      <h2 className="je-ai-findings__title">
        AI review: {findings.length} {findings.length === 1 ? 'finding' : 'findings'}
      </h2>
      <ul className="je-ai-findings__list" role="list" aria-label="AI review findings">
        {findings.map((finding, i) => (
          <FindingItem
            key={i}
            finding={finding}
            showable={finding.nodeId !== null && shown.has(finding.nodeId)}
            onShow={onShow}
          />
        ))}
      </ul>
      <button type="button" className="je-ai-findings__dismiss" onClick={() => feed.dismiss()}>
        Dismiss findings
      </button>
    </section>,
    domNode,
  );
});
