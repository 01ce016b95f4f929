import { useId } from 'react';
import { removeBlock } from '../../../../shared/email/emailDoc';
import { kindTitles, type BlockPlace } from '../blockInfo';
import { useEmailEditor } from '../EmailEditorContext';
import { KindFields } from './KindFields';
import { StyleFields } from './StyleFields';
import { useBlockUpdate } from './useBlockUpdate';

interface BlockPanelProps {
  place: BlockPlace;
  /** Render errors and read problems of this block. */
  problems: readonly string[];
}

function position(place: BlockPlace): string {
  const of = `${place.index + 1} of ${place.siblings.length}`;
  return place.slot ? `Column ${place.slot.column + 1}, block ${of}` : `Block ${of}`;
}

/** The selected block: its problems, its own fields and its spacing, and Delete. */
export function BlockPanel({ place, problems }: BlockPanelProps) {
  const { doc, emailId, origin, readOnly, step, announce, select } = useEmailEditor();
  const write = useBlockUpdate(place.block.id);
  const headingId = useId();
  const { block, slot } = place;
  const title = kindTitles[block.kind];
  const remove = () => {
    if (!step(() => removeBlock(doc, emailId, block.id, origin))) return;
    announce(`${title} block deleted. Press Ctrl+Z to undo.`);
    const near = place.siblings[place.index + 1] ?? place.siblings[place.index - 1];
    select(near?.id ?? slot?.blockId ?? 'details');
  };
  return (
    <section className="ee-block" aria-labelledby={headingId}>
      <header className="ee-block__head">
        <h2 id={headingId}>{title} block</h2>
        <span className="ee-hint">{position(place)}</span>
        {slot && (
          <button type="button" onClick={() => select(slot.blockId)}>
            Back to the row
          </button>
        )}
        <button type="button" className="ee-danger" disabled={readOnly} onClick={remove}>
          Delete block
        </button>
      </header>
      {problems.length > 0 && (
        <ul className="ee-problems" aria-label={`Problems with this ${title.toLowerCase()} block`}>
          {problems.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
      <fieldset className="ee-block__fields" disabled={readOnly}>
        <legend className="ee-visually-hidden">{title} settings</legend>
        <KindFields block={block} {...write} />
        <StyleFields block={block} {...write} />
      </fieldset>
    </section>
  );
}
