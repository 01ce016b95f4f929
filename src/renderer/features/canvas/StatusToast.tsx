import type { Toast } from './useToast';

/**
 * The editor's live region: always in the DOM (so screen readers announce changes),
 * visible while it has a message, e.g. why a connection was refused.
 */
export function StatusToast({ toast }: { toast: Toast }) {
  return (
    <div className={toast.message ? 'je-toast-region is-shown' : 'je-toast-region'}>
      <div className="je-toast">
        <span role="status" aria-live="polite" aria-atomic="true">
          {toast.message}
        </span>
        {toast.message && (
          <button type="button" className="je-toast__close" aria-label="Dismiss message" onClick={toast.dismiss}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}
