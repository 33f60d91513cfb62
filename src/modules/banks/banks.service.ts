import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import { isUniqueViolation } from '../../database/postgres-errors';
import { AuthContextService } from '../auth/auth-context.service';
import { EntitlementEntity } from '../entitlements/entities/entitlement.entity';
import { BankLookupService } from './bank-lookup.service';
import { BankEntity } from './entities/bank.entity';

const SHORT_STRING = /^[A-Za-z0-9\-._]+$/;

export type BankFields = Omit<BankEntity, 'bankId' | 'createdAt'>;

/** OBP's id rules for new banks: characters and length (checkShortString), minimum length, no "::::". */
export function assertNewBankId(id: string, minimumLength: number): void {
  if (!SHORT_STRING.test(id)) throw ObpException.of('InvalidValueCharacters', `Current BANK_ID = ${id.slice(0, 40)}`);
  if (id.length > 16) throw ObpException.of('InvalidValueLength', 'BANK_ID may be at most 16 characters');
  if (id.length <= minimumLength) {
    throw ObpException.of('InvalidJsonFormat', `Min length of BANK_ID should be greater than ${minimumLength} characters.`);
  }
  if (id.includes('::::')) throw ObpException.of('InvalidJsonFormat', 'BANK_ID can not contain `::::` characters');
}

@Injectable()
export class BanksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: BankLookupService,
    private readonly contexts: AuthContextService,
  ) {}

  /**
   * Creates a bank (or, where OBP upserts, replaces it) and grants the creator
   * CanCreateEntitlementAtOneBank there, in one transaction.
   */
  async save(caller: AuthContext, bankId: string | undefined, fields: BankFields, mode: 'upsert' | 'create-only'): Promise<BankEntity> {
    const id = bankId ?? randomUUID();
    try {
      const bank = await this.dataSource.transaction(async (manager) => {
        if (mode === 'upsert') await manager.upsert(BankEntity, { bankId: id, ...fields }, ['bankId']);
        else await manager.insert(BankEntity, { bankId: id, ...fields });
        await manager
          .createQueryBuilder()
          .insert()
          .into(EntitlementEntity)
          .values({ userId: caller.user.userId, bankId: id, roleName: 'CanCreateEntitlementAtOneBank', createdByProcess: 'create_bank' })
          .orIgnore()
          .execute();
        return manager.findOneByOrFail(BankEntity, { bankId: id });
      });
      this.lookup.remember(id);
      this.contexts.invalidateUser(caller.user.userId);
      return bank;
    } catch (error) {
      if (isUniqueViolation(error)) throw ObpException.of('BankIdAlreadyExists');
      throw error;
    }
  }

  all(): Promise<BankEntity[]> {
    return this.dataSource.getRepository(BankEntity).find({ order: { bankId: 'ASC' } });
  }

  /** The access guard has already checked that the bank exists. */
  get(bankId: string): Promise<BankEntity> {
    return this.dataSource.getRepository(BankEntity).findOneByOrFail({ bankId });
  }
}
