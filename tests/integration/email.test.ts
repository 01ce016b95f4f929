import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getBlockText, insertBlock, updateBlock } from '../../src/shared/email/emailDoc';
import { addNode, updateNodeData } from '../../src/shared/journey/ydoc';
import { startHost, type HostProcess } from '../helpers/hostProcess';
import { smtpInbox, type Inbox } from '../helpers/smtpInbox';
import { TestClient } from '../helpers/wsClient';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let host: HostProcess | undefined;
let inbox: Inbox | undefined;
afterEach(async () => {
  await host?.stop();
  await inbox?.close();
  host = inbox = undefined;
});

/** A campaign with one Email step whose body has a heading, a text block and (optionally) an image. */
async function emailCampaign(client: TestClient, assetId?: (campaignId: string) => Promise<string>) {
  const { id: campaignId } = await client.call('campaigns:create', { name: 'Launch' });
  const doc = new Y.Doc();
  const emailId = addNode(doc, 'email', { x: 0, y: 0 });
  updateNodeData(doc, emailId, {
    subject: 'Hello {{first_name | "there"}}',
    preheader: 'Our spring news',
    senderName: 'Ada',
    senderEmail: 'ada@maily.example',
  });
  const textId = insertBlock(doc, emailId, 0, 'text')!;
  getBlockText(doc, emailId, textId)!.insert(0, 'Thanks for joining, {{first_name}}!');
  if (assetId) {
    const imageId = insertBlock(doc, emailId, 1, 'image')!;
    updateBlock(doc, emailId, imageId, { assetId: await assetId(campaignId), alt: 'Logo' });
  }
  await client.call('docs:update', { campaignId, update: Y.encodeStateAsUpdate(doc) });
  return { campaignId, emailId, textId };
}

describe('email through the host', () => {
  it('stores images, renders personalised HTML and text, and refuses broken image files', async () => {
    host = await startHost();
    const client = await TestClient.connect(host.origin, host.token);
    const { campaignId, emailId } = await emailCampaign(client, async (id) => {
      const broken = await client.request('assets:add', {
        campaignId: id,
        name: 'logo.png',
        data: new Uint8Array(64).fill(7),
      });
      expect(broken.ok ? null : broken.error).toMatchObject({
        code: 'E_INVALID_INPUT',
        message: expect.stringMatching(/logo\.png/),
      });
      return (await client.call('assets:add', { campaignId: id, name: 'logo.png', data: PNG })).id;
    });
    const rendered = await client.call('email:render', { campaignId, emailId, sample: { first_name: 'Grace' } });
    expect(rendered.subject).toBe('Hello Grace');
    expect(rendered.html).toContain('Thanks for joining, Grace!');
    expect(rendered.html).toContain('data:image/png;base64,');
    expect(rendered.html).toContain('Our spring news');
    expect(rendered.text).toContain('Thanks for joining, Grace!');
    expect(rendered.errors).toEqual([]);

    const fallback = await client.call('email:render', { campaignId, emailId });
    expect(fallback.subject).toBe('Hello there');
    expect(fallback.errors.some((e) => /first_name/.test(e.message))).toBe(true);
    const missing = await client.request('email:render', { campaignId, emailId: 'no-such-step' });
    expect(missing.ok ? null : missing.error.code).toBe('E_NOT_FOUND');
    client.close();
  });

  it('test-sends to a real SMTP server on loopback and keeps the password out of plain files', async () => {
    host = await startHost();
    inbox = await smtpInbox({
      onAuth: (auth, _session, done) =>
        auth.username === 'ada' && auth.password === 'correct horse battery staple'
          ? done(null, { user: 'ada' })
          : done(new Error('Invalid username or password')),
    });
    const client = await TestClient.connect(host.origin, host.token);
    const { campaignId, emailId } = await emailCampaign(client);
    expect(await client.call('mail:getSettings', {})).toBeNull();
    const saved = await client.call('mail:saveSettings', {
      host: '127.0.0.1',
      port: inbox.port,
      secure: false,
      user: 'ada',
      password: 'correct horse battery staple',
    });
    expect(saved).toMatchObject({ host: '127.0.0.1', hasPassword: true });
    expect(JSON.stringify(saved)).not.toContain('staple');
    expect(readFileSync(join(host.dataDir, 'secrets.json'), 'utf8')).not.toContain('staple');

    const result = await client.call('email:sendTest', {
      campaignId,
      emailId,
      to: 'grace@example.com',
      sample: { first_name: 'Grace' },
    });
    expect(result.accepted).toEqual(['grace@example.com']);
    await expect.poll(() => inbox!.received.length).toBe(1);
    const mail = inbox.received[0];
    expect(mail.subject).toBe('Hello Grace');
    expect(mail.html).toContain('Thanks for joining, Grace!');
    expect(mail.text).toContain('Thanks for joining, Grace!');
    expect(mail.from?.text).toContain('Ada');

    await inbox.close();
    const refused = await client.request('email:sendTest', { campaignId, emailId, to: 'grace@example.com' });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(/\S/);
    inbox = undefined;
    client.close();
  });
});
