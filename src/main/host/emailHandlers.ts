import type * as Y from 'yjs';
import type { RenderedEmail } from '../../shared/api/dto';
import { readEmail } from '../../shared/email/emailDoc';
import { ErrorCode, MailyError } from '../../shared/errors';
import type { NodeDataOf } from '../../shared/journey/kinds';
import { emailSchema } from '../../shared/journey/kinds';
import { nodesMap, readNode } from '../../shared/journey/ydoc';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type EmailChannels =
  'email:render' | 'email:sendTest' | 'assets:add' | 'mail:getSettings' | 'mail:saveSettings' | 'mail:forgetPassword';

/** The Email node's fields and body, read from the campaign document the host holds. */
function readEmailSource(doc: Y.Doc, emailId: string) {
  const node = readNode(emailId, nodesMap(doc).get(emailId));
  if (!node || node.kind !== 'email') {
    throw new MailyError(
      ErrorCode.NotFound,
      'This email step no longer exists in the campaign; it may have been deleted.',
    );
  }
  const parsed = emailSchema.safeParse(node.data);
  const data: NodeDataOf<'email'> = parsed.success
    ? parsed.data
    : { label: '', senderName: '', senderEmail: '', replyTo: '', subject: '', preheader: '' };
  return { node: data, content: readEmail(doc, emailId) };
}

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
