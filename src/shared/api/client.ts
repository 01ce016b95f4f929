import { ErrorCode, MailyError, isErrorInfo, type ErrorInfo } from '../errors';
import {
  channels,
  isEventName,
  type Channel,
  type EventName,
  type EventPayloads,
  type Input,
  type Output,
} from './contract';

/** What every transport returns for a request: never a thrown error across a boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export type InvokeFn = (channel: Channel, input: unknown) => Promise<Envelope<unknown>>;
export type EventListener = (event: EventName, payload: unknown) => void;
export type SubscribeFn = (listener: EventListener) => () => void;

type Domain = Channel extends `${infer D}:${string}` ? D : never;

/**
 * The API as a transport carries it: named domain methods that resolve to envelopes.
 * The Electron preload exposes exactly this object; the WebSocket client builds it too.
 */
export type WireApi = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: (input: Input<C>) => Promise<Envelope<Output<C>>>;
  };
} & { subscribe: SubscribeFn };

/** The API the renderer's features use: values on success, {@link MailyError} on failure. */
export type MailyApi = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: (input: Input<C>) => Promise<Output<C>>;
  };
} & {
  /** Listen to one host event. Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

function splitChannel(channel: Channel): [string, string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}

/** Builds the named domain API over a transport's `invoke` and `subscribe`. */
export function createWireApi(invoke: InvokeFn, subscribe: SubscribeFn): WireApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channels) {
    const [domain, verb] = splitChannel(channel);
    api[domain] ??= {};
    api[domain][verb] = (input: unknown) => invoke(channel, input);
  }
  return { ...api, subscribe } as unknown as WireApi;
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope && envelope.ok === true) return envelope.value;
  if (envelope && envelope.ok === false && isErrorInfo(envelope.error)) {
    throw new MailyError(envelope.error.code, envelope.error.message);
  }
  throw new MailyError(ErrorCode.MalformedFrame, 'The host sent an answer Maily could not read.');
}

/** Wraps a {@link WireApi} into the value-returning, error-throwing {@link MailyApi}. */
export function createApiClient(wire: WireApi): MailyApi {
  const wireRecord = wire as unknown as Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>>;
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channels) {
    const [domain, verb] = splitChannel(channel);
    api[domain] ??= {};
    api[domain][verb] = async (input: unknown) => unwrap(await wireRecord[domain][verb](input));
  }
  const on = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) =>
    wire.subscribe((name, payload) => {
      if (name === event && isEventName(name)) listener(payload as EventPayloads[E]);
    });
  return { ...api, on } as unknown as MailyApi;
}
