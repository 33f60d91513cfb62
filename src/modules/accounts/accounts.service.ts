import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { holdsRole } from '../../common/auth/role-check';
import { ObpException } from '../../common/errors/obp.exception';
import { toMinorUnits } from '../../common/money';
import { isUniqueViolation } from '../../database/postgres-errors';
import { UserEntity } from '../users/entities/user.entity';
import { NEW_ACCOUNT_VIEW_IDS } from '../views/system-views';
import { ViewsService, type AccountRef } from '../views/views.service';
import { AccountEntity } from './entities/account.entity';
import { AccountHolderEntity } from './entities/account-holder.entity';
import { AccountRoutingEntity } from './entities/account-routing.entity';

/** isValidID: what OBP allows in an ACCOUNT_ID (and the other ids clients choose). */
const ACCOUNT_ID_SYNTAX = /^[A-Za-z0-9\-._]{1,255}$/;

/** Currencies OBP accepts: ISO 4217 plus XBT. */
const CURRENCIES = new Set([...Intl.supportedValuesOf('currency'), 'XBT']);

export interface Routing {
  scheme: string;
  address: string;
}

/** An account with what every account JSON shows next to it. */
export interface AccountDetails {
  account: AccountEntity;
  routings: Routing[];
  owners: UserEntity[];
}

export interface NewAccount {
  /** "" = the caller. */
  userId: string;
  label: string;
  accountType: string;
  currency: string;
  amount: string;
  branchId: string;
  routings: Routing[];
}

/** Accounts: lookup (404 OBP-30018), creation, and the lists of accounts a user can see. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(AccountRoutingEntity) private readonly routings: Repository<AccountRoutingEntity>,
    @InjectRepository(AccountHolderEntity) private readonly holders: Repository<AccountHolderEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: ViewsService,
  ) {}

  /** `notFoundStatus`: OBP's old-style endpoints answer a missing account with 400 instead of 404. */
  async getAccount(ref: AccountRef, notFoundStatus?: number): Promise<AccountEntity> {
    const account = await this.accounts.findOneBy({ bankId: ref.bankId, accountId: ref.accountId });
    if (!account) throw ObpException.of('BankAccountNotFound', `Current BANK_ID = ${ref.bankId}, ACCOUNT_ID = ${ref.accountId}`, notFoundStatus);
    return account;
  }

  async exists(ref: AccountRef): Promise<boolean> {
    return this.accounts.existsBy({ bankId: ref.bankId, accountId: ref.accountId });
  }

  assertAccountIdSyntax(accountId: string): void {
    if (!ACCOUNT_ID_SYNTAX.test(accountId)) throw ObpException.of('InvalidAccountIdFormat');
  }

  /** Routings and owners for many accounts in two queries (no N+1). */
  async details(accounts: AccountEntity[]): Promise<AccountDetails[]> {
    if (accounts.length === 0) return [];
    const keys = accounts.map((account) => `${account.bankId}\u0000${account.accountId}`);
    const bankIds = [...new Set(accounts.map((account) => account.bankId))];
    const accountIds = [...new Set(accounts.map((account) => account.accountId))];
    const [routings, holders] = await Promise.all([
      this.routings.find({ where: { bankId: In(bankIds), accountId: In(accountIds) }, order: { scheme: 'ASC' } }),
      this.holders.find({
        where: { bankId: In(bankIds), accountId: In(accountIds) },
        relations: { user: true },
        order: { createdAt: 'ASC', creationSeq: 'ASC' },
      }),
    ]);
    const wanted = new Set(keys);
    const byKey = <T extends { bankId: string; accountId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) {
        const key = `${row.bankId}\u0000${row.accountId}`;
        if (wanted.has(key)) map.set(key, [...(map.get(key) ?? []), row]);
      }
      return map;
    };
    const routingsByKey = byKey(routings);
    const holdersByKey = byKey(holders);
    return accounts.map((account, index) => ({
      account,
      routings: (routingsByKey.get(keys[index]) ?? []).map(({ scheme, address }) => ({ scheme, address })),
      owners: (holdersByKey.get(keys[index]) ?? []).map((holder) => holder.user).filter((user): user is UserEntity => !!user),
    }));
  }

  /**
   * Accounts on which the user holds at least one private view, with those views' ids; one query.
   * `bankId` undefined = every bank.
   */
  async accountsWithPrivateViews(userId: string, bankId?: string): Promise<{ account: AccountEntity; viewIds: string[] }[]> {
    const rows: { bank_id: string; account_id: string; view_ids: string[] }[] = await this.dataSource.query(
      `SELECT aa.bank_id, aa.account_id, array_agg(aa.view_id ORDER BY aa.created_at, aa.view_id) AS view_ids
         FROM account_access aa
         LEFT JOIN custom_views cv ON cv.bank_id = aa.bank_id AND cv.account_id = aa.account_id AND cv.view_id = aa.view_id
        WHERE aa.user_id = $1 AND ($2::text IS NULL OR aa.bank_id = $2) AND NOT COALESCE(cv.is_public, false)
        GROUP BY aa.bank_id, aa.account_id
        ORDER BY aa.bank_id, aa.account_id`,
      [userId, bankId ?? null],
    );
    if (rows.length === 0) return [];
    const accounts = await this.accounts.find({ where: rows.map((row) => ({ bankId: row.bank_id, accountId: row.account_id })) });
    const byKey = new Map(accounts.map((account) => [`${account.bankId}\u0000${account.accountId}`, account]));
    return rows.flatMap((row) => {
      const account = byKey.get(`${row.bank_id}\u0000${row.account_id}`);
      return account ? [{ account, viewIds: row.view_ids }] : [];
    });
  }

  /** Accounts at the bank the user holds (account_holders), not those merely shared with them; by ACCOUNT_ID. */
  async accountsHeld(userId: string, bankId: string): Promise<AccountDetails[]> {
    const held = await this.holders.find({ where: { userId, bankId }, relations: { account: true }, order: { accountId: 'ASC' } });
    return this.details(held.flatMap((holder) => (holder.account ? [holder.account] : [])));
  }

  /**
   * Creates an account with a zero balance for the caller or, with CanCreateAccount at the bank,
   * for another user; the owner becomes its holder and gets the new-account views. Checks run in
   * OBP's order; everything is written in one transaction.
   */
  async create(auth: AuthContext, bankId: string, accountId: string, input: NewAccount): Promise<AccountDetails> {
    this.assertAccountIdSyntax(accountId);
    const ownerId = input.userId || auth.user.userId;
    const owner = await this.findUser(ownerId);
    this.assertMayCreateFor(auth, bankId, owner.userId);
    const currency = input.currency.toUpperCase();
    const balance = toMinorUnits(input.amount, currency);
    if (balance === undefined) throw ObpException.of('InvalidAccountInitialBalance');
    if (BigInt(balance) !== 0n) throw ObpException.of('InitialBalanceMustBeZero');
    if (!CURRENCIES.has(currency)) throw ObpException.of('InvalidISOCurrencyCode', `Current value: ${input.currency.slice(0, 20)}`);
    const routings = input.routings.filter((routing) => routing.scheme !== '' || routing.address !== '');
    if (new Set(routings.map((routing) => routing.scheme)).size !== routings.length) throw ObpException.of('AccountRoutingsDuplicated');
    await this.assertRoutingsFree(bankId, routings);

    try {
      await this.dataSource.transaction(async (manager) => {
        const number = await this.freeAccountNumber(manager, bankId);
        await manager.insert(AccountEntity, {
          bankId,
          accountId,
          number,
          label: input.label,
          accountType: input.accountType,
          currency,
          balance: '0',
          branchId: input.branchId,
        });
        if (routings.length)
          await manager.insert(
            AccountRoutingEntity,
            routings.map((routing) => ({ bankId, accountId, ...routing })),
          );
        await manager.insert(AccountHolderEntity, { bankId, accountId, userId: owner.userId });
        await this.views.grant(owner.userId, { bankId, accountId }, NEW_ACCOUNT_VIEW_IDS, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'account_routings_bank_scheme_address_key')) throw ObpException.of('AccountRoutingAlreadyExist');
      if (isUniqueViolation(error)) throw ObpException.of('AccountIdAlreadyExists');
      throw error;
    }
    const [details] = await this.details([await this.getAccount({ bankId, accountId })]);
    return details;
  }

  /** Accounts for oneself need no role; for someone else CanCreateAccount at the bank (OBP's message). */
  assertMayCreateFor(auth: AuthContext, bankId: string, ownerId: string): void {
    if (ownerId !== auth.user.userId && !holdsRole(auth, 'CanCreateAccount', bankId)) {
      throw ObpException.of('UserHasMissingRoles', ' CanCreateAccount or create account for self');
    }
  }

  /** A new id for POST /banks/BANK_ID/accounts. */
  newAccountId(): string {
    return randomUUID();
  }

  /** Makes `userId` a holder of an existing account (idempotent PUT of the v2.x forms). */
  async addHolder(ref: AccountRef, userId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AccountHolderEntity)
      .values({ ...ref, userId })
      .orIgnore()
      .execute();
  }

  async findUser(userId: string): Promise<UserEntity> {
    const user = /^[0-9a-f-]{36}$/i.test(userId) ? await this.users.findOneBy({ userId }) : null;
    if (!user || user.deletedAt) throw ObpException.of('UserNotFoundById', `Current USER_ID(${userId.slice(0, 64)})`, 404);
    return user;
  }

  /** A user by (provider, provider_id), as the v1.2.1 permission URLs name them. */
  async findUserByProvider(provider: string, providerId: string): Promise<UserEntity | null> {
    const user = await this.users.findOneBy({ provider, providerId });
    return user && !user.deletedAt ? user : null;
  }

  private async assertRoutingsFree(bankId: string, routings: Routing[]): Promise<void> {
    if (routings.length === 0) return;
    const taken = await this.routings.find({ where: routings.map((routing) => ({ bankId, scheme: routing.scheme, address: routing.address })) });
    if (taken.length) {
      throw ObpException.of('AccountRoutingAlreadyExist', taken.map((row) => `(bankId: ${bankId}, scheme: ${row.scheme}, address: ${row.address})`).join('; '));
    }
  }

  /** A random 9-digit account number not yet used at the bank. */
  private async freeAccountNumber(manager: EntityManager, bankId: string): Promise<string> {
    for (;;) {
      const number = String(randomInt(100_000_000, 1_000_000_000));
      if (!(await manager.existsBy(AccountEntity, { bankId, number }))) return number;
    }
  }
}
