import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { CustomerAddressesController } from './customer-addresses.controller';
import { CustomerDetailsService } from './customer-details.service';
import { SocialMediaHandlesController } from './social-media-handles.controller';
import { TaxResidencesController } from './tax-residences.controller';

/** Customer addresses, tax residences and social media handles. */
@Module({
  imports: [CustomersModule],
  controllers: [CustomerAddressesController, TaxResidencesController, SocialMediaHandlesController],
  providers: [CustomerDetailsService],
})
export class CustomerAddressesModule {}
