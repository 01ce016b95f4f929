import { createHash } from 'node:crypto';
import multicastDns, { type MulticastDNS } from 'multicast-dns';

/** A teammate's host found on the LAN: its peer id and dialable addresses (with `/p2p/<id>`). */
export interface FoundPeer {
  peerId: string;
  addresses: string[];
}

export interface MdnsDiscoveryOptions {
  /** The team: only hosts of the same team answer (the name says nothing about the team). */
  teamId: string;
  peerId: string;
  /** This host's addresses now (asked on every answer). */
  addresses: () => string[];
  onPeer: (peer: FoundPeer) => void;
  /** Interface to multicast on (an IPv4 address such as 127.0.0.1); all interfaces when unset. */
  interface?: string;
  /** ms between queries. Defaults to 5,000. */
  intervalMs?: number;
  /** UDP port (5353, the mDNS port, unless a test says otherwise). */
  port?: number;
  log?: { warn(message: string, detail?: unknown): void };
}

/** Most addresses taken from one answer; answers are hostile input like any other. */
const MAX_ADDRESSES = 8;
const ADDRESS = /^\/(ip4|ip6|dns4|dns6)\/[^/\s]{1,255}\/tcp\/\d{1,5}\/p2p\/[A-Za-z0-9]{20,100}$/;

/**
 * Finds teammates' hosts on the LAN by multicast DNS: asks for the team's service name
 * (a hash of the team id) and answers with this host's addresses in TXT records, like
 * libp2p's own mDNS discovery, but on a chosen interface. Found peers are only dialled;
 * the private network decides who gets in.
 */
export class MdnsDiscovery {
  readonly #options: MdnsDiscoveryOptions;
  readonly #service: string;
  readonly #instance: string;
  #mdns: MulticastDNS | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(options: MdnsDiscoveryOptions) {
    this.#options = options;
    const tag = createHash('sha256').update(`maily/mesh-mdns/v1:${options.teamId}`).digest('hex').slice(0, 16);
    this.#service = `_maily-${tag}._udp.local`;
    this.#instance = `${options.peerId.slice(-40)}.${this.#service}`;
  }

  start(): void {
    if (this.#mdns) return;
    const iface = this.#options.interface;
    const mdns = multicastDns({
      port: this.#options.port ?? 5353,
      ...(iface ? { interface: iface, bind: '0.0.0.0' } : {}),
      loopback: true,
    });
    mdns.on('query', (query) => {
      if (query.questions?.some((q) => q.name === this.#service)) this.#answer();
    });
    mdns.on('response', (response) => this.#onResponse(response));
    mdns.on('warning', (error: Error) => this.#options.log?.warn('mDNS warning', error.message));
    mdns.on('error', (error: Error) =>
      this.#options.log?.warn('mDNS failed; teammates can still be added by address', error.message),
    );
    this.#mdns = mdns;
    const ask = () => mdns.query({ questions: [{ name: this.#service, type: 'PTR' }] });
    ask();
    this.#timer = setInterval(ask, this.#options.intervalMs ?? 5_000);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#mdns?.destroy();
    this.#mdns = null;
  }

  #answer(): void {
    const addresses = this.#options.addresses().slice(0, MAX_ADDRESSES);
    if (!addresses.length) return;
    this.#mdns?.respond({
      answers: [
        { name: this.#service, type: 'PTR', ttl: 120, data: this.#instance },
        { name: this.#instance, type: 'TXT', ttl: 120, data: addresses.map((a) => `dnsaddr=${a}`) },
      ],
    });
  }

  #onResponse(response: { answers?: unknown[]; additionals?: unknown[] }): void {
    const records = [...(response.answers ?? []), ...(response.additionals ?? [])] as {
      name?: unknown;
      type?: unknown;
      data?: unknown;
    }[];
    if (!records.some((r) => r.type === 'PTR' && r.name === this.#service)) return;
    for (const record of records) {
      if (record.type !== 'TXT' || typeof record.name !== 'string' || !record.name.endsWith(this.#service)) continue;
      const values = (Array.isArray(record.data) ? record.data : [record.data]).slice(0, MAX_ADDRESSES * 2);
      const addresses = values
        .map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'string' ? v : ''))
        .filter((v) => v.startsWith('dnsaddr='))
        .map((v) => v.slice('dnsaddr='.length))
        .filter((a) => ADDRESS.test(a))
        .slice(0, MAX_ADDRESSES);
      const peerId = addresses[0]?.split('/p2p/')[1];
      if (!peerId || peerId === this.#options.peerId) continue;
      const own = addresses.filter((a) => a.endsWith(`/p2p/${peerId}`));
      if (own.length) this.#options.onPeer({ peerId, addresses: own });
    }
  }
}
