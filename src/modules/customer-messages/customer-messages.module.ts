import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { CustomerMessagesController } from './customer-messages.controller';
import { CustomerMessagesService } from './customer-messages.service';
import { CustomerMessageEntity } from './entities/customer-message.entity';

@Module({
  imports: [CustomersModule, TypeOrmModule.forFeature([CustomerMessageEntity])],
  controllers: [CustomerMessagesController],
  providers: [CustomerMessagesService],
})
export class CustomerMessagesModule {}
