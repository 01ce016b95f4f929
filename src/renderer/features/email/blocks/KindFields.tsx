import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { Block, ButtonBlock, HeadingBlock, TextBlock } from '../../../../shared/email/blocks';
import { getBlockText } from '../../../../shared/email/emailDoc';
import { useEmailEditor } from '../EmailEditorContext';
import { PlainTextField } from '../text/PlainTextField';
import { RichTextField } from '../text/RichTextField';
import { useInputTarget } from '../useInputTarget';
import { ColorInput } from './ColorInput';
import { ColumnsFields } from './ColumnsFields';
import { NumberInput, SelectInput, TextInput } from './controls';
import { ImageFields } from './ImageFields';
import { alignOptions, hrefProblem, type BlockUpdate } from './useBlockUpdate';

type Props<B extends Block> = { block: B } & BlockUpdate;

/** A text stored as something other than shared text (a damaged or old document). */
function Unbound({ onRepair }: { onRepair: () => void }) {
  const { readOnly } = useEmailEditor();
  return (
    <div className="ee-notice" role="alert">
      <p>This text is not stored as shared text, so it cannot be edited together.</p>
      <button type="button" onClick={onRepair} disabled={readOnly}>
        Make it editable
      </button>
    </div>
  );
}

/** The block's Y.Text (the same one each render unless the block was moved or repaired), and how to find it again. */
function useText(blockId: string): { text: Y.Text | null; resolve: () => Y.Text | null } {
  const { doc, emailId } = useEmailEditor();
  const resolve = useCallback(() => getBlockText(doc, emailId, blockId), [doc, emailId, blockId]);
  return { text: resolve(), resolve };
}

function HeadingFields({ block, update, errors, bind }: Props<HeadingBlock>) {
  const { text, resolve } = useText(block.id);
  const levels = [1, 2, 3].map((n) => ({ value: String(n) as '1' | '2' | '3', label: `Heading ${n}` }));
  return (
    <>
      {text ? (
        <PlainTextField text={text} resolve={resolve} label="Heading text" />
      ) : (
        <Unbound onRepair={() => update({ text: block.text })} />
      )}
      <div className="ee-grid ee-grid--2">
        <SelectInput
          label="Level"
          value={String(block.level) as '1'}
          options={levels}
          error={errors.level}
          onChange={(v) => update({ level: Number(v) as 1 | 2 | 3 })}
        />
        <SelectInput label="Alignment" options={alignOptions} {...bind(block, 'align')} />
      </div>
    </>
  );
}

const listOptions = [
  { value: 'none', label: 'No list' },
  { value: 'bullet', label: 'Bulleted list' },
  { value: 'number', label: 'Numbered list' },
] as const;

function TextFields({ block, update, bind }: Props<TextBlock>) {
  const { text, resolve } = useText(block.id);
  return (
    <>
      {text ? (
        <RichTextField text={text} resolve={resolve} label="Text" list={block.list} align={block.align} />
      ) : (
        <Unbound onRepair={() => update({ text: block.text })} />
      )}
      <div className="ee-grid ee-grid--2">
        <SelectInput label="List style" hint="Each line is one item." options={listOptions} {...bind(block, 'list')} />
        <SelectInput label="Alignment" options={alignOptions} {...bind(block, 'align')} />
      </div>
    </>
  );
}

function ButtonFields({ block, update, errors, bind }: Props<ButtonBlock>) {
  const onLabelFocus = useInputTarget('Button label', block.label, (label) => update({ label }));
  return (
    <>
      <TextInput
        label="Button label"
        value={block.label}
        error={errors.label}
        onFocus={onLabelFocus}
        onChange={(label) => update({ label })}
      />
      <TextInput
        label="Link address"
        type="url"
        value={block.href}
        error={errors.href ?? hrefProblem(block.href)}
        hint="https://…, http://… or mailto:…"
        onChange={(href) => update({ href })}
      />
      <div className="ee-grid ee-grid--2">
        <ColorInput label="Button colour" {...bind(block, 'background')} />
        <ColorInput label="Text colour" {...bind(block, 'color')} />
        <NumberInput label="Corner radius" unit="px" min={0} max={50} {...bind(block, 'radius')} />
        <SelectInput label="Alignment" options={alignOptions} {...bind(block, 'align')} />
      </div>
    </>
  );
}

/** The fields of a block's own kind (its content and the styles only it has). */
export function KindFields(props: Props<Block>) {
  const { block, bind } = props;
  switch (block.kind) {
    case 'heading':
      return <HeadingFields {...props} block={block} />;
    case 'text':
      return <TextFields {...props} block={block} />;
    case 'image':
      return <ImageFields {...props} block={block} />;
    case 'button':
      return <ButtonFields {...props} block={block} />;
    case 'divider':
      return (
        <div className="ee-grid ee-grid--2">
          <ColorInput label="Line colour" {...bind(block, 'color')} />
          <NumberInput label="Thickness" unit="px" min={1} max={20} {...bind(block, 'thickness')} />
        </div>
      );
    case 'spacer':
      return <NumberInput label="Height" unit="px" min={1} max={400} {...bind(block, 'height')} />;
    case 'columns':
      return <ColumnsFields {...props} block={block} />;
  }
}
