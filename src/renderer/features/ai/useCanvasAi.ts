import { useEffect, useState } from 'react';
import { useApi } from '../../app/BackendContext';
import { CanvasAiController } from './CanvasAiController';

/** The journey-level AI of one open campaign, for the canvas's AI layer. */
export function useCanvasAi(campaignId: string): CanvasAiController | null {
  const api = useApi();
  const [controller, setController] = useState<CanvasAiController | null>(null);
  useEffect(() => {
    const made = new CanvasAiController(api, campaignId);
    setController(made);
    return () => {
      made.dispose();
      setController(null);
    };
  }, [api, campaignId]);
  return controller;
}
