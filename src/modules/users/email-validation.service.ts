import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { Mailer } from '../../common/mail/mailer';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { EmailValidationTokenEntity } from './entities/email-validation-token.entity';
import { UserEntity } from './entities/user.entity';

/** OBP's validation page; the token follows as the last segment (redacted from logs: common/logging/redaction.ts). */
export const VALIDATION_PAGE_PATH = '/user_mgt/validate_user';

/** 256 random bits, URL-safe; only the SHA-256 is stored. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashValidationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * E-mail validation: a user's address counts as verified (users.email_verified_at) only once the
 * user follows the link sent to it. Tokens are random, stored hashed, single-use and expire
 * (OBP_EMAIL_VALIDATION_TOKEN_TTL_SECONDS). Validating also lets the user log in (OBP's
 * `validated`), which matters when user_account_validated is off.
 */
@Injectable()
export class EmailValidationService {
  private readonly logger = new Logger('EmailValidation');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Issues a token for the user's current address and delivers the link: by e-mail when SMTP is
   * configured, otherwise in one warn-level operator message (the only log line that carries a
   * secret, on purpose: without SMTP the operator is the delivery channel).
   */
  async start(user: Pick<UserEntity, 'userId' | 'email' | 'username'>): Promise<void> {
    if (!user.email) return;
    const token = newToken();
    await this.dataSource.getRepository(EmailValidationTokenEntity).insert({
      tokenHash: hashValidationToken(token),
      userId: user.userId,
      email: user.email,
      expiresAt: new Date(Date.now() + this.config.auth.emailValidationTokenTtlSeconds * 1000),
    });
    // Expired tokens of anyone are dropped as new ones are issued (indexed on expires_at).
    await this.dataSource.query('DELETE FROM email_validation_tokens WHERE expires_at < now()');
    const link = `${this.config.apiInfo.hostname.replace(/\/+$/, '')}${VALIDATION_PAGE_PATH}/${token}`;
    await this.mailer.sendOrHandToOperator(
      { to: user.email, subject: 'Please validate your e-mail address', text: mailText(user.username, link, this.config) },
      {
        action: 'deliver-email-validation-link',
        fields: { userId: user.userId, email: user.email, validationLink: link },
        instruction: 'Give this e-mail validation link to the user (it is a secret: single use, expires).',
      },
      this.logger,
    );
  }

  /** Uses a token (once): the user's e-mail becomes verified and the user may log in. */
  async validate(token: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      // DELETE ... RETURNING: of two concurrent uses exactly one gets the row.
      const deleted = await manager
        .createQueryBuilder()
        .delete()
        .from(EmailValidationTokenEntity)
        .where('token_hash = :hash AND expires_at > now()', { hash: hashValidationToken(token) })
        .returning('user_id, email')
        .execute();
      const row = (deleted.raw as { user_id: string; email: string }[])[0];
      const user = row ? await manager.getRepository(UserEntity).findOneBy({ userId: row.user_id }) : null;
      // A token proves only the address it was sent to.
      if (!row || !user || user.deletedAt || user.email.toLowerCase() !== row.email.toLowerCase()) {
        throw ObpException.of('UserNotFoundByToken');
      }
      if (user.emailVerifiedAt) throw ObpException.of('UserAlreadyValidated');
      user.emailVerifiedAt = new Date();
      user.validated = true;
      await manager.update(UserEntity, { userId: user.userId }, { emailVerifiedAt: user.emailVerifiedAt, validated: true });
      await manager.delete(EmailValidationTokenEntity, { userId: user.userId });
      return user;
    });
  }
}

function mailText(username: string, link: string, config: AppConfig): string {
  const hours = Math.round(config.auth.emailValidationTokenTtlSeconds / 360) / 10;
  return [
    `Hello ${username},`,
    '',
    'Please confirm that this is your e-mail address by opening this link:',
    '',
    link,
    '',
    `The link works once and expires in ${hours} hours. If you did not sign up, ignore this message.`,
    '',
    config.apiInfo.hostedBy.organisation,
  ].join('\n');
}
