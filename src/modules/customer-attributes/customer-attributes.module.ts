import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { AttributeDefinitionsController } from './attribute-definitions.controller';
import { CustomerAttributesController } from './customer-attributes.controller';
import { CustomerAttributesService } from './customer-attributes.service';

@Module({
  imports: [CustomersModule],
  controllers: [CustomerAttributesController, AttributeDefinitionsController],
  providers: [CustomerAttributesService],
})
export class CustomerAttributesModule {}
