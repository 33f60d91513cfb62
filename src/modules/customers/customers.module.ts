import { Module } from '@nestjs/common';
import { PgQueries } from '../../database/pg-queries';
import { UsersModule } from '../users/users.module';
import { CustomerAttributesReader } from './customer-attributes.reader';
import { CustomerUpdatesController } from './customer-updates.controller';
import { CustomersCreateController } from './customers-create.controller';
import { CustomersListController } from './customers-list.controller';
import { CustomersReadController } from './customers-read.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

@Module({
  imports: [UsersModule],
  controllers: [CustomersCreateController, CustomersReadController, CustomerUpdatesController, CustomersListController],
  providers: [PgQueries, CustomersRepository, CustomersService, CustomerAttributesReader],
  exports: [CustomersService, CustomersRepository, CustomerAttributesReader],
})
export class CustomersModule {}
