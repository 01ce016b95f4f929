import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useHostAndBrowser } from '../helpers/e2eEnv';

const env = useHostAndBrowser();

const panel = (page: Page) => page.getByRole('complementary', { name: 'Simulator' });
const onPath = (page: Page) => page.locator('.react-flow__node[data-on-path="true"]');
const node = (page: Page, name: string) => page.locator(`.react-flow__node[aria-label="${name}"]`);

/** Adds a sample contact named `name` whose `activated` attribute is `activated`. */
async function addContact(page: Page, name: string, activated: boolean): Promise<void> {
  const sim = panel(page);
  await sim.getByRole('button', { name: 'Add contact' }).click();
  await sim.getByLabel('Contact name').fill(name);
  await sim.getByRole('button', { name: `Edit ${name}` }).waitFor();
  await sim.getByLabel('New attribute name').fill('activated');
  await sim.getByLabel('New attribute type').selectOption(String(activated));
  await sim.getByRole('button', { name: 'Add attribute' }).click();
  await expect.poll(() => sim.getByLabel('Type of activated').inputValue()).toBe(String(activated));
}

describe('the simulator, as a designer uses it', () => {
  it('walks two contacts with different attributes down two different paths', async () => {
    const { page, errors, context } = await openPage(env.browser, env.host.url);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByRole('radio', { name: /Welcome series/ }).check();
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(9);

    await page.getByRole('button', { name: 'Simulate' }).click();
    const sim = panel(page);
    await sim.getByText('Add a sample contact to walk through the journey').waitFor();

    // A new contact already does what the Entry waits for: signed_up, at the run's start.
    await addContact(page, 'Ada', true);
    expect(await sim.getByLabel('Name of event 1').inputValue()).toBe('signed_up');
    await addContact(page, 'Bob', false);
    // Bob's event, typed by hand.
    await sim.getByRole('button', { name: 'Remove event 1' }).click();
    await sim.getByText('No events yet').waitFor();
    await sim.getByRole('button', { name: 'Add event' }).click();
    await sim.getByLabel('Name of event 1').fill('signed_up');
    const start = await sim.getByLabel('Start').inputValue();
    expect(await sim.getByLabel('Time of event 1').inputValue()).toBe(start);

    await sim.getByLabel('Seed').press('Control+Enter');
    await sim.getByText('Simulated 2 contacts with seed 1.').waitFor();

    const ada = sim.getByRole('article', { name: 'Result for Ada' });
    const bob = sim.getByRole('article', { name: 'Result for Bob' });
    await ada.getByText('Reached the goal', { exact: true }).waitFor();
    await bob.getByText('Left the journey', { exact: true }).waitFor();
    expect(await ada.getByRole('list', { name: 'Emails Ada would receive' }).getByRole('listitem').count()).toBe(1);
    const bobEmails = bob.getByRole('list', { name: 'Emails Bob would receive' }).getByRole('listitem');
    expect(await bobEmails.allInnerTexts()).toEqual([
      expect.stringContaining('Welcome to Maily, friend!'),
      expect.stringContaining('Hi, a few tips to get more from Maily'),
      expect.stringContaining('How is it going, there?'),
    ]);
    await ada.getByRole('list', { name: 'Steps of Ada' }).getByText('“Activated?” → Yes').waitFor();
    await sim
      .getByRole('region', { name: 'Comparison' })
      .getByText('Paths diverge at “Activated?”: Ada → Yes, Bob → No.')
      .waitFor();

    // Ada's run is shown first: her five steps are marked, the exit is not.
    await expect.poll(() => onPath(page).count()).toBe(5);
    expect(await node(page, 'Goal / Exit: Activated').getAttribute('data-on-path')).toBe('true');
    expect(await node(page, 'Goal / Exit: Series done').getAttribute('data-on-path')).toBeNull();
    expect(await node(page, 'Condition: Activated?').getAttribute('title')).toMatch(/activated = true/);
    expect(await page.locator('.react-flow__edge[data-on-path="true"]').count()).toBe(4);

    await bob.getByRole('button', { name: 'Show on canvas' }).click();
    await expect.poll(() => onPath(page).count()).toBe(8);
    expect(await node(page, 'Goal / Exit: Series done').getAttribute('data-on-path')).toBe('true');
    expect(await node(page, 'Goal / Exit: Activated').getAttribute('data-on-path')).toBeNull();

    // Closing the simulator takes the path off the canvas.
    await page.keyboard.press('Control+Shift+S');
    await sim.waitFor({ state: 'detached' });
    expect(await onPath(page).count()).toBe(0);

    // The contacts are stored in the campaign: they are there when it is opened again.
    await page.getByRole('button', { name: 'Back to campaigns' }).click();
    await page.getByRole('button', { name: 'Open Welcome series' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await panel(page).getByRole('button', { name: 'Edit Ada' }).waitFor();
    await panel(page).getByRole('button', { name: 'Edit Bob' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
