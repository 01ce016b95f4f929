import { afterEach, describe, expect, it } from 'vitest';
import { inProcessHost, type InProcess } from '../../../helpers/inProcessHost';

let running: InProcess | null = null;
afterEach(async () => {
  await running?.dispose();
  running = null;
});

describe('closing a campaign', () => {
  it('indexes its emails into memory as past emails, once each, for the next prompts', async () => {
    running = inProcessHost();
    const { api } = running.connect();
    const campaign = await api.campaigns.create({ name: 'Welcome', template: 'welcome' });
    await api.docs.open({ campaignId: campaign.id });
    await api.docs.close({ campaignId: campaign.id });
    const past = (await api.memory.list({})).filter((item) => item.kind === 'pastEmail');
    expect(past.length).toBe(3);
    expect(past.map((item) => item.title)).toContain('Welcome to Maily, {{first_name | "friend"}}!');
    expect(past.every((item) => item.text.length > 0)).toBe(true);

    await api.docs.open({ campaignId: campaign.id });
    await api.docs.close({ campaignId: campaign.id });
    expect((await api.memory.list({})).filter((item) => item.kind === 'pastEmail').length).toBe(3);
    const hits = await api.memory.search({ query: 'get started' });
    expect(hits.length).toBeGreaterThan(0);
  });
});
