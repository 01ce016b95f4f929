import type { RenderedEmail } from '../../shared/api/dto';
import type { NodeDataOf } from '../../shared/journey/kinds';
import type { Services } from '../services';
import { readEmailSource } from '../services/email/emailSource';
import type { Handlers } from './dispatch';

type EmailChannels =
  'email:render' | 'email:sendTest' | 'assets:add' | 'mail:getSettings' | 'mail:saveSettings' | 'mail:forgetPassword';

async function render(
  services: Services,
  campaignId: string,
  emailId: string,
  sample: Record<string, unknown> | undefined,
): Promise<{ email: RenderedEmail; node: NodeDataOf<'email'> }> {
  const source = services.docs.read(campaignId, (doc) => readEmailSource(doc, emailId));
  const email = await services.emailRenderer.render({
    ...source,
    sample: sample ?? {},
    assets: services.assets.resolver(campaignId),
  });
  return { email, node: source.node };
}

/** Email rendering, images and test sends, mapped onto the services. */
export function createEmailHandlers(services: Services): Pick<Handlers, EmailChannels> {
  return {
    'email:render': async (input) => (await render(services, input.campaignId, input.emailId, input.sample)).email,
    'email:sendTest': async (input) => {
      const { email, node } = await render(services, input.campaignId, input.emailId, input.sample);
      return services.testSend.send({
        to: input.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        senderName: node.senderName || undefined,
        senderEmail: node.senderEmail || undefined,
        replyTo: node.replyTo || undefined,
      });
    },
    'assets:add': (input) => services.assets.add(input.campaignId, input.name, input.data),
    'mail:getSettings': () => services.testSend.loadSettings(),
    'mail:saveSettings': (input) => services.testSend.saveSettings(input),
    'mail:forgetPassword': async () => {
      await services.testSend.forgetPassword();
      return { ok: true as const };
    },
  };
}
