import { useCallback, useEffect, useRef, useState } from 'react';
import { applyLayout } from '../../../shared/journey/ydoc';
import type { Editor } from './EditorContext';
import type { Size } from './flowTypes';
import type { LayoutResponse } from './elkGraph';
import { anchorAt, cornerOf, layoutRequest } from './layoutGraph';

export interface AutoLayout {
  running: boolean;
  run: () => void;
}

function startWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Auto-layout with ELK in a Web Worker, so the canvas stays responsive on big journeys.
 * The result is written in one transaction (one undo step) and the view is fitted.
 */
export function useAutoLayout(editor: Editor, sizes: ReadonlyMap<string, Size>, onDone: () => void): AutoLayout {
  const [running, setRunning] = useState(false);
  const worker = useRef<Worker | null>(null);
  const waiting = useRef<{ id: number; corner: { x: number; y: number } } | null>(null);
  const serial = useRef(0);
  const latest = useRef({ editor, sizes, onDone });
  useEffect(() => {
    latest.current = { editor, sizes, onDone };
  });
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const finish = useCallback((response: LayoutResponse) => {
    const job = waiting.current;
    if (!job || job.id !== response.id) return;
    waiting.current = null;
    setRunning(false);
    const { editor: ed, onDone: done } = latest.current;
    if (!response.ok) {
      ed.announce(`Auto-layout failed: ${response.message}`);
      return;
    }
    ed.step(() => applyLayout(ed.doc, anchorAt(response.positions, job.corner), ed.origin));
    done();
  }, []);

  const fail = useCallback(
    (message: string) => {
      worker.current?.terminate();
      worker.current = null;
      if (waiting.current) finish({ id: waiting.current.id, ok: false, message });
    },
    [finish],
  );

  const run = useCallback(() => {
    const { editor: ed, sizes: known } = latest.current;
    if (ed.readOnly || waiting.current) return;
    const journey = ed.journey();
    const request = layoutRequest(++serial.current, journey, known);
    if (request.nodes.length === 0) return;
    if (!worker.current) {
      worker.current = startWorker();
      worker.current.onmessage = (event: MessageEvent<LayoutResponse>) => finish(event.data);
      worker.current.onerror = (event) => fail(event.message || 'the layout worker stopped');
    }
    waiting.current = { id: request.id, corner: cornerOf(journey, request) };
    setRunning(true);
    worker.current.postMessage(request);
  }, [finish, fail]);

  return { running, run };
}
