import { memo, type DragEvent } from 'react';
import { kindInfo, nodeKinds, type NodeKind } from '../../../shared/journey';
import { PALETTE_MIME } from './constants';

const groups = [...new Set(nodeKinds.map((kind) => kindInfo[kind].group))].map((group) => ({
  group,
  kinds: nodeKinds.filter((kind) => kindInfo[kind].group === group),
}));

interface PaletteProps {
  disabled: boolean;
  /** Adds a step at the centre of the view (click, Enter, Space). */
  onAdd: (kind: NodeKind) => void;
}

function onDragStart(event: DragEvent<HTMLButtonElement>, kind: NodeKind) {
  event.dataTransfer.setData(PALETTE_MIME, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

/**
 * The steps a journey can have, grouped. Each is a button: drag it onto the canvas, or
 * press it to add the step in the middle of the view.
 */
export const Palette = memo(function Palette({ disabled, onAdd }: PaletteProps) {
  return (
    <nav className="je-palette" aria-label="Steps">
      <h2 className="je-panel-title">Steps</h2>
      {groups.map(({ group, kinds }) => (
        <section key={group} className="je-palette__group" aria-label={group}>
          <h3>{group}</h3>
          {kinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`je-palette__item je-group--${group.toLowerCase()}`}
              aria-label={`Add ${kindInfo[kind].title}`}
              title={`${kindInfo[kind].description}. Drag onto the canvas, or press to add in the middle.`}
              draggable={!disabled}
              disabled={disabled}
              onDragStart={(event) => onDragStart(event, kind)}
              onClick={() => onAdd(kind)}
            >
              <span className="je-palette__dot" aria-hidden="true" />
              <span className="je-palette__text">
                <span className="je-palette__title">{kindInfo[kind].title}</span>
                <span className="je-palette__desc">{kindInfo[kind].description}</span>
              </span>
            </button>
          ))}
        </section>
      ))}
    </nav>
  );
});
