import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { BankEntity } from '../banks/entities/bank.entity';
import { CounterpartiesModule } from '../counterparties/counterparties.module';
import { TransactionMetadataModule } from '../transaction-metadata/transaction-metadata.module';
import { TransactionEntity } from './entities/transaction.entity';
import { TransactionsController } from './transactions.controller';
import { TransactionsService } from './transactions.service';

@Module({
  imports: [AccountsModule, CounterpartiesModule, TransactionMetadataModule, TypeOrmModule.forFeature([TransactionEntity, BankEntity])],
  controllers: [TransactionsController],
  providers: [TransactionsService],
  exports: [TransactionsService],
})
export class TransactionsModule {}
