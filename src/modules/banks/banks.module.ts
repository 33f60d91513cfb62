import { Module } from '@nestjs/common';
import { BanksController } from './banks.controller';
import { BanksService } from './banks.service';

/** Bank endpoints (the BANK_ID check itself lives in BankLookupModule, used by the access guard). */
@Module({ controllers: [BanksController], providers: [BanksService] })
export class BanksModule {}
