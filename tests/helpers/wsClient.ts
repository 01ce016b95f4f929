import WebSocket from 'ws';
import type { Channel, Input, Output, EventName } from '../../src/shared/api/contract';
import { decodeFrame, encodeFrame, eventFrame, responseFrame } from '../../src/shared/api/frames';
import type { Envelope } from '../../src/shared/api/client';
import { z } from 'zod';

const incoming = z.union([responseFrame, eventFrame]);

/** A Node client for the headless host's WebSocket, speaking the real frame format. */
export class TestClient {
  private nextId = 1;
  private readonly pending = new Map<number, (e: Envelope<unknown>) => void>();
  readonly events: { ev: EventName; data: unknown }[] = [];
  /** Replies to frames the host could not attribute to a request (id null). */
  readonly orphanErrors: Envelope<unknown>[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data), incoming);
      if (frame.t === 'ev') this.events.push({ ev: frame.ev as EventName, data: frame.data });
      else if (frame.id === null) this.orphanErrors.push(frame as Envelope<unknown>);
      else this.pending.get(frame.id)?.(frame as Envelope<unknown>);
    });
  }

  static connect(origin: string, token: string, path = '/ws'): Promise<TestClient> {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}${path}?token=${encodeURIComponent(token)}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  /** Sends a request and resolves to the raw envelope. */
  request<C extends Channel>(channel: C | string, input: Input<C> | unknown): Promise<Envelope<Output<C>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (e: Envelope<unknown>) => void);
      this.ws.send(encodeFrame({ t: 'req', id, ch: channel, in: input }));
    });
  }

  /** Sends a request and returns its value, or throws the error envelope. */
  async call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const envelope = await this.request(channel, input);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  }

  /** Sends raw bytes or text, bypassing the frame encoder. */
  sendRaw(data: Buffer | string): void {
    this.ws.send(data);
  }

  close(): void {
    this.ws.close();
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  waitClosed(): Promise<number> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
    return new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
  }
}
