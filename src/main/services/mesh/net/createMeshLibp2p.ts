import type { Libp2p, PrivateKey } from '@libp2p/interface';
import type { Ping } from '@libp2p/ping';
import type { Identify } from '@libp2p/identify';
import '../polyfill';

export type MeshLibp2p = Libp2p<{ ping: Ping; identify: Identify }>;

export interface MeshLibp2pOptions {
  /** The team's pre-shared key (libp2p PSK file format). */
  psk: Uint8Array;
  privateKey: PrivateKey;
  host: string;
  port: number;
  /** Peers refused at every stage (dropped for bad frames, for a while). */
  isDenied: (peerId: string) => boolean;
}

/**
 * The mesh's libp2p node: TCP, the team's private network (pnet: no handshake completes
 * without the pre-shared key), Noise, Yamux, identify and ping. libp2p is ESM-only, so it
 * is loaded here with dynamic imports, after the `Promise.withResolvers` polyfill.
 */
export async function createMeshLibp2p(options: MeshLibp2pOptions): Promise<MeshLibp2p> {
  const [{ createLibp2p }, { tcp }, { noise }, { yamux }, { preSharedKey }, { identify }, { ping }] = await Promise.all(
    [
      import('libp2p'),
      import('@libp2p/tcp'),
      import('@chainsafe/libp2p-noise'),
      import('@chainsafe/libp2p-yamux'),
      import('@libp2p/pnet'),
      import('@libp2p/identify'),
      import('@libp2p/ping'),
    ],
  );
  const host = options.host.includes(':') ? `/ip6/${options.host}` : `/ip4/${options.host}`;
  const denied = (peerId: { toString(): string }) => options.isDenied(peerId.toString());
  return createLibp2p({
    privateKey: options.privateKey,
    addresses: { listen: [`${host}/tcp/${options.port}`] },
    transports: [tcp()],
    connectionProtector: preSharedKey({ psk: options.psk }),
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionGater: {
      denyDialPeer: async (peerId) => denied(peerId),
      denyInboundEncryptedConnection: async (peerId) => denied(peerId),
      denyOutboundEncryptedConnection: async (peerId) => denied(peerId),
      // a LAN address is a fine thing to dial here (libp2p's default refuses private ranges only for some transports)
      denyDialMultiaddr: async () => false,
    },
    services: { identify: identify(), ping: ping() },
  });
}
