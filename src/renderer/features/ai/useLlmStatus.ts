import { useEffect, useState } from 'react';
import type { LlmStatus } from '../../../shared/ai/llm';
import { useApi } from '../../app/BackendContext';

/** The LLM node's state, kept current (loading progress, ready, error). */
export function useLlmStatus(): LlmStatus | null {
  const api = useApi();
  const [status, setStatus] = useState<LlmStatus | null>(null);
  useEffect(() => {
    let live = true;
    void api.llm.status({}).then(
      (s) => live && setStatus(s),
      () => undefined, // the status is a nicety for the waiting text; jobs report their own errors
    );
    const off = api.on('llm:changed', setStatus);
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return status;
}
