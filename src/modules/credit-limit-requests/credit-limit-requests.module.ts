import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { CreditLimitRequestsController } from './credit-limit-requests.controller';
import { CreditLimitRequestsService } from './credit-limit-requests.service';
import { CreditLimitRequestEntity } from './entities/credit-limit-request.entity';

@Module({
  imports: [CustomersModule, TypeOrmModule.forFeature([CreditLimitRequestEntity])],
  controllers: [CreditLimitRequestsController],
  providers: [CreditLimitRequestsService],
})
export class CreditLimitRequestsModule {}
