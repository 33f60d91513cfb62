import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../users/entities/user.entity';
import { AccountAccessController } from '../views/account-access.controller';
import { ViewsController } from '../views/views.controller';
import { ViewsModule } from '../views/views.module';
import { AccountListsController } from './account-lists.controller';
import { AccountGuard, AccountViewGuard } from './account-view.guard';
import { AccountsController } from './accounts.controller';
import { CoreAccountsController } from './core-accounts.controller';
import { AccountsService } from './accounts.service';
import { AccountEntity } from './entities/account.entity';
import { AccountHolderEntity } from './entities/account-holder.entity';
import { AccountRoutingEntity } from './entities/account-routing.entity';

/**
 * Accounts, plus the view endpoints that hang on an account (views list, custom views, account
 * access): they need the account guard, and keeping them here leaves ViewsModule account-free.
 */
@Module({
  imports: [ViewsModule, TypeOrmModule.forFeature([AccountEntity, AccountRoutingEntity, AccountHolderEntity, UserEntity])],
  controllers: [AccountsController, AccountListsController, CoreAccountsController, ViewsController, AccountAccessController],
  providers: [AccountsService, AccountViewGuard, AccountGuard],
  exports: [AccountsService, AccountViewGuard, AccountGuard, ViewsModule],
})
export class AccountsModule {}
