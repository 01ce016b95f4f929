import { afterEach, describe, expect, it } from 'vitest';
import { MailyError } from '../../../../src/shared/errors';
import { inProcessHost, type InProcess } from '../../../helpers/inProcessHost';

let env: InProcess;
afterEach(async () => env?.dispose());

describe('host sessions (the path both transports share)', () => {
  it('answers unknown channels and invalid input with typed errors', async () => {
    env = inProcessHost();
    const { session } = env.connect();
    const unknown = await session.call('campaigns:drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CHANNEL' } });
    const notString = await session.call(42, {});
    expect(notString).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CHANNEL' } });
    const invalid = await session.call('campaigns:create', { name: '   ' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    expect(invalid.ok ? '' : invalid.error.message).toContain('Give the campaign a name');
    const badId = await session.call('docs:open', { campaignId: '../../etc' });
    expect(badId).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    const proto = await session.call('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CHANNEL' } });
  });

  it('turns service errors into MailyError on the renderer side', async () => {
    env = inProcessHost();
    const { api } = env.connect();
    const error = await api.campaigns.rename({ id: 'missing', name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailyError);
    expect((error as MailyError).code).toBe('E_NOT_FOUND');
  });

  it('refuses calls after dispose with E_DISPOSED', async () => {
    env = inProcessHost();
    const { session } = env.connect();
    await env.host.dispose();
    expect(await session.call('app:info', {})).toMatchObject({ ok: false, error: { code: 'E_DISPOSED' } });
  });

  it('tells other sessions about campaign changes and closes docs with the last session', async () => {
    env = inProcessHost();
    const a = env.connect();
    const b = env.connect();
    const seen: string[] = [];
    b.api.on('campaigns:changed', ({ id }) => seen.push(id));
    const campaign = await a.api.campaigns.create({ name: 'Launch' });
    expect(seen).toContain(campaign.id);
    await a.api.docs.open({ campaignId: campaign.id });
    a.session.close();
    expect((await b.api.docs.open({ campaignId: campaign.id })).readOnly).toBe(false);
  });
});
