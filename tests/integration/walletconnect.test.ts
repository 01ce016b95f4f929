import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyTypedData } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walletRequests } from '../../src/shared/api/domains/wallet';
import type { WalletState, WalletStatus } from '../../src/shared/trust/wallet';
import { ErrorCode, MailyError } from '../../src/shared/errors';
import { TRUST_CHAIN_ID } from '../../src/shared/trust/constants';
import { checkCertificate, signCertificate } from '../../src/main/services/trust/certificate';
import { SettingsStore } from '../../src/main/services/settings/SettingsStore';
import { Database } from '../../src/main/services/storage/Database';
import { SqliteKeyValueStorage } from '../../src/main/services/trust/walletconnect/SqliteKeyValueStorage';
import { WalletConnectService } from '../../src/main/services/trust/walletconnect/WalletConnectService';
import { WalletConnectSigner } from '../../src/main/services/trust/walletconnect/WalletConnectSigner';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { startTestWallet, startWcRelay, type TestWallet, type WcRelay } from '../helpers/wcRelay';
import { TestClient } from '../helpers/wsClient';

/**
 * WalletConnect end to end without the internet: the app's WalletConnectService is the
 * dapp, a second SignClient (tests/helpers/wcRelay.ts) is the wallet, signing with an
 * ethers key; both talk through a minimal relay on 127.0.0.1. Every TCP connection and
 * fetch made during the run is recorded: only loopback may be contacted.
 */

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const domain = { name: 'Maily', version: '1', chainId: 1 };
const types = {
  Certificate: [
    { name: 'contentHash', type: 'bytes32' },
    { name: 'versionLabel', type: 'string' },
    { name: 'issuedAt', type: 'uint64' },
  ],
};
const certificate = (versionLabel: string) => ({
  contentHash: `0x${'ab'.repeat(32)}`,
  versionLabel,
  issuedAt: 1_764_000_000n,
});

const contacted: string[] = [];
const onSocket = (message: unknown) => {
  const socket = (message as { socket: Socket }).socket;
  socket.once('lookup', (_error: unknown, _address: unknown, _family: unknown, host: string) => contacted.push(host));
  socket.once('connect', () => contacted.push(socket.remoteAddress ?? '?'));
};
const onFetch = (message: unknown) => {
  const request = (message as { request: { origin?: string } }).request;
  contacted.push(request.origin ?? '?');
};

let relay: WcRelay;
let wallet: TestWallet;
let dir: string;
let db: Database;
const services: WalletConnectService[] = [];

function openService(): WalletConnectService {
  const settings = new SettingsStore(db);
  const service = new WalletConnectService({
    settings,
    storage: new SqliteKeyValueStorage(db),
    probeTimeoutMs: 1_000,
    backoff: { initialMs: 200, maxMs: 1_000 },
    livenessIntervalMs: 1_000,
  });
  services.push(service);
  return service;
}

function waitFor(
  service: WalletConnectService,
  predicate: (status: WalletStatus) => boolean,
  timeoutMs = 30_000,
): Promise<WalletStatus> {
  return new Promise((resolve, reject) => {
    if (predicate(service.status())) {
      resolve(service.status());
      return;
    }
    const timer = setTimeout(() => {
      off();
      reject(new Error(`status stayed ${JSON.stringify(service.status())}`));
    }, timeoutMs);
    const off = service.onChanged((status) => {
      if (!predicate(status)) return;
      clearTimeout(timer);
      off();
      resolve(status);
    });
  });
}

const inState = (state: WalletState) => (status: WalletStatus) => status.state === state;

async function rejection(promise: Promise<unknown>): Promise<MailyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return error as MailyError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  subscribe('net.client.socket', onSocket);
  subscribe('undici:request:create', onFetch);
  relay = await startWcRelay();
  wallet = await startTestWallet(relay.url);
  dir = mkdtempSync(join(tmpdir(), 'maily-wc-'));
  db = new Database(join(dir, 'workspace.sqlite'));
});

afterAll(async () => {
  for (const service of services) await service.dispose();
  await wallet?.close();
  await relay?.close();
  db?.dispose();
  unsubscribe('net.client.socket', onSocket);
  unsubscribe('undici:request:create', onFetch);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('WalletConnect with a wallet over a loopback relay', () => {
  it('refuses bad settings with a typed error and says what is missing', async () => {
    const service = openService();
    expect(service.status().state).toBe('not-configured');
    const signer = new WalletConnectSigner(service);
    const unset = await rejection(signer.signTypedData(domain, types, certificate('v0')));
    expect(unset.code).toBe(ErrorCode.NotFound);
    expect(unset.message).toMatch(/project id/);

    const badRelay = await rejection(service.configure({ projectId: PROJECT_ID, relayUrl: 'http://127.0.0.1:1' }));
    expect(badRelay.code).toBe(ErrorCode.InvalidInput);
    expect(badRelay.message).toMatch(/wss:\/\//);
    const badProject = await rejection(service.configure({ projectId: 'not-a-project', relayUrl: relay.url }));
    expect(badProject.code).toBe(ErrorCode.InvalidInput);
    expect(badProject.message).toMatch(/32 hexadecimal/);
    // The contract refuses the same inputs before any handler runs.
    const schema = walletRequests['wallet:configure'].input;
    expect(schema.safeParse({ projectId: PROJECT_ID, relayUrl: 'https://relay.example' }).success).toBe(false);
    expect(schema.safeParse({ projectId: PROJECT_ID.slice(1) }).success).toBe(false);
    expect(schema.safeParse({ projectId: PROJECT_ID, relayUrl: 'wss://relay.example/' }).success).toBe(true);
    expect(service.status().state).toBe('not-configured');
    await service.dispose();
  });

  it('says why pairing cannot start: no relay on that port, or a relay that refuses the connection', async () => {
    const refusing = createServer((_req, res) => res.writeHead(401).end('Unauthorized: invalid project id'));
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const refusingUrl = `ws://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    const freePort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(port));
      });
    });
    try {
      const service = openService();
      await service.configure({ projectId: PROJECT_ID, relayUrl: `ws://127.0.0.1:${freePort}` });
      const unreachable = await rejection(service.pair());
      expect(unreachable.code).toBe(ErrorCode.Disconnected);
      expect(unreachable.message).toMatch(/Cannot reach the WalletConnect relay \(127\.0\.0\.1:\d+\)/);
      expect(service.status().state).toBe('offline');

      await service.configure({ projectId: PROJECT_ID, relayUrl: refusingUrl });
      const refused = await rejection(service.pair());
      expect(refused.code).toBe(ErrorCode.Unauthorized);
      expect(refused.message).toMatch(/refused the connection \(HTTP 401\)\. Check the project id/);
      expect(service.status().state).toBe('disconnected');
      await service.dispose();
    } finally {
      refusing.closeAllConnections();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });

  it('pairs by URI, signs typed data with the wallet and checks the signature', async () => {
    const service = openService();
    await service.configure({ projectId: PROJECT_ID, relayUrl: relay.url });
    expect(service.status().state).toBe('disconnected');
    const signer = new WalletConnectSigner(service);
    await expect(signer.address()).rejects.toThrow(/No wallet is connected/);

    const pairing = await service.pair();
    expect(pairing.uri).toMatch(/^wc:[0-9a-f]{64}@2\?/);
    expect(pairing.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(service.status().state).toBe('pairing');
    await wallet.pair(pairing.uri);
    const connected = await waitFor(service, inState('connected'));
    expect(connected.session).toMatchObject({
      address: wallet.account.address,
      chainId: TRUST_CHAIN_ID,
      walletName: 'Test Wallet',
    });
    expect(await signer.address()).toBe(wallet.account.address);

    const value = certificate('Welcome v1');
    const signature = await signer.signTypedData(domain, types, value);
    expect(verifyTypedData(domain, types, value, signature)).toBe(wallet.account.address);
    // The wallet got the EIP-712 JSON with EIP712Domain and the primary type.
    const sent = JSON.parse(wallet.requests.at(-1)!.typedData) as Record<string, unknown>;
    expect(sent).toMatchObject({
      primaryType: 'Certificate',
      domain: { name: 'Maily' },
      message: { versionLabel: 'Welcome v1' },
    });
    expect(Object.keys(sent.types as object)).toEqual(expect.arrayContaining(['EIP712Domain', 'Certificate']));
    await service.dispose();
  });

  it('restores the session from the same storage after a restart, without pairing again', async () => {
    const service = openService();
    const restored = await waitFor(service, inState('connected'));
    expect(restored.session?.address).toBe(wallet.account.address);
    const value = certificate('Welcome v2');
    const signature = await new WalletConnectSigner(service).signTypedData(domain, types, value);
    expect(verifyTypedData(domain, types, value, signature)).toBe(wallet.account.address);
  });

  it('signs a Maily certificate (an EAS offchain attestation) that verifies offline', async () => {
    const service = services.at(-1)!;
    const fields = {
      contentHash: `0x${'cd'.repeat(32)}`,
      campaignId: 'campaign-1',
      emailId: 'email-1',
      versionLabel: 'Welcome v4',
      signerName: 'Ana',
      rendererVersion: 'mjml-5',
    };
    const pkg = await signCertificate(fields, { issuedAt: Date.now(), expiresAt: null }, service.signer());
    const check = checkCertificate(
      JSON.parse(JSON.stringify(pkg, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))),
    );
    expect(check.ok).toBe(true);
    expect(check.ok && check.certificate.signer).toBe(wallet.account.address);
    expect(check.ok && check.certificate.fields).toEqual(fields);
    // The wallet was asked on the certificates' own chain, which it approved when pairing.
    const asked = JSON.parse(wallet.requests.at(-1)!.typedData) as { domain: { chainId: unknown } };
    expect(Number(asked.domain.chainId)).toBe(TRUST_CHAIN_ID);
  });

  it('says clearly when the wallet declines, and refuses a signature by another key', async () => {
    const service = services.at(-1)!;
    const signer = new WalletConnectSigner(service);
    wallet.behaviour = 'reject';
    const declined = await rejection(signer.signTypedData(domain, types, certificate('Rejected')));
    expect(declined.code).toBe(ErrorCode.Unauthorized);
    expect(declined.message).toMatch(/The wallet declined/);

    wallet.behaviour = 'wrong-signature';
    const forged = await rejection(signer.signTypedData(domain, types, certificate('Forged')));
    expect(forged.code).toBe(ErrorCode.Unauthorized);
    expect(forged.message).toMatch(/not by the connected account .*refused/);
    wallet.behaviour = 'sign';
    expect(service.status().state).toBe('connected');
  });

  it('goes offline within seconds when the relay stops, queues, and signs when it returns', async () => {
    const service = services.at(-1)!;
    const signer = new WalletConnectSigner(service);
    const stoppedAt = Date.now();
    await relay.stop();
    const offline = await waitFor(service, inState('offline'), 20_000);
    const detectedMs = Date.now() - stoppedAt;
    expect(detectedMs).toBeLessThan(20_000); // WalletConnect alone gives up after ~75 s
    expect(offline.offlineSince).not.toBeNull();

    const value = certificate('Offline v3');
    const queuedEvent = new Promise((resolve) => {
      const off = service.onQueueChanged((change) => {
        if (change.changed?.state === 'waiting') {
          off();
          resolve(change);
        }
      });
    });
    const signing = signer.signTypedData(domain, types, value);
    await queuedEvent;
    const queue = service.queue().filter((item) => item.state === 'waiting');
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ label: 'Maily Certificate · Offline v3', address: wallet.account.address });
    expect(service.status().queueLength).toBe(1);

    await relay.start();
    const signature = await signing;
    expect(verifyTypedData(domain, types, value, signature)).toBe(wallet.account.address);
    expect(service.queue().find((item) => item.id === queue[0].id)).toMatchObject({ state: 'signed', signature });
    const back = await waitFor(service, (s) => s.state === 'connected' && s.queueLength === 0);
    expect(back.offlineSince).toBeNull();
    console.log(`[walletconnect] offline detected ${detectedMs} ms after the relay stopped`);
  });

  it('notices a network that goes silent without closing the socket', async () => {
    const service = services.at(-1)!;
    await waitFor(service, inState('connected'));
    const frozenAt = Date.now();
    relay.freeze();
    await waitFor(service, inState('offline'), 30_000);
    const detectedMs = Date.now() - frozenAt;
    const value = certificate('Silent network');
    const signing = new WalletConnectSigner(service).signTypedData(domain, types, value);
    await waitFor(service, (s) => s.queueLength === 1);
    relay.thaw();
    const signature = await signing;
    expect(verifyTypedData(domain, types, value, signature)).toBe(wallet.account.address);
    await waitFor(service, (s) => s.state === 'connected' && s.queueLength === 0);
    console.log(`[walletconnect] silent network loss detected after ${detectedMs} ms (liveness ping every 1 s)`);
  });

  it('keeps a queued request across a restart and records its signature when it is sent', async () => {
    const first = services.at(-1)!;
    await relay.stop();
    await waitFor(first, inState('offline'), 20_000);
    const value = certificate('Queued across restart');
    const pending = new WalletConnectSigner(first).signTypedData(domain, types, value);
    await waitFor(first, (s) => s.queueLength === 1);
    const id = first.queue().find((item) => item.state === 'waiting')!.id;
    await first.dispose();
    const closed = await rejection(pending);
    expect(closed.code).toBe(ErrorCode.Disposed);

    // The relay is back before the host restarts: the new service sends the queue as it starts.
    await relay.start();
    const second = openService();
    expect(second.queue().find((item) => item.id === id)?.state).toBe('waiting');
    const settled = new Promise<{ state: string; signature: string | null }>((resolve) =>
      second.onSettled((item) => {
        if (item.id === id) resolve(item);
      }),
    );
    const item = await settled;
    expect(item.state).toBe('signed');
    expect(verifyTypedData(domain, types, value, item.signature!)).toBe(wallet.account.address);
    expect(second.queue().find((q) => q.id === id)?.signature).toBe(item.signature);
  });

  it('keeps a request cancelled while the wallet had it, even when the wallet signs it late', async () => {
    const service = services.at(-1)!;
    await waitFor(service, inState('connected'));
    await relay.stop();
    await waitFor(service, inState('offline'), 20_000);
    wallet.behaviour = 'hold';
    const asked = wallet.requests.length;
    const pending = new WalletConnectSigner(service).signTypedData(
      domain,
      types,
      certificate('Cancelled in the wallet'),
    );
    await waitFor(service, (s) => s.queueLength === 1);
    const id = service.queue().find((item) => item.state === 'waiting')!.id;
    const sending = new Promise<void>((resolve) => {
      const off = service.onQueueChanged((change) => {
        if (change.changed?.id === id && change.changed.state === 'sending') {
          off();
          resolve();
        }
      });
    });
    await relay.start();
    await sending;
    while (wallet.requests.length === asked) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.cancelQueued(id).state).toBe('cancelled');
    expect((await rejection(pending)).message).toMatch(/cancelled/);
    await wallet.releaseHeld(); // the designer approves it in the wallet after all
    wallet.behaviour = 'sign';
    // Answers arrive in order: once this one is signed, the late one has been seen too.
    const value = certificate('After the cancelled one');
    const signature = await new WalletConnectSigner(service).signTypedData(domain, types, value);
    expect(verifyTypedData(domain, types, value, signature)).toBe(wallet.account.address);
    expect(service.queue().find((item) => item.id === id)).toMatchObject({ state: 'cancelled', signature: null });
  });

  it('lets the designer cancel a queued request and disconnect while offline', async () => {
    const service = services.at(-1)!;
    await waitFor(service, inState('connected'));
    await relay.stop();
    await waitFor(service, inState('offline'), 20_000);
    const pending = new WalletConnectSigner(service).signTypedData(domain, types, certificate('Never sent'));
    await waitFor(service, (s) => s.queueLength === 1);
    const id = service.queue().find((item) => item.state === 'waiting')!.id;
    expect(service.cancelQueued(id).state).toBe('cancelled');
    expect((await rejection(pending)).message).toMatch(/cancelled/);
    expect(() => service.cancelQueued(id)).toThrow(/already cancelled/);
    expect(() => service.cancelQueued('no-such-id')).toThrow(MailyError);

    const status = await service.disconnect();
    expect(status.session).toBeNull();
    await relay.start();
    await waitFor(service, inState('disconnected'));
    const noWallet = await rejection(new WalletConnectSigner(service).signTypedData(domain, types, certificate('x')));
    expect(noWallet.code).toBe(ErrorCode.NotFound);
  });

  it('works through a real `maily serve` host: configure, pair, restore after a restart, offline and back', async () => {
    const dataDir = tempDataDir('maily-wc-host-');
    let host: HostProcess | null = null;
    let client: TestClient | null = null;
    const statusEvent = async (c: TestClient, predicate: (s: WalletStatus) => boolean, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = c.events.find((e) => e.ev === 'wallet:changed' && predicate(e.data as WalletStatus));
        if (hit) return hit.data as WalletStatus;
        if (Date.now() > deadline) throw new Error(`no such wallet:changed event: ${JSON.stringify(c.events.at(-1))}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      host = await startHost(dataDir);
      client = await TestClient.connect(host.origin, host.token);
      expect((await client.call('wallet:status', {})).state).toBe('not-configured');
      const bad = await client.request('wallet:configure', { projectId: PROJECT_ID, relayUrl: 'http://127.0.0.1:1' });
      expect(bad.ok ? null : bad.error.code).toBe(ErrorCode.InvalidInput);
      const configured = await client.call('wallet:configure', { projectId: PROJECT_ID, relayUrl: relay.url });
      expect(configured).toMatchObject({ state: 'disconnected', relayUrl: relay.url, projectId: PROJECT_ID });

      const pairing = await client.call('wallet:pair', {});
      expect(pairing.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      await statusEvent(client, (s) => s.state === 'pairing' && s.pairingUri === pairing.uri);
      await wallet.pair(pairing.uri);
      const connected = await statusEvent(client, (s) => s.state === 'connected');
      expect(connected.session?.address).toBe(wallet.account.address);
      expect(await client.call('wallet:queue', {})).toEqual([]);
      const unknown = await client.request('wallet:cancelQueued', { id: 'no-such-request' });
      expect(unknown.ok ? null : unknown.error.code).toBe(ErrorCode.NotFound);
      client.close();
      expect(await host.stop()).toBe(0);

      // A new host process on the same data folder: the session is back without pairing.
      host = await startHost(dataDir);
      client = await TestClient.connect(host.origin, host.token);
      const deadline = Date.now() + 30_000;
      let restored = await client.call('wallet:status', {});
      while (restored.state !== 'connected' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        restored = await client.call('wallet:status', {});
      }
      expect(restored.session).toMatchObject({ address: wallet.account.address, walletName: 'Test Wallet' });

      await relay.stop();
      await statusEvent(client, (s) => s.state === 'offline', 20_000);
      await relay.start();
      client.events.length = 0;
      await statusEvent(client, (s) => s.state === 'connected', 45_000);
      const ended = await client.call('wallet:disconnect', {});
      expect(ended).toMatchObject({ state: 'disconnected', session: null });
    } finally {
      client?.close();
      await host?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('contacted nothing but loopback', () => {
    expect(contacted.length).toBeGreaterThan(0);
    const foreign = contacted.filter((host) => !/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1|localhost)$/.test(host));
    expect(foreign).toEqual([]);
  });
});
