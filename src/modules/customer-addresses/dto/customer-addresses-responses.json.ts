import { ApiProperty } from '@nestjs/swagger';
import { SocialMediaJson } from './customer-address.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class CustomerAddressJsonV310 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) customer_address_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: 'No 1 the Road' }) line_1: string;
  @ApiProperty({ example: 'The Place' }) line_2: string;
  @ApiProperty({ example: 'The Hill' }) line_3: string;
  @ApiProperty({ example: 'Berlin' }) city: string;
  @ApiProperty({ example: 'Derbyshire' }) county: string;
  @ApiProperty({ example: 'Brandenburg' }) state: string;
  @ApiProperty({ example: '13359' }) postcode: string;
  @ApiProperty({ example: 'DE' }) country_code: string;
  @ApiProperty({ type: [String], example: ['mailing'] }) tags: string[];
  @ApiProperty({ example: 'OK' }) status: string;
  @ApiProperty({ example: '2026-12-07T03:51:53Z' }) insert_date: string;
}

export class CustomerAddressesJsonV310 {
  @ApiProperty({ type: () => [CustomerAddressJsonV310] }) addresses: CustomerAddressJsonV310[];
}

export class TaxResidenceV310 {
  @ApiProperty({ example: 'Enter some domain' }) domain: string;
  @ApiProperty({ example: 'Enter some number' }) tax_number: string;
  @ApiProperty({ example: '902ba3bb-dedd-45e7-9319-2fd3f2cd98a1' }) tax_residence_id: string;
}

export class TaxResidencesJsonV310 {
  @ApiProperty({ type: () => [TaxResidenceV310] }) tax_residence: TaxResidenceV310[];
}

export class SocialMediasJSON {
  @ApiProperty({ type: () => [SocialMediaJson] }) checks: SocialMediaJson[];
}
