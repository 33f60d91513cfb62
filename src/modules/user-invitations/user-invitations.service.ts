import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
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

/**
 * User invitations: created by bank staff, looked up anonymously by secret, redeemed once (CREATED ->
 * FINISHED) within 24 hours by signing up with the secret.
 */
@Injectable()
export class UserInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserInvitationEntity) private readonly invitations: Repository<UserInvitationEntity>,
  ) {}

  async create(bankId: string, createdByUserId: string, body: PostUserInvitationJsonV400): Promise<{ invitation: UserInvitationEntity; secret: string }> {
    if (!(INVITATION_PURPOSES as readonly string[]).includes(body.purpose)) {
      throw ObpException.of('InvalidJsonValue', `postedData.purpose only support {${INVITATION_PURPOSES.join(', ')}}`);
    }
    const secret = newSecret();
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
      createdByUserId,
      userId: null,
      finishedAt: null,
    });
    await this.invitations.save(invitation);
    return { invitation, secret };
  }

  list(bankId: string): Promise<UserInvitationEntity[]> {
    return this.invitations.find({ where: { bankId }, order: { createdAt: 'ASC', userInvitationId: 'ASC' } });
  }

  /** Staff lookup by secret at a bank, whatever its state. */
  async getBySecret(bankId: string, secret: string): Promise<UserInvitationEntity> {
    const invitation = await this.invitations.findOneBy({ bankId, secretHash: hashInvitationSecret(secret) });
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
   */
  redeem<T extends { userId: string }>(secret: string, email: string, createUser: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(UserInvitationEntity)
        .createQueryBuilder('invitation')
        .setLock('pessimistic_write')
        .where('invitation.secret_hash = :hash', { hash: hashInvitationSecret(secret) })
        .getOne();
      if (!invitation) throw ObpException.of('CannotGetUserInvitation');
      assertUsable(invitation);
      if (invitation.email.toLowerCase() !== email.toLowerCase()) {
        throw ObpException.of('InvalidJsonValue', 'email must be the address the invitation was sent to');
      }
      const created = await createUser(manager);
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
