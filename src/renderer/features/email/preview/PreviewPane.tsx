import { useRef, useState } from 'react';
import type { PreviewState } from './usePreview';
import { RenderProblems } from './RenderProblems';

const widths = { desktop: 600, phone: 375 } as const;
type Width = keyof typeof widths;

/**
 * The rendered email in a sandboxed frame (no scripts, no same-origin access) at desktop
 * or phone width, with the personalised subject and preheader above it.
 */
export function PreviewPane({
  preview,
  onShowBlock,
}: {
  preview: PreviewState;
  onShowBlock: (blockId: string) => void;
}) {
  const [width, setWidth] = useState<Width>('desktop');
  const [refreshMs, setRefreshMs] = useState<number | null>(null);
  const measured = useRef<number | null>(null);
  const { rendered, error, busy, editAt } = preview;

  const onLoad = () => {
    // Measured once per edit: from the change in the document to the new preview drawn.
    if (editAt === null || measured.current === editAt) return;
    measured.current = editAt;
    const measure = performance.measure('maily:email-preview-refresh', { start: editAt, end: performance.now() });
    setRefreshMs(measure.duration);
  };
  return (
    <section className="ee-preview" aria-label="Preview">
      <div className="ee-preview__bar">
        <div role="group" aria-label="Preview width" className="ee-segmented">
          {(Object.keys(widths) as Width[]).map((w) => (
            <button key={w} type="button" aria-pressed={width === w} onClick={() => setWidth(w)}>
              {w === 'desktop' ? 'Desktop' : 'Phone'}
            </button>
          ))}
        </div>
        <span className="ee-hint" data-refresh-ms={refreshMs === null ? undefined : Math.round(refreshMs)}>
          {busy ? 'Updating…' : refreshMs !== null ? `Updated ${Math.round(refreshMs)} ms after the last edit` : ''}
        </span>
      </div>
      <dl className="ee-envelope">
        <div>
          <dt>Subject</dt>
          <dd>{rendered?.subject || <em>No subject</em>}</dd>
        </div>
        <div>
          <dt>Preheader</dt>
          <dd>{rendered?.preheader || <em>No preheader</em>}</dd>
        </div>
      </dl>
      {error && (
        <div className="ee-notice" role="alert">
          <p>{error}</p>
          <button type="button" onClick={preview.retry}>
            Try again
          </button>
        </div>
      )}
      <RenderProblems errors={rendered?.errors ?? []} onShowBlock={onShowBlock} />
      <div className="ee-preview__frame" aria-busy={busy}>
        {rendered ? (
          <iframe
            sandbox=""
            srcDoc={rendered.html}
            title={`Email preview, ${width} width (${widths[width]} pixels)`}
            style={{ width: widths[width] }}
            onLoad={onLoad}
          />
        ) : (
          <p className="ee-hint">{error ? 'No preview yet.' : 'Rendering the preview…'}</p>
        )}
      </div>
    </section>
  );
}
