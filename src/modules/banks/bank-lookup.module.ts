import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BankLookupService } from './bank-lookup.service';
import { BankEntity } from './entities/bank.entity';

/** The BANK_ID check, separate from the banks feature so the access guard can use it. */
@Module({
  imports: [TypeOrmModule.forFeature([BankEntity])],
  providers: [BankLookupService],
  exports: [BankLookupService],
})
export class BankLookupModule {}
