import type { Block } from '../../../../shared/email/blocks';
import { ColorInput } from './ColorInput';
import { NumberInput } from './controls';
import type { BlockUpdate } from './useBlockUpdate';

const sides = ['top', 'right', 'bottom', 'left'] as const;
const sideLabels = { top: 'Top', right: 'Right', bottom: 'Bottom', left: 'Left' };

/** Space around a block and its background, which every block has (a button's colour is its own). */
export function StyleFields({ block, update, errors, bind }: { block: Block } & BlockUpdate) {
  return (
    <fieldset className="ee-group">
      <legend>Spacing and background</legend>
      <div className="ee-grid ee-grid--4">
        {sides.map((side) => (
          <NumberInput
            key={side}
            label={`${sideLabels[side]} padding`}
            unit="px"
            min={0}
            max={200}
            value={block.padding[side]}
            error={errors.padding}
            onChange={(n) => update({ padding: { ...block.padding, [side]: n } })}
          />
        ))}
      </div>
      {block.kind !== 'button' && <ColorInput label="Background colour" allowNone {...bind(block, 'background')} />}
    </fieldset>
  );
}
