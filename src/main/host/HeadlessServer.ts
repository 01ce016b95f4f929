import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES } from '../../shared/api/frames';
import type { Host } from './createHost';
import type { Logger } from './logger';
import { serveStatic } from './staticFiles';
import { attachSocket } from './socketSession';

export interface HeadlessServerOptions {
  host: Host;
  /** Folder of the built renderer. */
  rendererDir: string;
  /** Defaults to 127.0.0.1: only this machine can connect. */
  bindAddress?: string;
  /** 0 picks a free port. Defaults to 0. */
  port?: number;
  /** Defaults to 32 random bytes, new each launch. */
  token?: string;
  log: Logger;
}

export interface HeadlessServer {
  /** The URL to open, with the token in its fragment. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the built renderer over HTTP and carries the contract over a WebSocket at
 * `/ws`. A socket must present this launch's token; everything else is refused with
 * 401 while the server keeps serving others.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const bind = options.bindAddress ?? '127.0.0.1';
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const server = createServer((req, res) => {
    if (req.url === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    // No token here, like /healthz: the metrics are counts and timings, no secrets or content.
    if (req.url === '/metrics' && req.method === 'GET') return void serveMetrics(options.host, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    serveStatic(options.rendererDir, req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (error) => options.log.warn('socket error during upgrade', error.message));
    if (!isAuthorised(req, token)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, options.host, options.log));
  });
  server.on('clientError', (_error, socket) => refuse(socket, 400, 'Bad Request'));
  await listen(server, options.port ?? 0, bind);
  const port = (server.address() as AddressInfo).port;
  const hostName = bind.includes(':') ? `[${bind}]` : bind;
  return {
    url: `http://${hostName}:${port}/#token=${token}`,
    port,
    close: () => closeAll(server, wss),
  };
}

function isAuthorised(req: IncomingMessage, token: string): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname !== '/ws') return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeAll(server: Server, wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function serveMetrics(host: Host, res: ServerResponse): Promise<void> {
  try {
    const text = await host.services.metrics.metrics();
    res.writeHead(200, { 'content-type': host.services.metrics.contentType }).end(text);
  } catch {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed');
  }
}
