import { useCallback, useEffect, useState } from 'react';
import type { SpanView, TraceSummary } from '../../../shared/tracing/traces';
import { messageOf } from '../../../shared/errors';
import { useApi } from '../../app/BackendContext';

/** The recent traces, re-read when a trace gets new spans. */
export function useTraceList(): { traces: TraceSummary[] | null; problem: string | null } {
  const api = useApi();
  const [traces, setTraces] = useState<TraceSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.traces.list({ limit: 100 }).then(
      (list) => {
        setTraces(list);
        setProblem(null);
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [api]);
  useEffect(() => {
    reload();
    return api.on('traces:changed', reload);
  }, [api, reload]);
  return { traces, problem };
}

/** One trace's spans, re-read while it gets new ones (a peer's spans arrive at the job's end). */
export function useTrace(traceId: string | null): { spans: SpanView[] | null; problem: string | null } {
  const api = useApi();
  const [spans, setSpans] = useState<SpanView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setSpans(null);
    setProblem(null);
    if (!traceId) return;
    let live = true;
    const load = () =>
      api.traces.get({ traceId }).then(
        (t) => live && setSpans(t.spans),
        (error: unknown) => live && setProblem(messageOf(error)),
      );
    void load();
    const off = api.on('traces:changed', (change) => change.traceId === traceId && void load());
    return () => {
      live = false;
      off();
    };
  }, [api, traceId]);
  return { spans, problem };
}
