import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message (headers and body) as the server received it. */
  raw: string;
}

/**
 * A real SMTP server on loopback (smtp-server) that keeps every message it receives. Point the app
 * at it with `SMTP_URL: mailbox.smtpUrl`; close it in afterAll.
 */
export class TestMailbox {
  readonly messages: ReceivedMail[] = [];
  private readonly waiters: { to: string; resolve: (mail: ReceivedMail) => void }[] = [];
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<TestMailbox> {
    const mailbox = new TestMailbox();
    mailbox.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mail: ReceivedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            raw: Buffer.concat(chunks).toString('utf8'),
          };
          mailbox.received(mail);
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      mailbox.server.once('error', reject);
      mailbox.server.listen(0, '127.0.0.1', () => resolve());
    });
    mailbox.port = (mailbox.server.server.address() as AddressInfo).port;
    return mailbox;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private received(mail: ReceivedMail): void {
    this.messages.push(mail);
    for (const waiter of [...this.waiters]) {
      if (mail.to.includes(waiter.to)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(mail);
      }
    }
  }

  /** The newest message to `address` (waits up to 10 s for one to arrive). */
  async lastTo(address: string): Promise<ReceivedMail> {
    const to = address.toLowerCase();
    const existing = [...this.messages].reverse().find((mail) => mail.to.includes(to));
    if (existing) return existing;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no mail to ${address} within 10 s`)), 10_000);
      this.waiters.push({ to, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The e-mail validation link in a message (quoted-printable soft line breaks undone). */
export function validationLinkIn(mail: ReceivedMail): string {
  const body = mail.raw.replace(/=\r?\n/g, '');
  const match = /https?:\/\/\S+\/user_mgt\/validate_user\/[A-Za-z0-9_-]+/.exec(body);
  if (!match) throw new Error(`no validation link in:\n${mail.raw}`);
  return match[0];
}

/** The user invitation link in a message (OBP's portal page with the mailed secret). */
export function invitationLinkIn(mail: ReceivedMail): string {
  const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /https?:\/\/\S+\/user-invitation\?id=\d+/.exec(body);
  if (!match) throw new Error(`no invitation link in:\n${mail.raw}`);
  return match[0];
}
