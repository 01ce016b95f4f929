import { readFileSync } from 'node:fs';
import { parseUnits, Wallet } from 'ethers';
import type { Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { startHost } from '../helpers/hostProcess';
import { LOCAL_CHAIN_ID, startLocalChain } from '../helpers/localChain';
import { startTestWallet, startWcRelay } from '../helpers/wcRelay';

const env = useHostAndBrowser();

const designer = 'Dana Designer';
const nodes = (page: Page) => page.locator('.react-flow__node');
const saved = (page: Page) => page.locator('[data-save="saved"]').waitFor();
const editorBadge = (page: Page) =>
  page.getByRole('dialog', { name: 'Email editor' }).getByRole('group', { name: 'Trust' }).locator('.trust-badge');

const passphrase = 'correct horse battery';

/** Makes the local key ready to sign, whatever the earlier tests left: created and unlocked. */
async function readyLocalKey(scope: Locator): Promise<string> {
  const create = scope.getByRole('button', { name: 'Create key' });
  const unlock = scope.getByRole('button', { name: 'Unlock' });
  const unlocked = scope.getByText('Unlocked', { exact: true });
  await create.or(unlock).or(unlocked).first().waitFor();
  if (await create.isVisible()) {
    await scope.getByLabel('Passphrase (at least 8 characters)').fill(passphrase);
    await scope.getByLabel('Confirm passphrase').fill(passphrase);
    await create.click();
  } else if (await unlock.isVisible()) {
    await scope.getByLabel('Passphrase of the local key').fill(passphrase);
    await unlock.click();
  }
  await unlocked.waitFor();
  return scope.locator('.trust-key .trust-address').innerText();
}

async function newCampaign(page: Page, name: string) {
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Campaign name').fill(name);
  await page.getByRole('radio', { name: /Welcome series/ }).check();
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect.poll(() => nodes(page).count()).toBe(9);
}

async function openEmail(page: Page, label = 'Tips') {
  await page.locator('.react-flow__node:has([data-kind="email"])', { hasText: label }).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Edit email' }).click();
  const editor = page.getByRole('dialog', { name: 'Email editor' });
  await editor.waitFor();
  return editor;
}

describe('trust certificates, as a designer uses them', () => {
  it('signs an email with a local key, sees it modified, verifies its QR image, refuses a cut link, revokes it', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await newCampaign(page, 'Signed launch');

    // The Trust layer is in the layers bar, on, with every email unsigned.
    const trustLayer = page.getByRole('toolbar', { name: 'Layers' }).getByRole('button', { name: 'Trust' });
    expect(await trustLayer.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('[data-trust-tone="unsigned"]').count(), { timeout: 15_000 }).toBe(3);

    const editor = await openEmail(page);
    await expect.poll(() => editorBadge(page).innerText(), { timeout: 15_000 }).toBe('Unsigned');

    // Sign: a new local key with a passphrase (the headless host keeps it in a keystore).
    await editor.getByRole('button', { name: 'Sign…' }).click();
    const sign = page.getByRole('dialog', { name: /^Sign “/ });
    await sign.getByRole('radio', { name: 'Local key' }).check();
    await sign.getByRole('radio', { name: 'Create a new key' }).check();
    await sign.getByLabel('Passphrase (at least 8 characters)').fill(passphrase);
    await sign.getByLabel('Confirm passphrase').fill(passphrase);
    await sign.getByRole('button', { name: 'Create key' }).click();
    await sign.getByText('Unlocked', { exact: true }).waitFor();
    const address = await sign.locator('.trust-key .trust-address').innerText();
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await sign.getByLabel('Version label').inputValue()).toMatch(/^Approved /);
    await sign.getByLabel('Version label').fill('Launch copy');
    await sign.getByLabel('Your name on the certificate').fill(designer);
    await sign.getByRole('button', { name: 'Sign', exact: true }).click();
    await sign.getByText(/Signed as “Launch copy”/).waitFor({ timeout: 20_000 });

    // The link, its QR image and the certificate file.
    const link = await sign.getByLabel('Verify link').inputValue();
    expect(link).toMatch(/^https:\/\/maily\.app\/verify#/);
    const qr = sign.getByRole('img', { name: 'QR code of the certificate “Launch copy”' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const [qrDownload] = await Promise.all([
      page.waitForEvent('download'),
      sign.getByRole('button', { name: 'Save QR image' }).click(),
    ]);
    const qrPng = readFileSync(await qrDownload.path());
    expect(qrPng.subarray(1, 4).toString()).toBe('PNG');
    const [fileDownload] = await Promise.all([
      page.waitForEvent('download'),
      sign.getByRole('button', { name: 'Save certificate file' }).click(),
    ]);
    const certificateFile = readFileSync(await fileDownload.path(), 'utf8');
    expect(() => JSON.parse(certificateFile) as unknown).not.toThrow();
    await sign.getByRole('button', { name: 'Done' }).click();

    // Verified, in the editor and on the canvas's Trust layer, by name.
    await expect.poll(() => editorBadge(page).innerText(), { timeout: 15_000 }).toBe(`Verified · ${designer}`);
    const verified = page.locator('[data-trust-badge][data-trust-tone="verified"]');
    await expect.poll(() => verified.count()).toBe(1);
    expect(await verified.getAttribute('aria-label')).toContain(`Verified: signed by ${designer}`);

    // Editing the subject breaks it: modified since signing.
    await editor.getByRole('button', { name: 'Message details' }).click();
    await editor.getByLabel('Subject', { exact: true }).fill('Ten tips, now cheaper');
    await expect.poll(() => editorBadge(page).innerText(), { timeout: 15_000 }).toBe('Modified since signing');
    await editor.getByRole('button', { name: 'Close' }).click();
    await saved(page);
    const modified = page.locator('[data-trust-badge][data-trust-tone="modified"]');
    await expect.poll(() => modified.count(), { timeout: 15_000 }).toBe(1);
    expect(await modified.getAttribute('aria-label')).toMatch(/^Trust: Modified since signing/);

    // Verify the original from its QR image (the shortcut opens the screen).
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 }, force: true });
    await page.keyboard.press('Control+Shift+V');
    const verify = page.getByRole('dialog', { name: 'Verify a certificate' });
    await verify.waitFor();
    await verify
      .getByLabel('Certificate file or QR image')
      .setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: qrPng });
    const result = verify.getByRole('status', { name: 'Verification result' });
    await result.waitFor({ timeout: 20_000 });
    const answer = await result.innerText();
    expect(answer).toContain('From the QR code.');
    // A private campaign has no team address book: the signer is this device's own key.
    expect(answer).toContain(`Valid signature by you (${address}, this device’s key), as “${designer}”`);
    expect(answer).toContain('Modified since signing');

    // A link cut short is refused with its reason, never accepted.
    await verify.getByLabel('Certificate link').fill(link.slice(0, Math.floor(link.length * 0.7)));
    await verify.getByRole('button', { name: 'Verify link' }).click();
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toMatch(/^Refused: This link is cut off/);
    expect(await result.innerText()).not.toContain('Valid signature');

    // The saved certificate file verifies too; a QR code of something else is named as such.
    await verify.getByLabel('Certificate file or QR image').setInputFiles({
      name: 'certificate.json',
      mimeType: 'application/json',
      buffer: Buffer.from(certificateFile),
    });
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain('From the certificate file.');
    expect(await result.innerText()).toContain('Valid signature');
    const otherQr = await QRCode.toBuffer('https://example.com/not-a-certificate', { margin: 4, scale: 6 });
    // Dropped onto the screen this time.
    const dropped = await page.evaluateHandle(
      `(() => {
        const bytes = Uint8Array.from(atob('${otherQr.toString('base64')}'), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'other.png', { type: 'image/png' }));
        return transfer;
      })()`,
    );
    await verify.locator('.trust-drop').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toMatch(/^Refused: Not a Maily certificate/);
    await verify.getByRole('button', { name: 'Close' }).click();

    // Revoke, from the canvas badge's certificates: the badge says Revoked, with the reason.
    await modified.click();
    const certificates = page.getByRole('dialog', { name: /^Certificates of “/ });
    const row = certificates.getByRole('listitem', { name: /Certificate “Launch copy”, Valid/ });
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByLabel('Reason for revoking').fill('Prices changed');
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await row.getByRole('button', { name: 'Confirm revoke' }).click();
    await certificates
      .getByRole('listitem', { name: /Certificate “Launch copy”, Revoked/ })
      .waitFor({ timeout: 15_000 });
    await certificates.getByRole('button', { name: 'Close' }).click();
    const revoked = page.locator('[data-trust-badge][data-trust-tone="revoked"]');
    await expect.poll(() => revoked.count(), { timeout: 15_000 }).toBe(1);
    expect(await revoked.getAttribute('aria-label')).toContain('Prices changed');

    // The Trust layer hides and shows the badges.
    await trustLayer.click();
    await expect.poll(() => page.locator('[data-trust-badge]').count()).toBe(0);
    await trustLayer.click();
    await expect.poll(() => page.locator('[data-trust-badge]').count()).toBe(3);

    expect(errors).toEqual([]);
    await context.close();
  });
  it('signs with a WalletConnect wallet paired from its QR code over a loopback relay, queueing while offline', async () => {
    const relay = await startWcRelay();
    const wallet = await startTestWallet(relay.url);
    try {
      const { page, errors, context } = await openPage(env.browser, env.host.url);
      await newCampaign(page, 'Wallet signed');
      const editor = await openEmail(page, 'Welcome');
      await editor.getByRole('button', { name: 'Sign…' }).click();
      const sign = page.getByRole('dialog', { name: /^Sign “/ });
      await sign.getByRole('radio', { name: 'WalletConnect wallet' }).check();

      // Not configured yet: the project id, and the relay under Advanced.
      await sign.getByLabel('WalletConnect project id (from cloud.reown.com)').fill('not a project id');
      await sign.getByRole('button', { name: 'Save WalletConnect settings' }).click();
      await sign
        .getByRole('alert')
        .filter({ hasText: /32 hexadecimal/ })
        .waitFor();
      await sign.getByLabel('WalletConnect project id (from cloud.reown.com)').fill('0123456789abcdef0123456789abcdef');
      await sign.getByText('Advanced').click();
      await sign.getByLabel(/^Relay address/).fill(relay.url);
      await sign.getByRole('button', { name: 'Save WalletConnect settings' }).click();

      // Pair: the wc: URI as a QR code and a link the wallet takes.
      await sign.getByRole('button', { name: 'Pair wallet' }).click({ timeout: 20_000 });
      await sign.getByRole('img', { name: 'QR code to pair your wallet' }).waitFor({ timeout: 20_000 });
      const uri = await sign.getByLabel('Pairing link').inputValue();
      expect(uri).toMatch(/^wc:/);
      await wallet.pair(uri);
      await sign.getByText(/Connected to Test Wallet as/).waitFor({ timeout: 30_000 });
      expect(await sign.locator('.trust-wallet .trust-address').innerText()).toBe(wallet.account.address);

      // Signed in the wallet: Verified.
      await sign.getByLabel('Version label').fill('Wallet approved');
      await sign.getByRole('button', { name: 'Sign', exact: true }).click();
      await sign.getByText(/Signed as “Wallet approved”/).waitFor({ timeout: 60_000 });
      expect(wallet.requests.length).toBe(1);
      expect(await sign.getByText(wallet.account.address).count()).toBeGreaterThan(0);
      await sign.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => editorBadge(page).innerText(), { timeout: 15_000 }).toMatch(/^Verified · /);

      // Offline: the request is queued, listed, and can be cancelled.
      await editor.getByRole('button', { name: 'Sign…' }).click();
      await sign.getByRole('radio', { name: 'WalletConnect wallet' }).check();
      await relay.stop();
      await sign.getByText(/^Offline.*signing requests are\s+queued/).waitFor({ timeout: 60_000 });
      await sign.getByLabel('Version label').fill('Sent later');
      await sign.getByRole('button', { name: 'Sign', exact: true }).click();
      await sign.getByText('Queued — will be sent when the network is back.').waitFor({ timeout: 20_000 });
      const queue = sign.getByRole('region', { name: 'Queued signing requests' });
      await queue.getByText(/Waiting for the network/).waitFor({ timeout: 20_000 });
      await queue.getByRole('button', { name: /^Cancel / }).click();
      await queue.getByText(/Cancelled/).waitFor({ timeout: 20_000 });
      await sign.getByRole('alert').first().waitFor({ timeout: 20_000 });

      // Queued again, then the network is back: it is sent, signed, and the certificate is stored.
      await sign.getByRole('button', { name: 'Sign', exact: true }).click();
      await queue.getByText(/Waiting for the network/).waitFor({ timeout: 20_000 });
      await relay.start();
      await sign.getByText(/Connected to Test Wallet as/).waitFor({ timeout: 60_000 });
      await sign.getByText(/Signed as “Sent later”|Still waiting for your wallet/).waitFor({ timeout: 60_000 });
      await expect.poll(() => wallet.requests.length, { timeout: 60_000 }).toBe(2);
      await sign.getByRole('button', { name: 'Close' }).click();
      await editor.getByRole('button', { name: 'Certificate…' }).click();
      const certificates = page.getByRole('dialog', { name: /^Certificates of “/ });
      const later = certificates.getByRole('listitem', { name: /Certificate “Sent later”, Valid/ });
      await later.waitFor({ timeout: 60_000 });
      // The wallet that signed it revokes it too.
      await later.getByRole('button', { name: 'Revoke…' }).click();
      await later.getByLabel('Reason for revoking').fill('Sent by mistake');
      await later.getByRole('button', { name: 'Revoke', exact: true }).click();
      await later.getByRole('button', { name: 'Confirm revoke' }).click();
      await certificates
        .getByRole('listitem', { name: /Certificate “Sent later”, Revoked/ })
        .waitFor({ timeout: 60_000 });
      expect(wallet.requests.length).toBe(3);
      await certificates.getByRole('button', { name: 'Close' }).click();
      await editor.getByRole('button', { name: 'Sign…' }).click();
      await sign.getByRole('radio', { name: 'WalletConnect wallet' }).check();

      await sign.getByRole('button', { name: 'Disconnect wallet' }).click();
      await sign.getByRole('button', { name: 'Pair wallet' }).waitFor({ timeout: 20_000 });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await wallet.close();
      await relay.close();
    }
  });

  it('anchors a certificate on a local chain, reads its status back and lists the signer’s rewards', async () => {
    const chain = await startLocalChain();
    try {
      const { registryAddress, rewardAddress, reward } = await chain.deployMaily();
      const { page, errors, context } = await openPage(env.browser, env.host.url);
      await page.getByRole('button', { name: 'Trust', exact: true }).click();
      const settings = page.getByRole('dialog', { name: 'Trust settings' });
      const address = await readyLocalKey(settings);
      // Locking and unlocking: a wrong passphrase is refused and the key stays locked.
      await settings.getByRole('button', { name: 'Lock key' }).click();
      await settings.getByText('Locked', { exact: true }).waitFor();
      await settings.getByLabel('Passphrase of the local key').fill('not the passphrase');
      await settings.getByRole('button', { name: 'Unlock' }).click();
      await settings.getByRole('form', { name: 'Unlock the local key' }).getByRole('alert').waitFor();
      expect(await settings.getByText('Locked', { exact: true }).count()).toBe(1);
      await readyLocalKey(settings);
      // The local key pays for anchoring, and the reward contract rewards it.
      await chain.send('hardhat_setBalance', [address, '0x56BC75E2D63100000']);
      const tx = (await reward.getFunction('reward')(address, parseUnits('2.5', 18), `0x${'11'.repeat(32)}`)) as {
        wait(): Promise<unknown>;
      };
      await tx.wait();

      // Off by default, with the note that nothing needs it.
      const form = settings.getByRole('form', { name: 'Chain settings' });
      await form.getByText(/Certificates are complete without a chain/).waitFor();
      expect(await form.getByLabel('Use a chain for anchoring').isChecked()).toBe(false);
      await form.getByLabel('Use a chain for anchoring').check();
      await form.getByLabel('RPC URL').fill('ftp://nowhere');
      await form.getByRole('button', { name: 'Save chain settings' }).click();
      await form.getByRole('alert').waitFor();
      await form.getByLabel('RPC URL').fill(chain.url);
      await form.getByLabel(/^Chain id/).fill(String(LOCAL_CHAIN_ID));
      await form.getByLabel('Registry contract address').fill(registryAddress);
      await form.getByLabel(/^Reward token address/).fill(rewardAddress);
      await form.getByRole('button', { name: 'Save chain settings' }).click();
      await form.getByText('Saved. Chain anchoring is on.').waitFor({ timeout: 15_000 });
      await form.getByRole('button', { name: 'Check connection' }).click();
      const check = form.getByText(/registry found, reward token found \(MLY\)/);
      await check.waitFor({ timeout: 20_000 });
      expect(await check.innerText()).toContain(`paid by the local key ${address}`);
      await settings.getByRole('button', { name: 'Close' }).click();

      await newCampaign(page, 'Anchored');
      const editor = await openEmail(page, 'Check-in');
      await editor.getByRole('button', { name: 'Sign…' }).click();
      const sign = page.getByRole('dialog', { name: /^Sign “/ });
      await readyLocalKey(sign);
      await sign.getByLabel('Version label').fill('On chain');
      await sign.getByRole('button', { name: 'Sign', exact: true }).click();
      await sign.getByText(/Signed as “On chain”/).waitFor({ timeout: 20_000 });
      await sign.getByRole('button', { name: 'Done' }).click();

      await editor.getByRole('button', { name: 'Certificate…' }).click();
      const certificates = page.getByRole('dialog', { name: /^Certificates of “/ });
      const anchor = certificates.getByRole('group', { name: 'Chain for “On chain”' });
      await anchor.getByRole('button', { name: 'Check on chain' }).click();
      await anchor.getByText(/^Not anchored on chain 31337/).waitFor({ timeout: 20_000 });
      await anchor.getByRole('button', { name: 'Anchor on chain' }).click();
      await anchor
        .getByText(/^Anchored on chain 31337 in block \d+.*content hash on chain matches/)
        .waitFor({ timeout: 30_000 });
      const rewards = certificates.getByRole('list', { name: 'Reward transfers' });
      await expect.poll(() => rewards.innerText(), { timeout: 20_000 }).toContain('2.5 MLY from 0x0000…0000');

      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await chain.stop();
    }
  });

  it('learns a teammate’s name from their certificate into the team address book, renames and removes it', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await newCampaign(page, 'Team signed');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const share = page.getByRole('dialog', { name: 'Share with your team' });
    const teamName = page.getByLabel('Team name');
    const shareExisting = share.getByRole('button', { name: 'Share and create invite' });
    await teamName.or(shareExisting).first().waitFor();
    if (await teamName.isVisible()) {
      await teamName.fill('Design team');
      await share.getByRole('button', { name: 'Create team and invite' }).click();
    } else await shareExisting.click();
    await share.getByLabel('Invite code').waitFor();
    await share.getByRole('button', { name: 'Close' }).click();

    const editor = await openEmail(page, 'Welcome');
    await editor.getByRole('button', { name: 'Sign…' }).click();
    const sign = page.getByRole('dialog', { name: /^Sign “/ });
    const address = await readyLocalKey(sign);
    await sign.getByLabel('Your name on the certificate').fill(designer);
    await sign.getByRole('button', { name: 'Sign', exact: true }).click();
    await sign.getByText(/Signed as/).waitFor({ timeout: 20_000 });
    const link = await sign.getByLabel('Verify link').inputValue();
    await sign.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editorBadge(page).innerText(), { timeout: 15_000 }).toBe(`Verified · ${designer}`);
    await editor.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Back to campaigns' }).click();

    await page.getByRole('button', { name: 'Trust', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Trust settings' });
    const book = settings.getByRole('list', { name: 'Address book' });
    const entry = book.getByRole('form', { name: `Name of ${address}` });
    await expect.poll(() => entry.getByRole('textbox').inputValue(), { timeout: 15_000 }).toBe(designer);
    await entry.getByText(/from a certificate/).waitFor();
    await entry.getByRole('textbox').fill('Dana from design');
    await entry.getByRole('button', { name: 'Rename' }).click();
    await book
      .getByRole('form', { name: `Name of ${address}` })
      .getByText(/named by hand/)
      .waitFor();
    await settings.getByRole('button', { name: 'Close' }).click();

    // The verify screen names the signer as the team knows them.
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const verify = page.getByRole('dialog', { name: 'Verify a certificate' });
    await verify.getByLabel('Certificate link').fill(link);
    await verify.getByRole('button', { name: 'Verify link' }).click();
    const result = verify.getByRole('status', { name: 'Verification result' });
    await expect
      .poll(() => result.innerText(), { timeout: 15_000 })
      .toContain(`Valid signature by Dana from design (${address})`);
    await verify.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Trust', exact: true }).click();
    await settings.getByRole('button', { name: 'Remove Dana from design' }).click();
    await settings.getByText(/No names yet/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a key from its private key on a fresh host, refusing one that is not a key', async () => {
    const host = await startHost();
    try {
      const { page, errors, context } = await openPage(env.browser, host.url);
      await page.getByRole('button', { name: 'Trust', exact: true }).click();
      const settings = page.getByRole('dialog', { name: 'Trust settings' });
      await settings.getByRole('radio', { name: 'Import a key' }).check();
      const secret = settings.getByLabel(/^Private key \(64 hex digits\) or recovery phrase/);
      await secret.fill('0x1234');
      await settings.getByLabel('Passphrase (at least 8 characters)').fill(passphrase);
      await settings.getByLabel('Confirm passphrase').fill('a different one');
      await settings.getByRole('button', { name: 'Import key' }).click();
      await settings.getByText('The two passphrases differ; type the same one twice.').waitFor();
      await settings.getByLabel('Confirm passphrase').fill(passphrase);
      await settings.getByRole('button', { name: 'Import key' }).click();
      await settings.getByRole('form', { name: 'Set up a local key' }).getByRole('alert').waitFor();
      const key = `0x${'42'.repeat(32)}`;
      await secret.fill(key);
      await settings.getByRole('button', { name: 'Import key' }).click();
      await settings.getByText('Unlocked', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await settings.locator('.trust-key .trust-address').innerText()).toBe(new Wallet(key).address);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await host.stop();
    }
  });
});
