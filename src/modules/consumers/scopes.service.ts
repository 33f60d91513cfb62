import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { hasGrant, type AuthContext } from '../../common/auth/auth-context';
import { assertGrantableRole } from '../../common/auth/grantable-role';
import { ObpErrors } from '../../common/errors/error-catalogue';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import { isUniqueViolation } from '../../database/postgres-errors';
import { AuthContextService } from '../auth/auth-context.service';
import { BankLookupService } from '../banks/bank-lookup.service';
import type { CreateScopeJson, ScopeJson } from './dto/consumer.json';
import type { ConsumerEntity } from './entities/consumer.entity';
import { ScopeEntity } from './entities/scope.entity';

export function toScopeJson(scope: ScopeEntity): ScopeJson {
  return { scope_id: scope.scopeId, role_name: scope.roleName, bank_id: scope.bankId };
}

/** Roles granted to consumers. Changes reach the consumer's tokens at once (auth contexts are invalidated). */
@Injectable()
export class ScopesService {
  constructor(
    @InjectRepository(ScopeEntity) private readonly scopes: Repository<ScopeEntity>,
    private readonly banks: BankLookupService,
    private readonly contexts: AuthContextService,
  ) {}

  /** OBP's order: role name, bank/system rule, the caller's right at body.bank_id, bank exists (400), duplicate (400 OBP-30216). */
  async add(consumer: ConsumerEntity, caller: AuthContext, body: CreateScopeJson): Promise<ScopeEntity> {
    assertGrantableRole(body.role_name, body.bank_id);
    const mayCreate = hasGrant(caller, '', 'CanCreateScopeAtAnyBank') || (body.bank_id !== '' && hasGrant(caller, body.bank_id, 'CanCreateScopeAtOneBank'));
    if (!mayCreate) throw ObpException.of('UserHasMissingRoles', ' CanCreateScopeAtOneBank, CanCreateScopeAtAnyBank!');
    if (body.bank_id !== '' && !(await this.banks.exists(body.bank_id))) {
      throw new ObpException(ObpErrors.BankNotFound, `Current BANK_ID = ${body.bank_id}`, 400);
    }
    const scope = this.scopes.create({ scopeId: randomUUID(), consumerId: consumer.consumerId, bankId: body.bank_id, roleName: body.role_name });
    try {
      await this.scopes.insert(scope);
    } catch (error) {
      if (isUniqueViolation(error)) throw ObpException.of('EntitlementAlreadyExists');
      throw error;
    }
    this.contexts.invalidateConsumer(consumer.consumerId);
    return scope;
  }

  list(consumerId: string): Promise<ScopeEntity[]> {
    return this.scopes.find({ where: { consumerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  /** The scope must belong to the path's consumer (OBP ignores the consumer; we do not delete across consumers). */
  async delete(consumer: ConsumerEntity, scopeId: string): Promise<void> {
    const result = isUuid(scopeId) ? await this.scopes.delete({ scopeId, consumerId: consumer.consumerId }) : { affected: 0 };
    if (!result.affected) throw ObpException.of('ScopeNotFound', `Current Value is ${scopeId}`);
    this.contexts.invalidateConsumer(consumer.consumerId);
  }
}
