import type { ColumnsBlock } from '../../../../shared/email/blocks';
import { insertBlock } from '../../../../shared/email/emailDoc';
import { blockSummary, kindTitles, leafChoices, makeBlock, type AddChoice } from '../blockInfo';
import { useEmailEditor } from '../EmailEditorContext';
import { MenuButton } from '../MenuButton';
import { SelectInput } from './controls';
import type { BlockUpdate } from './useBlockUpdate';

const counts = [
  { value: '2', label: 'Two columns' },
  { value: '3', label: 'Three columns' },
] as const;

/** A row of columns: how many, and what each column holds (each block is edited on its own). */
export function ColumnsFields({ block, update, errors }: { block: ColumnsBlock } & BlockUpdate) {
  const { doc, emailId, origin, readOnly, step, select, announce } = useEmailEditor();
  const add = (column: number, choice: AddChoice) => {
    const slot = { blockId: block.id, column };
    const id = step(() => insertBlock(doc, emailId, block.columns[column].length, makeBlock(choice), origin, slot));
    if (id) select(id);
    else announce('The block was not added: this column is full.');
  };
  return (
    <>
      <SelectInput
        label="Number of columns"
        hint={
          block.columns.length === 3 ? 'With two columns, the third column’s blocks move into the second.' : undefined
        }
        value={String(block.columns.length) as '2' | '3'}
        options={counts}
        error={errors.columnCount}
        disabled={readOnly}
        onChange={(v) => step(() => update({ columnCount: v === '3' ? 3 : 2 }))}
      />
      <div className={`ee-columns ee-columns--${block.columns.length}`}>
        {block.columns.map((column, c) => (
          <section key={c} className="ee-columns__column" aria-label={`Column ${c + 1}`}>
            <h3>Column {c + 1}</h3>
            {column.length === 0 && <p className="ee-hint">Empty.</p>}
            <ul>
              {column.map((child) => (
                <li key={child.id}>
                  <button type="button" className="ee-link-button" onClick={() => select(child.id)}>
                    Edit {kindTitles[child.kind].toLowerCase()}: {blockSummary(child)}
                  </button>
                </li>
              ))}
            </ul>
            <MenuButton
              label={`Add to column ${c + 1}`}
              items={leafChoices.map((c) => ({ id: c.choice, label: c.label }))}
              disabled={readOnly}
              onSelect={(choice) => add(c, choice)}
            />
          </section>
        ))}
      </div>
    </>
  );
}
