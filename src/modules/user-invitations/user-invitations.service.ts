import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { Mailer } from '../../common/mail/mailer';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { INVITATION_PURPOSES, type PostUserInvitationJsonV400, type UserInvitationJsonV400 } from './dto/user-invitation.json';
import { UserInvitationEntity } from './entities/user-invitation.entity';

const VALIDITY_MS = 24 * 60 * 60 * 1000;

/** 128 random bits as decimal digits: the shape of OBP's numeric secret_key, without its 64-bit limit. */
function newSecret(): string {
  return BigInt(`0x${randomBytes(16).toString('hex')}`).toString();
}

export function hashInvitationSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function toUserInvitationJson(invitation: UserInvitationEntity): UserInvitationJsonV400 {
  return {
    first_name: invitation.firstName,
    last_name: invitation.lastName,
    email: invitation.email,
    company: invitation.company,
    country: invitation.country,
    purpose: invitation.purpose,
    status: invitation.status,
  };
}

/** OBP's invitation page, on the portal: `<portal>/user-invitation?id=SECRET`. */
export const INVITATION_PAGE_PATH = '/user-invitation';

/** What a redemption proved: the mailed secret proves the mailbox, the inviter's secret does not. */
export interface Redemption {
  provesMailbox: boolean;
}

/**
 * User invitations: created by bank staff, looked up anonymously by secret, redeemed once (CREATED ->
 * FINISHED) within 24 hours by signing up with a secret.
 *
 * Each invitation has two secrets. `secret_key` is returned to the inviter (OBP's wire shape plus
 * this extra field); the other travels only in the e-mail to the invitee. Both redeem the
 * invitation, but only the mailed one proves the invitee owns the address: otherwise anyone allowed
 * to invite could mint a "verified" account for any address (and read what is granted by e-mail).
 */
@Injectable()
export class UserInvitationsService {
  private readonly logger = new Logger('UserInvitations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserInvitationEntity) private readonly invitations: Repository<UserInvitationEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
  ) {}

  async create(bankId: string, createdByUserId: string, body: PostUserInvitationJsonV400): Promise<{ invitation: UserInvitationEntity; secret: string }> {
    if (!(INVITATION_PURPOSES as readonly string[]).includes(body.purpose)) {
      throw ObpException.of('InvalidJsonValue', `postedData.purpose only support {${INVITATION_PURPOSES.join(', ')}}`);
    }
    const secret = newSecret();
    const mailSecret = newSecret();
    const invitation = this.invitations.create({
      userInvitationId: randomUUID(),
      bankId,
      firstName: body.first_name,
      lastName: body.last_name,
      email: body.email,
      company: body.company,
      country: body.country,
      purpose: body.purpose,
      status: 'CREATED',
      secretHash: hashInvitationSecret(secret),
      mailSecretHash: hashInvitationSecret(mailSecret),
      createdByUserId,
      userId: null,
      finishedAt: null,
    });
    await this.invitations.save(invitation);
    await this.deliver(invitation, mailSecret);
    return { invitation, secret };
  }

  /**
   * Sends the invitee OBP's link with the mailed secret: by e-mail when SMTP is configured, else in
   * one warn-level operator message (as e-mail validation does; the operator is then the channel).
   */
  private async deliver(invitation: UserInvitationEntity, mailSecret: string): Promise<void> {
    const link = `${this.config.mail.portalHostname.replace(/\/+$/, '')}${INVITATION_PAGE_PATH}?id=${mailSecret}`;
    await this.mailer.sendOrHandToOperator(
      { to: invitation.email, subject: 'You are invited', text: invitationText(invitation, link, mailSecret, this.config) },
      {
        action: 'deliver-user-invitation-link',
        fields: { userInvitationId: invitation.userInvitationId, email: invitation.email, invitationLink: link },
        instruction: 'Give this invitation link to the invitee, at this address only (it is a secret: it proves the address, single use, expires in 24 hours).',
      },
      this.logger,
    );
  }

  list(bankId: string): Promise<UserInvitationEntity[]> {
    return this.invitations.find({ where: { bankId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  /** Staff lookup by secret at a bank, whatever its state. */
  async getBySecret(bankId: string, secret: string): Promise<UserInvitationEntity> {
    const hash = hashInvitationSecret(secret);
    // Either secret names the invitation (the invitee's page looks it up with the mailed one).
    const invitation = await this.invitations.findOneBy([
      { bankId, secretHash: hash },
      { bankId, mailSecretHash: hash },
    ]);
    if (!invitation) throw ObpException.of('CannotGetUserInvitation');
    return invitation;
  }

  /** The invitee's lookup: only a CREATED invitation younger than 24 hours (else 404 OBP-37883). */
  async getUsable(bankId: string, secret: string): Promise<UserInvitationEntity> {
    const invitation = await this.getBySecret(bankId, secret);
    assertUsable(invitation);
    return invitation;
  }

  /**
   * Signs up through an invitation, all or nothing: the invitation row is locked, checked (usable,
   * same email), the user is created by `createUser` in the same transaction, and the invitation
   * becomes FINISHED. A second redemption waits for the lock and then finds it FINISHED.
   * `createUser` learns whether the secret was the mailed one (it proves the address).
   */
  redeem<T extends { userId: string }>(secret: string, email: string, createUser: (manager: EntityManager, redemption: Redemption) => Promise<T>): Promise<T> {
    const hash = hashInvitationSecret(secret);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(UserInvitationEntity)
        .createQueryBuilder('invitation')
        .setLock('pessimistic_write')
        .where('(invitation.secret_hash = :hash OR invitation.mail_secret_hash = :hash)', { hash })
        .getOne();
      if (!invitation) throw ObpException.of('CannotGetUserInvitation');
      assertUsable(invitation);
      if (invitation.email.toLowerCase() !== email.toLowerCase()) {
        throw ObpException.of('InvalidJsonValue', 'email must be the address the invitation was sent to');
      }
      const created = await createUser(manager, { provesMailbox: invitation.mailSecretHash === hash });
      await manager.update(
        UserInvitationEntity,
        { userInvitationId: invitation.userInvitationId },
        { status: 'FINISHED', userId: created.userId, finishedAt: new Date() },
      );
      return created;
    });
  }
}

function assertUsable(invitation: UserInvitationEntity): void {
  if (invitation.status !== 'CREATED' || Date.now() - invitation.createdAt.getTime() >= VALIDITY_MS) {
    throw ObpException.of('CannotFindUserInvitation');
  }
}

function invitationText(invitation: UserInvitationEntity, link: string, mailSecret: string, config: AppConfig): string {
  return [
    `Hello ${invitation.firstName} ${invitation.lastName},`,
    '',
    'You are invited to create an account. Open this link to sign up:',
    '',
    link,
    '',
    `Or sign up through the API: POST /obp/v5.1.0/users with your details and "user_invitation_secret_key": "${mailSecret}".`,
    '',
    'The invitation works once and expires in 24 hours. Signing up with it confirms this e-mail address. If you did not expect it, ignore this message.',
    '',
    config.apiInfo.hostedBy.organisation,
  ].join('\n');
}
