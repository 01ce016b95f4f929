import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { SMTPServerOptions } from 'smtp-server';
import { smtpInbox, type Inbox } from '../helpers/smtpInbox';
import { afterEach, describe, expect, it } from 'vitest';
import { EmailRenderer } from '../../src/main/services/email/EmailRenderer';
import { MemorySecretStore } from '../../src/main/services/mail/SecretStore';
import { TestSendService } from '../../src/main/services/mail/TestSendService';
import { defaultBlock } from '../../src/shared/email/defaultBlock';

/**
 * Test sends against real SMTP servers on loopback: one that accepts (and one that
 * wants a login), one that refuses, one that never answers, one that is not there.
 */

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const fast = { connectionMs: 2000, greetingMs: 500, socketMs: 2000 };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function smtpServer(options: Partial<SMTPServerOptions> = {}): Promise<Inbox> {
  const inbox = await smtpInbox(options);
  cleanups.push(inbox.close);
  return inbox;
}

async function rawServer(onSocket: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as AddressInfo).port;
}

async function renderedEmail() {
  const renderer = new EmailRenderer({ mode: 'inline' });
  const heading = { ...defaultBlock('heading'), text: 'Welcome, {{ first_name | "friend" }}' };
  const image = { ...defaultBlock('image'), assetId: 'logo', alt: 'Logo' };
  const button = { ...defaultBlock('button'), label: 'Get started', href: 'https://example.com/start' };
  const out = await renderer.render({
    node: { subject: 'Hi {{ first_name }}, welcome', preheader: 'Your first steps' },
    content: { blocks: [heading, image, button] },
    sample: { first_name: 'Ana' },
    assets: () => ({ mime: 'image/png', dataUrl: PNG }),
  });
  renderer.dispose();
  return out;
}

const settings = (port: number, extra: object = {}) => ({ host: '127.0.0.1', port, secure: false, user: '', ...extra });

describe('test send over SMTP', () => {
  it('arrives with the personalised subject, the HTML part and the text part', async () => {
    const inbox = await smtpServer();
    const email = await renderedEmail();
    const service = new TestSendService({ secrets: new MemorySecretStore(), timeouts: fast });
    const result = await service.send(
      {
        to: 'designer@example.com',
        subject: email.subject,
        html: email.html,
        text: email.text,
        senderName: 'Maily Team',
        senderEmail: 'team@example.com',
        replyTo: 'help@example.com',
      },
      settings(inbox.port),
    );
    expect(result).toEqual({
      ok: true,
      messageId: expect.stringMatching(/^<.+>$/),
      accepted: ['designer@example.com'],
    });
    expect(inbox.received).toHaveLength(1);
    const mail = inbox.received[0];
    expect(mail.subject).toBe('Hi Ana, welcome');
    expect(mail.from?.value).toEqual([{ name: 'Maily Team', address: 'team@example.com' }]);
    expect(mail.replyTo?.value[0].address).toBe('help@example.com');
    expect(mail.text).toContain('WELCOME, ANA');
    expect(mail.text).toContain('Get started: https://example.com/start');
    expect(mail.html).toContain('Welcome, Ana');
    expect(mail.html).toContain('Your first steps');
    // The image travels as an inline attachment, not a data: URL most clients block.
    expect(mail.html).not.toContain('data:image/png');
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['image/png']);
    expect(mail.html).toContain(`src="cid:${mail.attachments[0].cid}"`);
  });

  it('logs in with the stored password, and says so when the login is refused', async () => {
    const inbox = await smtpServer({
      authOptional: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'ana' && auth.password === 'right') callback(null, { user: 'ana' });
        else callback(new Error('Invalid username or password'));
      },
    });
    const service = new TestSendService({ secrets: new MemorySecretStore(), timeouts: fast });
    const message = {
      to: 'designer@example.com',
      subject: 's',
      html: '<p>x</p>',
      text: 'x',
      senderEmail: 'ana@example.com',
    };
    await service.saveSettings(settings(inbox.port, { user: 'ana', password: 'right' }));
    await expect(service.send(message)).resolves.toMatchObject({ ok: true });
    await expect(service.send(message, settings(inbox.port, { user: 'ana', password: 'wrong' }))).rejects.toMatchObject(
      {
        code: 'E_UNAUTHORIZED',
        failure: 'auth',
        message: expect.stringContaining('did not accept the user name and password'),
      },
    );
    expect(inbox.received).toHaveLength(1);
  });

  it('says which recipient the server refused', async () => {
    const inbox = await smtpServer({
      onRcptTo(address, _session, callback) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(address.address.endsWith('@example.com') ? error : undefined);
      },
    });
    const service = new TestSendService({ secrets: new MemorySecretStore(), timeouts: fast });
    await expect(
      service.send(
        { to: 'nobody@example.com', subject: 's', html: 'x', text: 'x', senderEmail: 'a@b.example' },
        settings(inbox.port),
      ),
    ).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      failure: 'recipient',
      message: expect.stringMatching(/refused the recipient nobody@example.com.*Mailbox unavailable/),
    });
  });

  it('says when the server refuses the sender', async () => {
    const inbox = await smtpServer({
      onMailFrom(_address, _session, callback) {
        callback(Object.assign(new Error('Sender not allowed'), { responseCode: 553 }));
      },
    });
    const service = new TestSendService({ secrets: new MemorySecretStore(), timeouts: fast });
    await expect(
      service.send(
        { to: 'x@example.com', subject: 's', html: 'x', text: 'x', senderEmail: 'spoof@example.com' },
        settings(inbox.port),
      ),
    ).rejects.toMatchObject({ failure: 'sender', message: expect.stringContaining('Set a “From” address') });
  });

  it('gives up on a server that accepts the connection but never answers', async () => {
    const port = await rawServer(() => undefined); // accepts, stays silent
    const service = new TestSendService({ secrets: new MemorySecretStore(), timeouts: fast });
    const started = Date.now();
    await expect(
      service.send(
        { to: 'x@example.com', subject: 's', html: 'x', text: 'x', senderEmail: 'a@example.com' },
        settings(port),
      ),
    ).rejects.toMatchObject({
      code: 'E_TIMEOUT',
      failure: 'timeout',
      message: `127.0.0.1:${port} connected but never greeted Maily within 0.5 s. Check the host, the port and the TLS setting, and that no firewall blocks the connection.`,
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says when nothing listens on the port', async () => {
    const port = await rawServer(() => undefined);
    await cleanups.pop()!(); // close it again: the port is now refused
    const service = new TestSendService({ secrets: new MemorySecretStore(), timeouts: fast });
    await expect(
      service.send(
        { to: 'x@example.com', subject: 's', html: 'x', text: 'x', senderEmail: 'a@example.com' },
        settings(port),
      ),
    ).rejects.toMatchObject({
      code: 'E_DISCONNECTED',
      failure: 'refused',
      message: expect.stringContaining('refused the connection'),
    });
  });

  it('says when TLS is on but the server speaks plain SMTP', async () => {
    const inbox = await smtpServer();
    const service = new TestSendService({ secrets: new MemorySecretStore(), timeouts: fast });
    await expect(
      service.send(
        { to: 'x@example.com', subject: 's', html: 'x', text: 'x', senderEmail: 'a@example.com' },
        settings(inbox.port, { secure: true }),
      ),
    ).rejects.toMatchObject({ failure: 'tls', message: expect.stringContaining('turn it off') });
  });
});
