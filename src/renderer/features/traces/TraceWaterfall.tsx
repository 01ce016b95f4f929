import { useMemo } from 'react';
import type { SpanView } from '../../../shared/tracing/traces';
import { formatMs, waterfall } from './waterfall';

/** A trace's spans as a waterfall: indented by parent, a bar by time, the node that ran each. */
export function TraceWaterfall({ spans }: { spans: readonly SpanView[] }) {
  const { rows, durationMs } = useMemo(() => waterfall(spans), [spans]);
  return (
    <div className="trace-waterfall">
      <div className="trace-waterfall__scale muted">
        <span>0</span>
        <span>{formatMs(durationMs)}</span>
      </div>
      <ol className="trace-waterfall__rows" aria-label="Spans">
        {rows.map((row) => (
          <li
            key={row.span.spanId}
            className={`trace-span trace-span--${row.span.status}${row.span.remote ? ' trace-span--remote' : ''}`}
            aria-label={`${row.span.name} on ${row.node}, ${formatMs(row.durationMs)}${row.span.remote ? ', from another machine' : ''}${row.span.status === 'error' ? ', failed' : ''}`}
          >
            <div
              className="trace-span__label"
              style={{ paddingLeft: `${row.depth * 16}px` }}
              title={attributeText(row.span.attributes)}
            >
              <span className="trace-span__name">{row.span.name}</span>
              <span className="trace-span__node">
                {row.node}
                {row.span.remote && <span className="trace-span__remote"> remote</span>}
                {typeof row.span.attributes['maily.tokens'] === 'number' &&
                  ` · ${row.span.attributes['maily.tokens']} tokens`}
              </span>
            </div>
            <div className="trace-span__track">
              <div
                className="trace-span__bar"
                style={{ left: `${row.offsetPct}%`, width: `${row.widthPct}%` }}
                title={row.span.statusMessage ?? undefined}
              />
            </div>
            <div className="trace-span__ms">{formatMs(row.durationMs)}</div>
          </li>
        ))}
      </ol>
      <SpanDetails rows={rows.map((r) => r.span)} />
    </div>
  );
}

/** The failures and attributes worth reading, below the bars. */
function SpanDetails({ rows }: { rows: readonly SpanView[] }) {
  const failed = rows.filter((s) => s.status === 'error' && s.statusMessage);
  if (failed.length === 0) return null;
  return (
    <ul className="trace-failures" aria-label="Failures">
      {failed.map((s) => (
        <li key={s.spanId} className="form-error">
          {s.name}: {s.statusMessage}
        </li>
      ))}
    </ul>
  );
}

/** A span's attributes as one line, for its tooltip. */
function attributeText(attributes: SpanView['attributes']): string {
  return Object.entries(attributes)
    .map(([key, value]) => `${key.replace(/^maily\./, '')}: ${String(value)}`)
    .join(' · ');
}
