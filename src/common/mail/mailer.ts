import { Global, Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** What the operator is told instead, without SMTP: an action name, the fields it needs (the link), what to do. */
export interface OperatorHandOver {
  action: string;
  fields: Record<string, unknown>;
  instruction: string;
}

/**
 * Outgoing e-mail through SMTP (SMTP_URL, nodemailer). Without SMTP_URL nothing is sent
 * (`enabled` is false): callers then hand what the user needs to the operator instead.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const url = config.mail.smtpUrl;
    // Bounded waits: a stuck SMTP server must not hold a request for minutes.
    this.transport = url ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /**
   * Sends a message that carries what the user needs (a secret link); without SMTP the operator is
   * the channel: one warn line with `operatorAction` and the fields, logged by the caller's logger
   * (its context names the feature).
   */
  async sendOrHandToOperator(mail: OutgoingMail, handOver: OperatorHandOver, logger: Logger): Promise<void> {
    if (this.enabled) {
      await this.send(mail);
      return;
    }
    logger.warn({ operatorAction: handOver.action, ...handOver.fields }, `OPERATOR ACTION: no SMTP_URL is set, so no e-mail was sent. ${handOver.instruction}`);
  }

  /** Sends one message; false (logged, without the body: it may hold a secret) when SMTP fails. */
  async send(mail: OutgoingMail): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: this.config.mail.from, to: mail.to, subject: mail.subject, text: mail.text });
      return true;
    } catch (error) {
      this.logger.error({ smtpError: error instanceof Error ? error.message : String(error), subject: mail.subject }, 'e-mail could not be sent');
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
