import { Inject, Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/postgres-errors';
import { AccountEntity } from '../accounts/entities/account.entity';
import { AccountHolderEntity } from '../accounts/entities/account-holder.entity';
import { AccountRoutingEntity } from '../accounts/entities/account-routing.entity';
import { hashSecret } from '../auth/password-hasher';
import { LocalIdentityProvider } from '../identity-provider/local-identity-provider';
import { BankEntity } from '../banks/entities/bank.entity';
import { CounterpartyMetadataService } from '../counterparties/counterparty-metadata.service';
import { CrmEventEntity } from '../crm-events/entities/crm-event.entity';
import { TransactionEntity } from '../transactions/entities/transaction.entity';
import { UserEntity, type LoginStateColumns } from '../users/entities/user.entity';
import { CustomViewEntity } from '../views/entities/custom-view.entity';
import { ViewsService } from '../views/views.service';
import type { SandboxDataImport } from './dto/sandbox-import.json';
import { AtmEntity } from './entities/atm.entity';
import { BranchEntity } from './entities/branch.entity';
import { ProductEntity } from './entities/product.entity';
import { buildImportPlan, countsOf, type ImportCounts } from './sandbox-import.plan';
import { SandboxImportRepository } from './sandbox-import.repository';
import { validateSandboxImport } from './sandbox-import.validator';

/** Called as each step starts: `done` of `total` steps are finished. */
export type ImportProgress = (step: { label: string; done: number; total: number }) => void;

const STEPS = [
  'checking',
  'hashing passwords',
  'banks',
  'users',
  'accounts',
  'account access',
  'transactions',
  'counterparties',
  'branches',
  'ATMs',
  'products',
  'CRM events',
  'committing',
] as const;

/**
 * The sandbox data import (sandbox_import.md): validate everything against the payload and the
 * database, then write it all in one transaction with multi-row inserts. Used by
 * POST /sandbox/data-import and by `npm run obp -- import`.
 */
@Injectable()
export class SandboxImportService {
  constructor(
    private readonly repository: SandboxImportRepository,
    private readonly views: ViewsService,
    private readonly counterparties: CounterpartyMetadataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly localIdentityProvider: LocalIdentityProvider,
  ) {}

  /** Imports a parsed payload (see parseSandboxImport); 400 OBP-30094 / OBP-30207 naming the offending items, nothing written. */
  async importData(data: SandboxDataImport, onProgress: ImportProgress = () => undefined): Promise<ImportCounts> {
    const step = (label: (typeof STEPS)[number]) => onProgress({ label, done: STEPS.indexOf(label), total: STEPS.length });
    step('checking');
    const localProvider = this.localIdentityProvider.value;
    validateSandboxImport(data, await this.repository.lookup(data, localProvider));
    const plan = buildImportPlan(data, {
      localProvider,
      allowAccountFirehose: this.config.features.allowAccountFirehose,
      allowPublicViews: this.config.features.allowPublicViews,
    });

    // Hashing runs on libuv's thread pool, all users at once, before the transaction opens.
    step('hashing passwords');
    const hashes = await Promise.all(plan.users.map((user) => hashSecret(user.password)));
    const users: Omit<UserEntity, 'createdAt' | LoginStateColumns>[] = plan.users.map((user, i) => ({ ...user.row, passwordHash: hashes[i] }));

    try {
      await this.repository.inTransaction(async (manager) => {
        const insert = this.repository.insertAll.bind(this.repository, manager);
        step('banks');
        await insert(BankEntity, plan.banks);
        step('users');
        await insert(UserEntity, users);
        step('accounts');
        await insert(AccountEntity, plan.accounts);
        await insert(AccountRoutingEntity, plan.routings);
        await insert(AccountHolderEntity, plan.holders);
        step('account access');
        for (const grant of plan.grants) await this.views.grant(grant.userId, grant.account, grant.viewIds, manager);
        await insert(CustomViewEntity, plan.customViews);
        step('transactions');
        await insert(TransactionEntity, plan.transactions);
        step('counterparties');
        await this.counterparties.ensure(plan.counterparties, manager);
        step('branches');
        await insert(BranchEntity, plan.branches);
        step('ATMs');
        await insert(AtmEntity, plan.atms);
        step('products');
        await insert(ProductEntity, plan.products);
        step('CRM events');
        await insert(CrmEventEntity, plan.crmEvents);
        step('committing');
      });
    } catch (error) {
      throw concurrentWriteConflict(error) ?? error;
    }
    onProgress({ label: 'done', done: STEPS.length, total: STEPS.length });
    return countsOf(plan);
  }
}

/**
 * The checks ran before the transaction; a row created meanwhile by someone else (same bank id,
 * user name, ...) trips a constraint. That is still the client's conflict, not a server error.
 */
function concurrentWriteConflict(error: unknown): ObpException | undefined {
  if (!(error instanceof QueryFailedError) || !(isUniqueViolation(error) || isForeignKeyViolation(error))) return undefined;
  const constraint = (error.driverError as { constraint?: string }).constraint ?? 'unknown';
  return ObpException.of('SandboxDataImportRefused', ` data written while the import ran conflicts with it (constraint ${constraint}); nothing was imported`);
}
