import { useId, useRef } from 'react';
import type { Block } from '../../../../shared/email/blocks';
import type { ColumnSlot } from '../../../../shared/email/emailDoc';
import { blockSummary, kindTitles } from '../blockInfo';
import { useOutlineMoves, type DropMark, type RowPlace } from './useOutlineMoves';

interface BlockOutlineProps {
  blocks: readonly Block[];
  selected: string;
  /** Problems per block id (render errors and damaged fields). */
  problemCounts: ReadonlyMap<string, number>;
  onSelect: (id: string) => void;
}

type Moves = ReturnType<typeof useOutlineMoves>;

interface RowProps {
  place: RowPlace;
  selected: string;
  problemCounts: ReadonlyMap<string, number>;
  onSelect: (id: string) => void;
  moves: Moves;
  buttons: Map<string, HTMLButtonElement>;
  hintId: string;
}

function markClass(mark: DropMark, id: string): string {
  if (!mark || !('id' in mark) || mark.id !== id) return '';
  return mark.position === 'before' ? ' ee-outline__row--drop-before' : ' ee-outline__row--drop-after';
}

/** "Text: Hello there" — the row's accessible name, with its problems counted. */
export function rowName(block: Block, problems: number): string {
  const name = `${kindTitles[block.kind]}: ${blockSummary(block)}`;
  return problems > 0 ? `${name} (${problems} problem${problems === 1 ? '' : 's'})` : name;
}

function places(blocks: readonly Block[], slot: ColumnSlot | undefined, parent: string | null): RowPlace[] {
  return blocks.map((block, index) => ({
    block,
    slot,
    index,
    count: blocks.length,
    near: blocks[index + 1]?.id ?? blocks[index - 1]?.id ?? parent,
  }));
}

function Row({ place, selected, problemCounts, onSelect, moves, buttons, hintId }: RowProps) {
  const { block } = place;
  const problems = problemCounts.get(block.id) ?? 0;
  return (
    <li className="ee-outline__item">
      <div
        className={`ee-outline__row${markClass(moves.mark, block.id)}`}
        data-block-id={block.id}
        {...moves.rowDrag(place)}
      >
        <span className="ee-outline__grip" aria-hidden="true">
          ⋮⋮
        </span>
        <button
          type="button"
          ref={(el) => void (el ? buttons.set(block.id, el) : buttons.delete(block.id))}
          className="ee-outline__select"
          aria-label={rowName(block, problems)}
          aria-current={selected === block.id ? 'true' : undefined}
          aria-describedby={hintId}
          onClick={() => onSelect(block.id)}
          onKeyDown={(e) => moves.onRowKey(place, e)}
        >
          <span className="ee-outline__kind">{kindTitles[block.kind]}</span>
          <span className="ee-outline__summary">{blockSummary(block)}</span>
          {problems > 0 && <span className="ee-badge ee-badge--error">{problems}</span>}
        </button>
      </div>
      {block.kind === 'columns' &&
        block.columns.map((column, c) => {
          const slot = { blockId: block.id, column: c };
          const dropping = moves.mark && 'column' in moves.mark && moves.mark.column === `${block.id}:${c}`;
          return (
            <ol key={c} className="ee-outline__column" aria-label={`Column ${c + 1}`} data-column={c + 1}>
              {places(column, slot, block.id).map((child) => (
                <Row
                  key={child.block.id}
                  {...{ selected, problemCounts, onSelect, moves, buttons, hintId }}
                  place={child}
                />
              ))}
              {column.length === 0 && (
                <li
                  className={`ee-outline__empty${dropping ? ' ee-outline__empty--drop' : ''}`}
                  {...moves.columnDrop(slot)}
                >
                  Empty column
                </li>
              )}
            </ol>
          );
        })}
    </li>
  );
}

/**
 * The email's blocks in order, rows of columns with their columns nested. Click or
 * Enter selects a block; drag a row, or press Alt+↑/↓ on it, to reorder; Delete removes.
 */
export function BlockOutline({ blocks, selected, problemCounts, onSelect }: BlockOutlineProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const moves = useOutlineMoves(buttons);
  const hintId = useId();
  return (
    <>
      <p id={hintId} className="ee-visually-hidden">
        Drag, or press Alt+Up or Alt+Down, to reorder. Delete removes the block.
      </p>
      {blocks.length === 0 ? (
        <p className="ee-hint">No blocks yet. Add one below.</p>
      ) : (
        <ol className="ee-outline" aria-label="Blocks">
          {places(blocks, undefined, null).map((place) => (
            <Row
              key={place.block.id}
              {...{ selected, problemCounts, onSelect, moves, hintId }}
              buttons={buttons.current}
              place={place}
            />
          ))}
        </ol>
      )}
    </>
  );
}
