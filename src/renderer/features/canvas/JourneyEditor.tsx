import '@xyflow/react/dist/style.css';
import './canvas.css';
import { ReactFlowProvider } from '@xyflow/react';
import { memo, useCallback, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { moveNodes, newId, removeElements, type NodePosition } from '../../../shared/journey/ydoc';
import type { Editor } from './EditorContext';
import { EditorContext } from './EditorContext';
import { EditorLayout } from './EditorLayout';
import {
  aiLayer,
  collaborationLayer,
  defaultLayers,
  trustLayer,
  withAi,
  withCollaboration,
  withTrust,
  type CanvasLayer,
} from './layers';
import { useCanvasView } from './useCanvasView';
import { useJourney } from './useJourney';
import { useLayers } from './useLayers';
import { useFirstRenderMark, useReadyMark } from './openMarks';
import { useProblems } from './useProblems';
import type { CanvasHighlight } from './pathMarks';
import { usePathView } from './usePathView';
import { useToast } from './useToast';
import { useUndo } from './useUndo';
import type { PresenceFeed } from '../../../shared/collab/presence';
import { CanvasPresence } from './presence/CanvasPresence';
import { stopFollowingOnMove } from './presence/followTarget';
import { MoveStartContext } from './presence/MoveStartContext';
import type { CanvasAiFeed } from '../../../shared/ai/canvasAi';
import { CanvasAi } from './ai/CanvasAi';
import type { CanvasTrustFeed } from '../../../shared/trust/canvasTrust';
import { CanvasTrust } from './trust/CanvasTrust';

export interface JourneyEditorProps {
  /** The campaign's document; the editor only reads and writes its journey maps. */
  doc: Y.Doc;
  /** When true nothing can be changed (the shell says why). */
  readOnly: boolean;
  campaignName: string;
  /** The canvas layers in the layers bar. Defaults to Design and Notes. */
  layers?: readonly CanvasLayer[];
  /** A simulated run to show: its steps and connections marked, the rest dimmed. Defaults to none. */
  highlight?: CanvasHighlight | null;
  /** Opens the email editor for an Email node ("Edit email" in its inspector). Defaults to none: no button. */
  onEditEmail?: (emailId: string) => void;
  /** The origin of this editor's writes, which its undo tracks; pass one to share it (the versions panel's restore). Defaults to its own. */
  origin?: object;
  /**
   * Teammates' presence (from the collaboration feature): their cursors, selections and
   * a Collaboration layer; this window's cursor, selection and viewport are published to
   * it, and the canvas follows `presence.following()`. Defaults to none: no presence.
   */
  presence?: PresenceFeed;
  /**
   * The AI's journey actions (from the AI feature): "Suggest next step" and "Review
   * journey" in the toolbar, the suggested step as a ghost and the findings as pins, on
   * an AI layer. Defaults to none: no AI controls.
   */
  ai?: CanvasAiFeed;
  /**
   * Certificate badges on the Email steps (from the trust feature), on a Trust layer;
   * pressing one calls `trust.open(emailId)`. Defaults to none: no Trust layer.
   */
  trust?: CanvasTrustFeed;
}

function EditorState({
  doc,
  readOnly,
  campaignName,
  layers: baseLayers = defaultLayers,
  highlight,
  onEditEmail,
  presence,
  ai,
  trust,
  origin: givenOrigin,
}: JourneyEditorProps) {
  useFirstRenderMark('maily:editor-render');
  const [ownOrigin] = useState(() => ({ editor: newId() }));
  const origin = givenOrigin ?? ownOrigin;
  const { journey, latest } = useJourney(doc);
  useFirstRenderMark('maily:journey-read');
  const undo = useUndo(doc, origin);
  const toast = useToast();
  const layers = useMemo(() => {
    const withPresence = presence ? withCollaboration(baseLayers) : baseLayers;
    const withAiLayer = ai ? withAi(withPresence) : withPresence;
    return trust ? withTrust(withAiLayer) : withAiLayer;
  }, [presence, ai, trust, baseLayers]);
  const layerState = useLayers(layers);
  const onMoveStart = useMemo(() => presence && stopFollowingOnMove(presence), [presence]);
  const problems = useProblems(journey);
  const { stopCapturing } = undo;

  const step = useCallback(
    <T,>(edit: () => T): T => {
      stopCapturing();
      try {
        return edit();
      } finally {
        stopCapturing();
      }
    },
    [stopCapturing],
  );
  const commitMoves = useCallback(
    (moves: NodePosition[]) => step(() => moveNodes(doc, moves, origin)),
    [doc, origin, step],
  );
  const view = useCanvasView({
    journey,
    isHidden: layerState.isHidden,
    markedEdges: problems.markedEdges,
    commitMoves,
  });
  useFirstRenderMark('maily:view-derived');
  const shown = usePathView(view, highlight);
  useReadyMark('maily:editor-mounted');
  const editor = useMemo<Editor>(
    () => ({ doc, origin, readOnly, journey: latest, step, announce: toast.show, onEditEmail }),
    [doc, origin, readOnly, latest, step, toast.show, onEditEmail],
  );
  const removeEdges = useCallback(
    (ids: string[]) => step(() => removeElements(doc, [], ids, origin)),
    [doc, origin, step],
  );

  return (
    <EditorContext.Provider value={editor}>
      {/* Always rendered (display: contents), so showing a path does not remount the editor. */}
      <div className={highlight ? 'je-path-scope je-path-shown' : 'je-path-scope'}>
        <MoveStartContext.Provider value={onMoveStart}>
          <EditorLayout
            editor={editor}
            campaignName={campaignName}
            journey={journey}
            view={shown}
            undo={undo}
            toast={toast}
            layers={layers}
            layerState={layerState}
            problems={problems}
            onRemoveEdges={removeEdges}
            ai={ai}
          />
        </MoveStartContext.Provider>
        {presence && (
          <CanvasPresence
            presence={presence}
            selected={view.selection.nodes}
            shown={!!layerState.visible[collaborationLayer.id]}
          />
        )}
        {ai && (
          <CanvasAi
            feed={ai}
            nodes={view.nodes}
            setSelection={view.setSelection}
            shown={!!layerState.visible[aiLayer.id]}
          />
        )}
        {trust && layerState.visible[trustLayer.id] && <CanvasTrust feed={trust} nodes={view.nodes} />}
      </div>
    </EditorContext.Provider>
  );
}

/**
 * The journey canvas of one campaign: palette, canvas, inspector, problems, layers,
 * undo/redo and auto-layout. It reads and writes only the journey in `doc` (see
 * `shared/journey/ydoc.ts`); selection, viewport and layers stay local to this editor.
 */
export const JourneyEditor = memo(function JourneyEditor(props: JourneyEditorProps) {
  // Memoised: the campaign screen re-renders on every save-state change and sync event;
  // the canvas needs to only when its own props change.
  return (
    <ReactFlowProvider>
      {/* Keyed by the doc: another campaign starts with fresh selection, undo and caches. */}
      <EditorState key={props.doc.guid} {...props} />
    </ReactFlowProvider>
  );
});
