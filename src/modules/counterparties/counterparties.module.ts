import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { CounterpartyLocationEntity } from '../counterparty-metadata/entities/counterparty-location.entity';
import { TransactionEntity } from '../transactions/entities/transaction.entity';
import { CounterpartiesController } from './counterparties.controller';
import { CounterpartyMetadataService } from './counterparty-metadata.service';
import { CounterpartyEntity } from './entities/counterparty.entity';
import { CounterpartyMetadataEntity } from './entities/counterparty-metadata.entity';
import { OtherAccountsService } from './other-accounts.service';

@Module({
  imports: [AccountsModule, TypeOrmModule.forFeature([CounterpartyEntity, CounterpartyMetadataEntity, CounterpartyLocationEntity, TransactionEntity])],
  controllers: [CounterpartiesController],
  providers: [CounterpartyMetadataService, OtherAccountsService],
  exports: [CounterpartyMetadataService, OtherAccountsService],
})
export class CounterpartiesModule {}
