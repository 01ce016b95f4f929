import type { Stream } from '@libp2p/interface';
import { encodeFrame, FrameDecoder, FrameError, type Frame } from './frames';

/**
 * A libp2p stream carrying checked frames. Incoming bytes go through a {@link FrameDecoder};
 * the first bad frame aborts the stream and is reported to `onBad` (the owner drops the
 * peer). `closed` settles once, when the stream ends for any reason.
 */
export class FramedStream {
  readonly #stream: Stream;
  readonly #decoder = new FrameDecoder();
  #onFrame: (frame: Frame) => void = () => {};
  #ended = false;
  readonly closed: Promise<{ error?: Error }>;

  constructor(stream: Stream, onBad: (error: FrameError) => void) {
    this.#stream = stream;
    this.closed = new Promise((resolve) => {
      stream.addEventListener('close', (event) => {
        this.#ended = true;
        const truncated = !event.error && this.#decoder.pending;
        if (truncated) onBad(new FrameError('truncated', 'The peer ended the stream in the middle of a frame'));
        resolve({ error: event.error ?? (truncated ? new FrameError('truncated', 'cut off') : undefined) });
      });
    });
    stream.addEventListener('message', (event) => {
      if (this.#ended) return;
      try {
        const data = event.data instanceof Uint8Array ? event.data : event.data.subarray();
        for (const frame of this.#decoder.push(data)) this.#onFrame(frame);
      } catch (error) {
        const bad = error instanceof FrameError ? error : new FrameError('malformed', String(error));
        this.#ended = true;
        onBad(bad);
        stream.abort(bad);
      }
    });
    stream.addEventListener('remoteCloseWrite', () => {
      if (this.#decoder.pending) {
        const bad = new FrameError('truncated', 'The peer ended the stream in the middle of a frame');
        this.#ended = true;
        onBad(bad);
        stream.abort(bad);
      }
    });
  }

  /** Where frames go (set once, right after construction). */
  onFrame(listener: (frame: Frame) => void): void {
    this.#onFrame = listener;
  }

  get open(): boolean {
    return !this.#ended && this.#stream.status === 'open';
  }

  /** Sends one frame, waiting for the stream to drain when its buffer is full. False when closed. */
  async send(frame: Frame): Promise<boolean> {
    if (!this.open) return false;
    try {
      if (!this.#stream.send(encodeFrame(frame))) await this.#stream.onDrain();
      return true;
    } catch {
      return false;
    }
  }

  /** Ends the stream politely (the peer sees the end of its reads). */
  async close(): Promise<void> {
    this.#ended = true;
    await this.#stream.close().catch(() => this.#stream.abort(new Error('closed')));
  }

  /** Ends the stream at once. */
  abort(reason = 'aborted'): void {
    this.#ended = true;
    if (this.#stream.status === 'open' || this.#stream.status === 'closing') this.#stream.abort(new Error(reason));
  }
}
