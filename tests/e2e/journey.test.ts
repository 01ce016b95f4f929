import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';
import { startHost } from '../helpers/hostProcess';

const env = useHostAndBrowser();

const kinds = [
  ['Entry', 'entry'],
  ['Email', 'email'],
  ['Delay', 'delay'],
  ['Wait until', 'waitUntil'],
  ['Condition', 'condition'],
  ['A/B experiment', 'abSplit'],
  ['Random cohort', 'randomCohort'],
  ['Update profile', 'updateProfile'],
  ['Goal / Exit', 'goal'],
  ['Note', 'note'],
] as const;

type Kind = (typeof kinds)[number][1];

const nodeOf = (page: Page, kind: Kind) => page.locator(`.react-flow__node:has([data-kind="${kind}"])`);

async function idOf(page: Page, kind: Kind): Promise<string> {
  return (await nodeOf(page, kind).getAttribute('data-id'))!;
}

/** Drags from an output handle to a node's input handle, as a designer does with the mouse. */
async function connect(page: Page, source: string, handle: string, target: string): Promise<void> {
  const from = page.locator(`.react-flow__node[data-id="${source}"] .react-flow__handle[data-handleid="${handle}"]`);
  const to = page.locator(`.react-flow__node[data-id="${target}"] .react-flow__handle[data-handleid="in"]`);
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

async function selectNode(page: Page, kind: Kind): Promise<void> {
  await nodeOf(page, kind).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Label').waitFor();
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const saved = (page: Page) => page.locator('[data-save="saved"]').waitFor();

describe('drawing a journey, as a new user would', () => {
  it('builds every node kind, connects, edits, undoes, fixes a problem and survives kill -9', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Campaign name').fill('Welcome journey');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    const pane = page.locator('.react-flow__pane');
    await pane.waitFor();

    // Drag one of every kind from the palette onto the canvas.
    for (const [i, [title]] of kinds.entries()) {
      await page.getByRole('button', { name: `Add ${title}`, exact: true }).dragTo(pane, {
        targetPosition: { x: 40 + (i % 4) * 270, y: 40 + Math.floor(i / 4) * 230 },
      });
    }
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(10);
    await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
    await page.waitForTimeout(400); // the fit animates
    const id = Object.fromEntries(
      await Promise.all(kinds.map(async ([, k]) => [k, await idOf(page, k)] as const)),
    ) as Record<Kind, string>;

    // Connect them with the mouse; then an invalid connection is refused with a reason.
    await connect(page, id.entry, 'out', id.email);
    await connect(page, id.email, 'out', id.delay);
    await connect(page, id.delay, 'out', id.waitUntil);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await connect(page, id.email, 'out', id.goal);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /already|delete/i })
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await page.locator('.react-flow__edge').count()).toBe(3);

    // The rest through the inspector's accessible "next step" pickers.
    const pick = async (kind: Kind, port: string, target: Kind) => {
      await selectNode(page, kind);
      const select = inspector(page).getByLabel(`${port} → next step`);
      const option = await select
        .locator('option', { hasText: await nodeLabel(page, target) })
        .first()
        .getAttribute('value');
      await select.selectOption(option!);
    };
    await pick('waitUntil', 'Event happened', 'condition');
    await pick('condition', 'Yes', 'abSplit');
    await pick('abSplit', 'Variant A', 'randomCohort');
    await pick('randomCohort', 'Cohort 1', 'updateProfile');
    await pick('updateProfile', 'Next', 'goal');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(8);

    // The email has no subject or sender: the problems panel says so; clicking focuses it.
    const subjectProblem = problems(page)
      .getByRole('button')
      .filter({ hasText: /subject/i });
    await subjectProblem.first().click();
    await expect.poll(() => nodeOf(page, 'email').getAttribute('class')).toMatch(/selected/);
    await inspector(page).getByLabel('Subject').fill('Welcome to Maily, {{first_name}}');
    await inspector(page).getByLabel('Sender name').fill('Ada at Maily');
    await inspector(page).getByLabel('Sender email').fill('ada@maily.example');
    await expect.poll(() => subjectProblem.count()).toBe(0);

    // Undo and redo the last edit (the toolbar and the keyboard).
    await pane.click({ position: { x: 10, y: 10 }, force: true });
    await selectNode(page, 'delay');
    await inspector(page).getByLabel('Label').fill('Wait a day');
    await expect.poll(() => nodeOf(page, 'delay').innerText()).toContain('Wait a day');
    await pane.click({ position: { x: 10, y: 10 }, force: true });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => nodeOf(page, 'delay').innerText()).not.toContain('Wait a day');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodeOf(page, 'delay').innerText()).toContain('Wait a day');

    await saved(page);
    const url = new URL(page.url());
    const edges = await page.locator('.react-flow__edge').count();

    // Kill the host the hard way, start it again, reload: everything is there.
    await env.host.stop('SIGKILL');
    env.host = await startHost(env.host.dataDir);
    await page.goto(`${env.host.origin}/${url.search}#token=${env.host.token}`);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(10);
    expect(await page.locator('.react-flow__edge').count()).toBe(edges);
    expect(await nodeOf(page, 'delay').innerText()).toContain('Wait a day');
    await selectNode(page, 'email');
    expect(await inspector(page).getByLabel('Subject').inputValue()).toBe('Welcome to Maily, {{first_name}}');
    expect(
      await problems(page)
        .getByRole('button')
        .filter({ hasText: /subject/i })
        .count(),
    ).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function nodeLabel(page: Page, kind: Kind): Promise<string> {
  const title = kinds.find(([, k]) => k === kind)![0];
  return title;
}
