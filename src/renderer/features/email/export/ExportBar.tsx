import { useRef, useState } from 'react';
import { describeError } from '../describeError';
import { useEmailEditor } from '../EmailEditorContext';
import { downloadFile } from '../../../app/downloadFile';
import { copyText } from '../../../app/clipboard';
import { exportFileName } from './exportFiles';

type Action = 'html' | 'text' | 'copy';

const doing: Record<Action, string> = { html: 'Exporting HTML…', text: 'Exporting text…', copy: 'Copying HTML…' };

/**
 * Export HTML, Export text, Copy HTML. Each renders the email afresh without sample
 * data (tags show their fallbacks), so the file is what a contact with no data gets.
 */
export function ExportBar({ label }: { label: string }) {
  const { api, campaignId, emailId, announce } = useEmailEditor();
  const [busy, setBusy] = useState<Action | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);

  const run = async (action: Action) => {
    setBusy(action);
    announce(doing[action]);
    try {
      const rendered = await api.email.render({ campaignId, emailId });
      const warn = rendered.errors.length > 0 ? ` It has ${rendered.errors.length} problem(s); see the preview.` : '';
      if (action === 'copy') return await copy(rendered.html, warn);
      const name = exportFileName(label, action === 'html' ? 'html' : 'txt');
      downloadFile(
        name,
        action === 'html' ? rendered.html : rendered.text,
        action === 'html' ? 'text/html' : 'text/plain',
      );
      announce(`Saved ${name}.${warn}`);
    } catch (error) {
      announce(describeError(error, action === 'copy' ? 'Copying the HTML' : 'Exporting'));
    } finally {
      setBusy(null);
    }
  };

  const copy = async (html: string, warn: string) => {
    if (await copyText(html)) return announce(`HTML copied to the clipboard.${warn}`);
    setManual(html);
    announce(
      'The clipboard was not available. The HTML is selected below: press Ctrl+C to copy it, or use Export HTML.',
    );
    requestAnimationFrame(() => {
      manualRef.current?.focus();
      manualRef.current?.select();
    });
  };

  return (
    <div className="ee-export" role="group" aria-label="Export">
      <button type="button" disabled={busy !== null} onClick={() => void run('html')}>
        Export HTML
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void run('text')}>
        Export text
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void run('copy')}>
        Copy HTML
      </button>
      {busy && <progress aria-label={doing[busy]} />}
      {manual !== null && (
        <div
          className="ee-popover ee-manual-copy"
          role="group"
          aria-label="Copy the HTML by hand"
          data-local-undo
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            setManual(null);
          }}
        >
          <label htmlFor="ee-manual-copy">HTML to copy</label>
          <textarea id="ee-manual-copy" ref={manualRef} readOnly value={manual} rows={6} />
          <button type="button" onClick={() => setManual(null)}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}
