import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { CounterpartiesModule } from '../counterparties/counterparties.module';
import { CounterpartyMetadataEntity } from '../counterparties/entities/counterparty-metadata.entity';
import { CounterpartyMetadataController } from './counterparty-metadata.controller';
import { CounterpartyMetadataWriter } from './counterparty-metadata-writer.service';
import { CounterpartyLocationEntity } from './entities/counterparty-location.entity';

@Module({
  imports: [AccountsModule, CounterpartiesModule, TypeOrmModule.forFeature([CounterpartyMetadataEntity, CounterpartyLocationEntity])],
  controllers: [CounterpartyMetadataController],
  providers: [CounterpartyMetadataWriter],
})
export class CounterpartyMetadataModule {}
