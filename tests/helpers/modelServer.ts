import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options for {@link startModelServer}. */
export interface ModelServerOptions {
  /** Bytes per second per response; 0 means as fast as possible. Defaults to 0. */
  bytesPerSecond?: number;
  /** Answer every request with the whole file (status 200), like a server without Range support. Defaults to false. */
  ignoreRange?: boolean;
}

/** A request the server saw. */
export interface SeenRequest {
  path: string;
  range: string | null;
}

/** A loopback HTTP file server for download tests. */
export interface ModelServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: SeenRequest[];
  /** Serves `bytes` at `path` (e.g. "/tiny.gguf"). */
  put(path: string, bytes: Buffer): void;
  /** Changes the throttle for later chunks. */
  setRate(bytesPerSecond: number): void;
  close(): Promise<void>;
}

const CHUNK = 16 * 1024;

/**
 * Starts a file server on 127.0.0.1 that honours `Range: bytes=N-` (206 with
 * Content-Range), can throttle so a test can pause mid-download, can ignore Range, and
 * records every request so a test can see that a resume asked for the rest only.
 */
export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const files = new Map<string, Buffer>();
  const requests: SeenRequest[] = [];
  let rate = options.bytesPerSecond ?? 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const range = req.headers.range ?? null;
    requests.push({ path, range });
    const file = files.get(path);
    if (!file) return void res.writeHead(404).end('not found');
    let start = 0;
    const match = /^bytes=(\d+)-$/.exec(range ?? '');
    if (match && !options.ignoreRange) {
      start = Number(match[1]);
      if (start >= file.length) {
        return void res.writeHead(416, { 'Content-Range': `bytes */${file.length}` }).end();
      }
      res.writeHead(206, {
        'Content-Length': file.length - start,
        'Content-Range': `bytes ${start}-${file.length - 1}/${file.length}`,
        'Accept-Ranges': 'bytes',
      });
    } else {
      res.writeHead(200, { 'Content-Length': file.length, 'Accept-Ranges': options.ignoreRange ? 'none' : 'bytes' });
    }
    let at = start;
    const send = () => {
      if (res.destroyed) return;
      if (at >= file.length) return void res.end();
      const size = rate > 0 ? Math.max(1, Math.min(CHUNK, Math.round(rate / 20))) : CHUNK;
      const chunk = file.subarray(at, at + size);
      at += chunk.length;
      const ok = res.write(chunk);
      if (rate > 0) setTimeout(send, (chunk.length / rate) * 1000);
      else if (ok) setImmediate(send);
      else res.once('drain', send);
    };
    send();
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    put: (path, bytes) => void files.set(path, bytes),
    setRate: (bytesPerSecond) => void (rate = bytesPerSecond),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
