import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { UsersModule } from '../users/users.module';
import { UserCustomerLinksController } from './user-customer-links.controller';
import { UserCustomerLinksService } from './user-customer-links.service';

@Module({
  imports: [CustomersModule, UsersModule],
  controllers: [UserCustomerLinksController],
  providers: [UserCustomerLinksService],
})
export class UserCustomerLinksModule {}
