import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycMediaEntity } from './entities/kyc-media.entity';
import { KycStatusEntity } from './entities/kyc-status.entity';
import { KycController } from './kyc.controller';
import { KycService } from './kyc.service';

@Module({
  imports: [CustomersModule, TypeOrmModule.forFeature([KycDocumentEntity, KycCheckEntity, KycMediaEntity, KycStatusEntity])],
  controllers: [KycController],
  providers: [KycService],
})
export class KycModule {}
