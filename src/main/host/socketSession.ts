import type { RawData, WebSocket } from 'ws';
import { decodeFrame, encodeFrame, requestFrame, type ResponseFrame } from '../../shared/api/frames';
import { ErrorCode, MailyError, toErrorInfo } from '../../shared/errors';
import type { Host } from './createHost';
import type { Logger } from './logger';

/** A client that sends this many bad frames is disconnected; a few are forgiven. */
const MAX_BAD_FRAMES = 20;
/** A client that does not read its events is dropped rather than buffered forever. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/**
 * Binds one WebSocket to one host session: frames in, envelopes and events out.
 * Every frame is untrusted: a bad one is answered with a typed error, never a crash.
 */
export function attachSocket(ws: WebSocket, host: Host, log: Logger): void {
  let badFrames = 0;
  const send = (frame: Parameters<typeof encodeFrame>[0]) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return void ws.close(1008, 'Client too slow');
    ws.send(encodeFrame(frame));
  };
  const session = host.openSession((ev, data) => send({ t: 'ev', ev, data }));

  ws.on('message', (data, isBinary) => {
    void handleMessage(data, isBinary).catch((error) => log.error('socket message failed', error));
  });
  ws.on('error', (error) => log.warn(`socket ${session.id} error`, error.message));
  ws.on('close', () => session.close());

  async function handleMessage(data: RawData, isBinary: boolean): Promise<void> {
    let frame;
    try {
      if (!isBinary) throw new MailyError(ErrorCode.MalformedFrame, 'Frames must be binary MessagePack.');
      frame = decodeFrame(toBytes(data), requestFrame);
    } catch (error) {
      badFrames += 1;
      send({ t: 'res', id: null, ok: false, error: toErrorInfo(error) });
      if (badFrames > MAX_BAD_FRAMES) ws.close(1008, 'Too many malformed frames');
      return;
    }
    const envelope = await session.call(frame.ch, frame.in);
    send({ t: 'res', id: frame.id, ...envelope } as ResponseFrame);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
