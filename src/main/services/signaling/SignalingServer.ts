import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { encodePublish, MAX_TOPICS_PER_CLIENT, parseClientMessage, type ClientMessage } from './signalingMessages';

/** Options for {@link SignalingServer.start}. */
export interface SignalingServerOptions {
  /** Address to bind; only connections to that address are accepted. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** How often clients are pinged; one that has not answered the previous ping is dropped. Defaults to 30 000 ms (y-webrtc's server). */
  pingIntervalMs?: number;
  /** Largest frame accepted; a larger one closes that client with 1009. Defaults to 256 KiB. */
  maxPayloadBytes?: number;
  /** Messages a client may send at once before the rate applies. Defaults to 300. */
  rateBurst?: number;
  /** Messages per second a client may sustain. Defaults to 100. */
  ratePerSecond?: number;
  /** Malformed frames a client may send before it is closed. Defaults to 5. */
  maxBadFrames?: number;
  /** Most clients at once; more are refused with 503. Defaults to 512. */
  maxClients?: number;
  /** Called whenever a client connects or leaves. */
  onClientsChanged?: (clients: number) => void;
}

/** Why the server closes a client: close code 1008 (policy violation) with one of these reasons. */
export const SignalingCloseReason = {
  RateLimited: 'Too many messages; slow down',
  Malformed: 'Too many malformed frames',
  TooSlow: 'Too slow to read its messages',
} as const;

/** A client that does not read its messages is dropped rather than buffered for. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

interface Client {
  topics: Set<string>;
  alive: boolean;
  tokens: number;
  refilledAt: number;
  badFrames: number;
}

/**
 * A y-webrtc-compatible signaling server (subscribe / unsubscribe / publish / ping) that
 * treats every frame as hostile: size-capped, schema-checked, rate-limited per client.
 * Answers any plain GET with 200 "maily signaling" and upgrades on any path, as y-webrtc
 * connects to the URL exactly as given.
 */
export class SignalingServer {
  /** The port it listens on (differs from the option when that is 0). */
  readonly port: number;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #clients = new Map<WebSocket, Client>();
  readonly #topics = new Map<string, Set<WebSocket>>();
  readonly #options: Required<Omit<SignalingServerOptions, 'onClientsChanged'>> &
    Pick<SignalingServerOptions, 'onClientsChanged'>;
  readonly #keepalive: NodeJS.Timeout;
  #closing: Promise<void> | null = null;

  /** Listens on `options.host:options.port`; rejects with the listen error (e.g. EADDRINUSE). */
  static async start(options: SignalingServerOptions): Promise<SignalingServer> {
    const http = createServer(answerHttp);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    return new SignalingServer(http, options);
  }

  private constructor(http: Server, options: SignalingServerOptions) {
    // `??`, not a spread: an option passed as undefined must still get its default.
    this.#options = {
      host: options.host,
      port: options.port,
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
      maxPayloadBytes: options.maxPayloadBytes ?? 256 * 1024,
      rateBurst: options.rateBurst ?? 300,
      ratePerSecond: options.ratePerSecond ?? 100,
      maxBadFrames: options.maxBadFrames ?? 5,
      maxClients: options.maxClients ?? 512,
      onClientsChanged: options.onClientsChanged,
    };
    this.#http = http;
    this.port = (http.address() as AddressInfo).port;
    // perMessageDeflate stays off (the ws default): no decompression bombs.
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: this.#options.maxPayloadBytes });
    http.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy()); // a peer resetting mid-handshake is not our failure
      if (this.#closing || this.#clients.size >= this.#options.maxClients) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return void socket.destroy();
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
    });
    http.on('clientError', (_error, socket) => socket.destroy());
    this.#keepalive = setInterval(() => this.#ping(), this.#options.pingIntervalMs);
    this.#keepalive.unref();
  }

  /** Connected clients. */
  get clients(): number {
    return this.#clients.size;
  }

  /** Topics with at least one subscriber. */
  get topics(): number {
    return this.#topics.size;
  }

  /** Drops every client and stops listening; resolves once the port is free. */
  close(): Promise<void> {
    this.#closing ??= new Promise((resolve) => {
      clearInterval(this.#keepalive);
      for (const ws of this.#clients.keys()) ws.terminate();
      this.#wss.close();
      this.#http.closeAllConnections();
      this.#http.close(() => resolve());
    });
    return this.#closing;
  }

  #accept(ws: WebSocket): void {
    const client: Client = {
      topics: new Set(),
      alive: true,
      tokens: this.#options.rateBurst,
      refilledAt: performance.now(),
      badFrames: 0,
    };
    this.#clients.set(ws, client);
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => this.#receive(ws, client, data, isBinary));
    ws.on('error', () => {
      // ws has already closed the socket with the right code (1009 too large, 1002 protocol);
      // 'close' follows and cleans up.
    });
    ws.on('close', () => this.#forget(ws));
    this.#options.onClientsChanged?.(this.#clients.size);
  }

  #receive(ws: WebSocket, client: Client, data: RawData, isBinary: boolean): void {
    if (!this.#clients.has(ws)) return; // already dropped; frames still in flight are ignored
    if (!this.#takeToken(client)) return this.#drop(ws, SignalingCloseReason.RateLimited);
    const message = isBinary ? null : parseClientMessage(toText(data));
    if (!message || !this.#handle(ws, client, message)) {
      client.badFrames += 1;
      if (client.badFrames >= this.#options.maxBadFrames) this.#drop(ws, SignalingCloseReason.Malformed);
    }
  }

  /** Runs one valid message; false when it turned out malformed after all. */
  #handle(ws: WebSocket, client: Client, message: ClientMessage): boolean {
    switch (message.type) {
      case 'subscribe':
        for (const name of message.topics) {
          if (client.topics.size >= MAX_TOPICS_PER_CLIENT && !client.topics.has(name)) break;
          client.topics.add(name);
          let subscribers = this.#topics.get(name);
          if (!subscribers) this.#topics.set(name, (subscribers = new Set()));
          subscribers.add(ws);
        }
        return true;
      case 'unsubscribe':
        for (const name of message.topics) this.#unsubscribe(ws, client, name);
        return true;
      case 'publish': {
        const receivers = this.#topics.get(message.topic);
        if (!receivers) return true;
        const frame = encodePublish(message, receivers.size);
        if (frame === null) return false;
        for (const receiver of [...receivers]) this.#send(receiver, frame);
        return true;
      }
      case 'ping':
        this.#send(ws, '{"type":"pong"}');
        return true;
    }
  }

  #send(ws: WebSocket, frame: string): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.#drop(ws, SignalingCloseReason.TooSlow);
    ws.send(frame);
  }

  /** Token bucket: refills continuously at the sustained rate, up to the burst. */
  #takeToken(client: Client): boolean {
    const now = performance.now();
    const refill = ((now - client.refilledAt) / 1000) * this.#options.ratePerSecond;
    client.tokens = Math.min(this.#options.rateBurst, client.tokens + refill);
    client.refilledAt = now;
    if (client.tokens < 1) return false;
    client.tokens -= 1;
    return true;
  }

  #ping(): void {
    for (const [ws, client] of this.#clients) {
      // No pong since the last ping: the peer is gone (sleeping laptop, pulled cable).
      if (!client.alive) {
        ws.terminate();
        continue;
      }
      client.alive = false;
      ws.ping();
    }
  }

  /** Closes a misbehaving client and stops routing to it at once, before its close handshake ends. */
  #drop(ws: WebSocket, reason: string): void {
    this.#forget(ws);
    ws.close(1008, reason);
  }

  #forget(ws: WebSocket): void {
    const client = this.#clients.get(ws);
    if (!client) return;
    for (const name of [...client.topics]) this.#unsubscribe(ws, client, name);
    this.#clients.delete(ws);
    this.#options.onClientsChanged?.(this.#clients.size);
  }

  #unsubscribe(ws: WebSocket, client: Client, name: string): void {
    client.topics.delete(name);
    const subscribers = this.#topics.get(name);
    if (!subscribers) return;
    subscribers.delete(ws);
    if (subscribers.size === 0) this.#topics.delete(name);
  }
}

/** Plain HTTP: a health check for any GET, nothing else. */
function answerHttp(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('maily signaling');
}

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}
