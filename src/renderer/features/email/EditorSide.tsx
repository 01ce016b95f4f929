import type { Block } from '../../../shared/email/blocks';
import { insertBlock } from '../../../shared/email/emailDoc';
import { addChoices, insertionIndex, makeBlock, type AddChoice } from './blockInfo';
import { useEmailEditor } from './EmailEditorContext';
import { MenuButton } from './MenuButton';
import { BlockOutline } from './outline/BlockOutline';

interface EditorSideProps {
  blocks: readonly Block[];
  selected: string;
  problemCounts: ReadonlyMap<string, number>;
}

/** The left column: message details, the outline of blocks, and "Add block". */
export function EditorSide({ blocks, selected, problemCounts }: EditorSideProps) {
  const { doc, emailId, origin, readOnly, step, select, announce } = useEmailEditor();
  const add = (choice: AddChoice) => {
    const id = step(() => insertBlock(doc, emailId, insertionIndex(blocks, selected), makeBlock(choice), origin));
    if (!id) return announce('The block was not added: an email holds at most 200 blocks.');
    select(id);
    announce(`${addChoices.find((c) => c.choice === choice)?.label ?? 'Block'} added.`);
  };
  return (
    <nav className="ee-side" aria-label="Email outline" data-doc-undo>
      <button
        type="button"
        className="ee-side__details"
        aria-current={selected === 'details' ? 'true' : undefined}
        data-initial-focus
        onClick={() => select('details')}
      >
        Message details
      </button>
      <h2 className="ee-panel-title">Blocks</h2>
      <BlockOutline blocks={blocks} selected={selected} problemCounts={problemCounts} onSelect={select} />
      <MenuButton
        label="Add block"
        className="ee-side__add"
        items={addChoices.map((c) => ({ id: c.choice, label: c.label }))}
        disabled={readOnly}
        onSelect={add}
      />
    </nav>
  );
}
