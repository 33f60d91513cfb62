import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { hasGrant, type AuthContext } from '../../common/auth/auth-context';
import { ObpErrors } from '../../common/errors/error-catalogue';
import { assertGrantableRole } from '../../common/auth/grantable-role';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import { AuthContextService } from '../auth/auth-context.service';
import { BankLookupService } from '../banks/bank-lookup.service';
import { isUniqueViolation } from '../../database/postgres-errors';
import { UsersService } from '../users/users.service';
import type { CreateEntitlementJson } from './dto/create-entitlement.json';
import { EntitlementEntity } from './entities/entitlement.entity';

/** OBP's pseudo entitlement listed for super admins. */
export const SUPER_ADMIN_ENTRY = { entitlement_id: '', role_name: 'SuperAdmin', bank_id: '' };

@Injectable()
export class EntitlementsService {
  constructor(
    @InjectRepository(EntitlementEntity) private readonly entitlements: Repository<EntitlementEntity>,
    private readonly users: UsersService,
    private readonly banks: BankLookupService,
    private readonly contexts: AuthContextService,
  ) {}

  async assertUserExists(userId: string): Promise<void> {
    if (!(await this.users.findById(userId))) {
      throw new ObpException(ObpErrors.UserNotFoundById, `Current USER_ID(${userId})`, 404);
    }
  }

  /** OBP's check order after the user exists: role known, bank/system rule, caller's right, bank exists, not a duplicate. */
  async grant(caller: AuthContext, userId: string, body: CreateEntitlementJson): Promise<EntitlementEntity> {
    const { role_name: roleName, bank_id: bankId } = body;
    assertGrantableRole(roleName, bankId);
    const allowed =
      caller.isSuperAdmin ||
      hasGrant(caller, '', 'CanCreateEntitlementAtAnyBank') ||
      (bankId !== '' && hasGrant(caller, bankId, 'CanCreateEntitlementAtOneBank'));
    if (!allowed) {
      throw ObpException.of('UserHasMissingRoles', `CanCreateEntitlementAtOneBank or CanCreateEntitlementAtAnyBank${bankId ? ` for BankId(${bankId}).` : ''}`);
    }
    return this.insertGrant(userId, roleName, bankId, 'manual');
  }

  /** For operators (admin CLI, bootstrap): the same rules, without a calling user. */
  async grantAsOperator(userId: string, roleName: string, bankId: string, process: string): Promise<EntitlementEntity> {
    await this.assertUserExists(userId);
    assertGrantableRole(roleName, bankId);
    return this.insertGrant(userId, roleName, bankId, process);
  }

  private async insertGrant(userId: string, roleName: string, bankId: string, process: string): Promise<EntitlementEntity> {
    if (bankId !== '' && !(await this.banks.exists(bankId))) throw new ObpException(ObpErrors.BankNotFound, `Current BANK_ID = ${bankId}`, 400);
    const entitlement = this.entitlements.create({ userId, bankId, roleName, createdByProcess: process });
    try {
      await this.entitlements.insert(entitlement);
    } catch (error) {
      if (isUniqueViolation(error)) throw ObpException.of('EntitlementAlreadyExists');
      throw error;
    }
    this.contexts.invalidateUser(userId);
    return this.entitlements.findOneByOrFail({ entitlementId: entitlement.entitlementId });
  }

  async revoke(userId: string, entitlementId: string): Promise<void> {
    const entitlement = isUuid(entitlementId) ? await this.entitlements.findOneBy({ entitlementId }) : null;
    if (!entitlement) throw new ObpException(ObpErrors.EntitlementNotFound, undefined, 404);
    if (entitlement.userId !== userId) throw ObpException.of('UserDoesNotHaveEntitlement');
    await this.entitlements.delete({ entitlementId });
    this.contexts.invalidateUser(userId);
  }

  ofUser(userId: string, bankId?: string): Promise<EntitlementEntity[]> {
    if (!isUuid(userId)) return Promise.resolve([]);
    return this.entitlements.find({ where: bankId === undefined ? { userId } : { userId, bankId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  atBank(bankId: string): Promise<EntitlementEntity[]> {
    return this.entitlements.find({ where: { bankId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  /** Every entitlement with its user's name, optionally of one role: one query with a join. */
  all(roleName?: string): Promise<(EntitlementEntity & { user: { username: string } })[]> {
    const query = this.entitlements
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.user', 'u')
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.creation_seq', 'ASC');
    if (roleName !== undefined) query.where('e.role_name = :roleName', { roleName });
    return query.getMany() as Promise<(EntitlementEntity & { user: { username: string } })[]>;
  }

  isSuperAdmin(userId: string): boolean {
    return this.contexts.isSuperAdmin(userId);
  }
}
