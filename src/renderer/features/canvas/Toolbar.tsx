import { memo } from 'react';
import { shortcutHint } from './shortcuts';
import type { CanvasAiFeed } from '../../../shared/ai/canvasAi';
import { AiToolbarControls } from './ai/AiToolbarControls';

interface ToolbarProps {
  mac: boolean;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  layingOut: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFitView: () => void;
  /** The AI's journey actions; without it, no AI controls. */
  ai?: CanvasAiFeed;
  onSuggestNext?: () => void;
}

/** The canvas commands, each with its shortcut in the title. */
export const Toolbar = memo(function Toolbar(props: ToolbarProps) {
  const { mac, readOnly, canUndo, canRedo, layingOut } = props;
  return (
    <div className="je-toolbar" role="toolbar" aria-label="Canvas">
      <button
        type="button"
        onClick={props.onUndo}
        disabled={readOnly || !canUndo}
        title={`Undo (${shortcutHint('undo', mac)})`}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={props.onRedo}
        disabled={readOnly || !canRedo}
        title={`Redo (${shortcutHint('redo', mac)})`}
      >
        Redo
      </button>
      <span className="je-toolbar__sep" aria-hidden="true" />
      <button
        type="button"
        onClick={props.onLayout}
        disabled={readOnly || layingOut}
        aria-busy={layingOut}
        title={`Auto-layout (${shortcutHint('layout', mac)})`}
      >
        Auto-layout
      </button>
      <button type="button" onClick={props.onFitView} title={`Fit view (${shortcutHint('fitView', mac)})`}>
        Fit view
      </button>
      <span className="je-toolbar__status" role="status" aria-live="polite">
        {layingOut && (
          <>
            <span className="je-spinner" aria-hidden="true" /> Laying out…
          </>
        )}
      </span>
      {props.ai && props.onSuggestNext && (
        <AiToolbarControls feed={props.ai} mac={mac} readOnly={readOnly} onSuggestNext={props.onSuggestNext} />
      )}
    </div>
  );
});
