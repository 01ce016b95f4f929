import { useCallback, useEffect, useRef, useState } from 'react';
import type { AiAction, AiResult, AiSource } from '../../../shared/ai/actions';
import { messageOf } from '../../../shared/errors';
import { useApi } from '../../app/BackendContext';

export interface AiJobState {
  status: 'idle' | 'starting' | 'running' | 'done' | 'failed';
  /** The text streamed so far. */
  text: string;
  result: AiResult | null;
  sources: AiSource[];
  error: string | null;
  /** True when the designer stopped it; `result` holds what came before. */
  stopped: boolean;
  modelId: string | null;
  /** Where it ran, when not on this desktop (names of mesh nodes). */
  servedBy: string[];
  /** Where it runs now, when not on this desktop. */
  runningOn: string | null;
}

const idle: AiJobState = {
  status: 'idle',
  text: '',
  result: null,
  sources: [],
  error: null,
  stopped: false,
  modelId: null,
  servedBy: [],
  runningOn: null,
};

/**
 * One AI job at a time for a control: start it, watch its text stream in, stop it,
 * and get its checked result and the memory items it used. Unmounting stops it.
 */
export function useAiJob() {
  const api = useApi();
  const [state, setState] = useState<AiJobState>(idle);
  const job = useRef<string | null>(null);
  /** Stop was pressed before the host answered with the job's id. */
  const stopRequested = useRef(false);
  useEffect(() => {
    const mine = (jobId: string) => jobId === job.current;
    const offs = [
      api.on('ai:progress', (p) => {
        if (!mine(p.jobId)) return;
        setState((s) => ({
          ...s,
          status: p.delta ? 'running' : s.status, // a routing notice alone is not text yet
          text: s.text + p.delta,
          runningOn: p.node ? p.node.name : s.runningOn,
        }));
      }),
      api.on('ai:done', (p) => {
        if (!mine(p.jobId)) return;
        job.current = null;
        setState((s) => ({
          ...s,
          status: 'done',
          result: p.result,
          sources: p.sources,
          stopped: p.stopped,
          modelId: p.modelId,
          servedBy: p.servedBy ?? [],
        }));
      }),
      api.on('ai:failed', (p) => {
        if (!mine(p.jobId)) return;
        job.current = null;
        setState((s) => ({ ...s, status: 'failed', error: p.error.message }));
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      if (job.current) void api.ai.cancel({ jobId: job.current }).catch(() => undefined);
    };
  }, [api]);

  const start = useCallback(
    async (action: AiAction) => {
      if (job.current) void api.ai.cancel({ jobId: job.current }).catch(() => undefined);
      setState({ ...idle, status: 'starting' });
      stopRequested.current = false;
      try {
        job.current = (await api.ai.run({ action })).jobId;
        if (stopRequested.current) void api.ai.cancel({ jobId: job.current }).catch(() => undefined);
      } catch (error) {
        job.current = null;
        const message = messageOf(error, 'The AI could not start. Try again.');
        setState({ ...idle, status: 'failed', error: message });
      }
    },
    [api],
  );
  const stop = useCallback(() => {
    if (job.current) void api.ai.cancel({ jobId: job.current }).catch(() => undefined);
    else stopRequested.current = true;
  }, [api]);
  const reset = useCallback(() => {
    stop();
    job.current = null;
    setState(idle);
  }, [stop]);
  return { state, start, stop, reset };
}
