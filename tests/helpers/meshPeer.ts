import { generateKeyPair } from '@libp2p/crypto/keys';
import { multiaddr } from '@multiformats/multiaddr';
import type { Stream } from '@libp2p/interface';
import { createMeshLibp2p, type MeshLibp2p } from '../../src/main/services/mesh/net/createMeshLibp2p';
import { decodeInvite } from '../../src/main/services/teams/inviteCode';
import { meshPsk } from '../../src/main/services/teams/roomKeys';

/**
 * A bare libp2p peer inside a team's private network (its key derived from an invite's
 * secret, as a host derives it), for sending a host hand-made bytes: what a buggy or
 * hostile teammate's machine could send.
 */
export class MeshTestPeer {
  private constructor(readonly libp2p: MeshLibp2p) {}

  static async join(inviteCode: string): Promise<MeshTestPeer> {
    const invite = decodeInvite(inviteCode);
    const libp2p = await createMeshLibp2p({
      psk: meshPsk(invite.secret),
      privateKey: await generateKeyPair('Ed25519'),
      host: '127.0.0.1',
      port: 0,
      isDenied: () => false,
    });
    await libp2p.start();
    return new MeshTestPeer(libp2p);
  }

  get peerId(): string {
    return this.libp2p.peerId.toString();
  }

  /** Opens a stream of `protocol` to the host at `address`. */
  async open(address: string, protocol: string): Promise<Stream> {
    return this.libp2p.dialProtocol(multiaddr(address), protocol, { signal: AbortSignal.timeout(10_000) });
  }

  /** Resolves when the stream ends (the host closed or reset it). */
  static ended(stream: Stream): Promise<void> {
    return new Promise((resolve) => {
      if (stream.status !== 'open') return resolve();
      stream.addEventListener('close', () => resolve());
    });
  }

  async stop(): Promise<void> {
    await this.libp2p.stop();
  }
}

/** A frame header announcing `length` bytes, followed by `body`. */
export function rawFrame(length: number, body: Uint8Array | string = new Uint8Array(0)): Uint8Array {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const out = new Uint8Array(4 + bytes.byteLength);
  new DataView(out.buffer).setUint32(0, length);
  out.set(bytes, 4);
  return out;
}
