import { createWireApi, type Envelope, type EventListener, type WireApi } from '../../../shared/api/client';
import { isEventName, slowChannels, type Channel } from '../../../shared/api/contract';
import { decodeFrame, encodeFrame, eventFrame, responseFrame } from '../../../shared/api/frames';
import { z } from 'zod';
import { ErrorCode } from '../../../shared/errors';
import type { Connection, ConnectionState } from './connection';

const incoming = z.union([responseFrame, eventFrame]);
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECT_WAIT_MS = 10_000;

interface Pending {
  resolve: (envelope: Envelope<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

const disconnected = (message: string): Envelope<never> => ({
  ok: false,
  error: { code: ErrorCode.Disconnected, message },
});

/**
 * The headless host's transport: the contract over one WebSocket, reconnecting with
 * backoff. Requests made while offline wait briefly for the connection, then fail with
 * E_DISCONNECTED so the UI can say so; nothing is silently dropped.
 */
export class WebSocketTransport implements Connection {
  readonly wire: WireApi;
  private socket: WebSocket | null = null;
  private state: ConnectionState = 'connecting';
  private nextId = 1;
  private backoff = 250;
  private disposed = false;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(private readonly url: string) {
    this.wire = createWireApi(
      (channel, input) => this.invoke(channel, input),
      (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    );
    this.connect();
  }

  get(): ConnectionState {
    return this.state;
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    this.socket?.close();
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      performance.mark('maily:socket-open');
      this.backoff = 250;
      this.setState('open');
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => this.handleClose(socket);
  }

  private handleClose(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve(
        disconnected('The connection to Maily was lost. Your change is kept and will be saved when it is back.'),
      );
      this.pending.delete(id);
    }
    if (this.disposed) return;
    this.setState('offline');
    setTimeout(() => this.connect(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, 5_000);
  }

  private receive(data: unknown): void {
    if (!(data instanceof ArrayBuffer)) return;
    let frame: z.infer<typeof incoming>;
    try {
      frame = decodeFrame(new Uint8Array(data), incoming);
    } catch {
      // The host is trusted but the bytes may still be damaged; ignoring one frame is safe.
      return;
    }
    if (frame.t === 'ev') {
      if (isEventName(frame.ev)) for (const listener of this.listeners) listener(frame.ev, frame.data);
      return;
    }
    const pending = frame.id === null ? undefined : this.pending.get(frame.id);
    if (!pending || frame.id === null) return;
    this.pending.delete(frame.id);
    clearTimeout(pending.timer);
    pending.resolve(frame.ok ? { ok: true, value: frame.value } : (frame as Envelope<never>));
  }

  private async invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>> {
    if (!(await this.waitOpen()))
      return disconnected('Maily is not reachable right now. Check that the host is running.');
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({
          ok: false,
          error: { code: ErrorCode.Timeout, message: 'Maily took too long to answer. Try again.' },
        });
      }, slowChannels[channel] ?? REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      this.socket!.send(encodeFrame({ t: 'req', id, ch: channel, in: input }));
    });
  }

  private waitOpen(): Promise<boolean> {
    if (this.state === 'open' && this.socket?.readyState === WebSocket.OPEN) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(false);
      }, CONNECT_WAIT_MS);
      const off = this.subscribe((state) => {
        if (state !== 'open') return;
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }
}
