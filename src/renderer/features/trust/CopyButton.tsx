import { useState } from 'react';
import { copyText } from '../../app/clipboard';

/** Copies `text`; says whether it worked and, when the browser refused, what to do instead. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'));
  return (
    <>
      <button type="button" onClick={copy}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      {state === 'failed' && (
        <span className="form-error" role="alert">
          The clipboard refused; select the text and copy it by hand.
        </span>
      )}
    </>
  );
}
