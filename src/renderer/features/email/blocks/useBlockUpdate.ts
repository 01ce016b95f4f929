import { useCallback, useState } from 'react';
import { safeHref, type Block } from '../../../../shared/email/blocks';
import { updateBlock, type BlockPatch } from '../../../../shared/email/emailDoc';
import { useEmailEditor } from '../EmailEditorContext';

/**
 * Writes fields of one block. A refused write (the value fails the block's schema)
 * writes nothing and keeps the reason per field, for the control to show.
 */
export function useBlockUpdate(blockId: string) {
  const { doc, emailId, origin } = useEmailEditor();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useCallback(
    (patch: BlockPatch): boolean => {
      const result = updateBlock(doc, emailId, blockId, patch, origin);
      setErrors((previous) => {
        const next = { ...previous };
        for (const key of Object.keys(patch)) {
          if (result.ok) delete next[key];
          else next[key] = result.reason;
        }
        return next;
      });
      return result.ok;
    },
    [doc, emailId, blockId, origin],
  );
  /** One field's value, error and change handler, to spread onto its control. */
  const bind = useCallback(
    <B extends Block, K extends keyof B & string>(block: B, key: K) => ({
      value: block[key],
      error: errors[key],
      onChange: (value: B[K]) => void update({ [key]: value } as BlockPatch),
    }),
    [errors, update],
  );
  return { update, errors, bind };
}

export type BlockUpdate = ReturnType<typeof useBlockUpdate>;

/** The alignment choices every aligned block offers. */
export const alignOptions = [
  { value: 'left', label: 'Left' },
  { value: 'center', label: 'Centre' },
  { value: 'right', label: 'Right' },
] as const;

/** Why an address will not become a link, or undefined when it will (or is empty). */
export function hrefProblem(href: string | undefined): string | undefined {
  if (!href || safeHref(href)) return undefined;
  return 'This address will not be linked: start it with https://, http:// or mailto:.';
}
