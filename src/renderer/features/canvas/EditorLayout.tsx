import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import type { Journey, Problem } from '../../../shared/journey';
import type { Editor } from './EditorContext';
import type { FlowEdge, FlowNode } from './flowTypes';
import { Inspector } from './Inspector';
import { bigJourney, openingFit } from './constants';
import { JourneyCanvas } from './JourneyCanvas';
import type { CanvasLayer } from './layers';
import { LayersBar } from './LayersBar';
import { LayersContext } from './LayersContext';
import { Palette } from './Palette';
import { ProblemMarksContext } from './ProblemMarksContext';
import { ProblemsPanel } from './ProblemsPanel';
import { openingNodes } from './placement';
import { isMac } from './shortcuts';
import { StatusToast } from './StatusToast';
import { Toolbar } from './Toolbar';
import { useAutoLayout } from './useAutoLayout';
import type { CanvasView } from './useCanvasView';
import { useClipboardActions } from './useClipboardActions';
import { useConnectHandlers } from './useConnectHandlers';
import type { Layers } from './useLayers';
import type { ProblemsState } from './useProblems';
import { useShortcuts, type ShortcutHandlers } from './useShortcuts';
import { useStepActions } from './useStepActions';
import type { Toast } from './useToast';
import type { UndoState } from './useUndo';
import type { CanvasAiFeed } from '../../../shared/ai/canvasAi';
import { useSuggestNext } from './ai/useSuggestNext';

interface EditorLayoutProps {
  editor: Editor;
  campaignName: string;
  journey: Journey;
  view: CanvasView;
  undo: UndoState;
  toast: Toast;
  layers: readonly CanvasLayer[];
  layerState: Layers;
  problems: ProblemsState;
  onRemoveEdges: (edgeIds: string[]) => void;
  /** The AI's journey actions; without it the toolbar has no AI controls. */
  ai?: CanvasAiFeed;
}

/** The editor's panels around the canvas, its commands and its shortcuts. */
export function EditorLayout({
  editor,
  campaignName,
  journey,
  view,
  undo,
  toast,
  layers,
  layerState,
  problems,
  onRemoveEdges,
  ai,
}: EditorLayoutProps) {
  const root = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLDivElement>(null);
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const steps = useStepActions(editor, view, pane);
  const clip = useClipboardActions(editor, view);
  const connect = useConnectHandlers(editor);
  const fitAll = useCallback(() => void rf.fitView({ duration: 300, padding: 0.15, maxZoom: 1 }), [rf]);
  // Two frames: React Flow adopts the new positions on the next render, then fits (a
  // big journey to its start, as when it is opened).
  const fitStart = useCallback(
    () => void rf.fitView({ nodes: openingNodes(rf.getNodes(), bigJourney), duration: 300, ...openingFit }),
    [rf],
  );
  const afterLayout = useCallback(() => requestAnimationFrame(() => requestAnimationFrame(fitStart)), [fitStart]);
  const layout = useAutoLayout(editor, view.sizes, afterLayout);
  const mac = useMemo(() => isMac(navigator.platform), []);
  const showProblem = useCallback((problem: Problem) => steps.showNodes(problem.nodeIds), [steps]);
  const { readOnly } = editor;

  const viewing: ShortcutHandlers = {
    copy: clip.copy,
    selectAll: steps.selectAll,
    clearSelection: steps.clearSelection,
    fitView: fitAll,
  };
  const editing: ShortcutHandlers = {
    ...viewing,
    undo: undo.undo,
    redo: undo.redo,
    cut: clip.cut,
    paste: clip.paste,
    delete: steps.removeSelected,
    layout: layout.run,
  };
  useShortcuts(root, readOnly ? viewing : editing);
  const suggestNext = useSuggestNext(ai, view, readOnly, root);

  return (
    <div
      ref={root}
      className="journey-editor"
      role="region"
      aria-label={`Journey of ${campaignName || 'this campaign'}`}
    >
      <div className="je-topbar">
        <LayersBar layers={layers} visible={layerState.visible} onToggle={layerState.toggle} />
        <Toolbar
          mac={mac}
          readOnly={readOnly}
          canUndo={undo.canUndo}
          canRedo={undo.canRedo}
          layingOut={layout.running}
          onUndo={undo.undo}
          onRedo={undo.redo}
          onLayout={layout.run}
          onFitView={fitAll}
          ai={ai}
          onSuggestNext={suggestNext}
        />
      </div>
      <Palette disabled={readOnly} onAdd={steps.addStep} />
      <LayersContext.Provider value={layerState.visible}>
        <ProblemMarksContext.Provider value={problems.marks}>
          <JourneyCanvas view={view} readOnly={readOnly} connect={connect} pane={pane} onDropKind={steps.addStep} />
        </ProblemMarksContext.Provider>
      </LayersContext.Provider>
      <div className="je-side">
        <Inspector journey={journey} selection={view.selection} />
        <ProblemsPanel
          problems={problems.problems}
          checked={problems.checked}
          errors={problems.errors}
          warnings={problems.warnings}
          readOnly={readOnly}
          onShow={showProblem}
          onRemoveEdges={onRemoveEdges}
        />
      </div>
      <StatusToast toast={toast} />
    </div>
  );
}
