import type { ElkNode } from 'elkjs/lib/elk-api';
import { positionsFrom, toElkGraph, type LayoutRequest, type LayoutResponse } from './elkGraph';

/** Auto-layout off the UI thread: one ELK engine, one request at a time. */

interface Elk {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<Elk> | null = null;

async function loadElk(): Promise<Elk> {
  // Loaded inside a worker, elk.bundled.js assumes it *is* ELK's worker script: it takes
  // over onmessage and builds no engine. Pretending a document exists while it loads
  // and builds its engine makes it run the engine here, in this worker's thread.
  const scope = globalThis as { document?: unknown };
  const hadDocument = 'document' in scope;
  if (!hadDocument) scope.document = {};
  try {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    return new ELK();
  } finally {
    if (!hadDocument) delete scope.document;
  }
}

async function layout(request: LayoutRequest): Promise<LayoutResponse> {
  try {
    engine ??= loadElk();
    const result = await (await engine).layout(toElkGraph(request));
    return { id: request.id, ok: true, positions: positionsFrom(result) };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  void layout(event.data).then((response) => self.postMessage(response));
};
