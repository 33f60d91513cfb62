import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtmEntity } from '../sandbox/entities/atm.entity';
import { BranchEntity } from '../sandbox/entities/branch.entity';
import { ProductEntity } from '../sandbox/entities/product.entity';
import { BankLocationsVersionsController } from './bank-locations-versions.controller';
import { BankLocationsController } from './bank-locations.controller';
import { BankLocationsRepository } from './bank-locations.repository';
import { BankLocationsService } from './bank-locations.service';

/** Reads of the branches, ATMs and products of a bank (written by the sandbox import). */
@Module({
  imports: [TypeOrmModule.forFeature([BranchEntity, AtmEntity, ProductEntity])],
  controllers: [BankLocationsController, BankLocationsVersionsController],
  providers: [BankLocationsService, BankLocationsRepository],
})
export class BankLocationsModule {}
