import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Inbox {
  port: number;
  received: ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (plain, like a local test inbox) that parses what arrives. */
export async function smtpInbox(options: Partial<SMTPServerOptions> = {}): Promise<Inbox> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream, { keepCidLinks: true }).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
