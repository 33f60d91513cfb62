import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CounterpartiesModule } from '../counterparties/counterparties.module';
import { ViewsModule } from '../views/views.module';
import { AtmEntity } from './entities/atm.entity';
import { BranchEntity } from './entities/branch.entity';
import { ProductEntity } from './entities/product.entity';
import { SandboxImportController } from './sandbox-import.controller';
import { SandboxImportRepository } from './sandbox-import.repository';
import { SandboxImportService } from './sandbox-import.service';

/** The sandbox data import (POST /sandbox/data-import and `npm run obp -- import`). */
@Module({
  imports: [ViewsModule, CounterpartiesModule, TypeOrmModule.forFeature([BranchEntity, AtmEntity, ProductEntity])],
  controllers: [SandboxImportController],
  providers: [SandboxImportService, SandboxImportRepository],
  exports: [SandboxImportService],
})
export class SandboxModule {}
