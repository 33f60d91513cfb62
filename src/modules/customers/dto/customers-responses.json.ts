import { ApiProperty } from '@nestjs/swagger';
import { AmountOfMoneyJson, CustomerCreditRatingJson } from './customer-parts.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class FaceImageResponseJson {
  @ApiProperty({ example: 'www.openbankproject' }) url: string;
  @ApiProperty({ type: String, nullable: true, example: '2024-10-16T10:28:22Z' }) date: string | null;
}

export class CustomerJsonV140 {
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: 'Eveline Tripman' }) legal_name: string;
  @ApiProperty({ example: '+44 07972 444 876' }) mobile_phone_number: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ type: () => FaceImageResponseJson }) face_image: FaceImageResponseJson;
  @ApiProperty({ type: String, nullable: true, example: '2024-10-16T10:28:22Z' }) date_of_birth: string | null;
  @ApiProperty({ example: 'single' }) relationship_status: string;
  @ApiProperty({ type: 'integer', example: 1 }) dependants: number;
  @ApiProperty({ type: [String], example: ['2024-10-16T10:28:22Z'] }) dob_of_dependants: string[];
  @ApiProperty({ example: 'Master' }) highest_education_attained: string;
  @ApiProperty({ example: 'worker' }) employment_status: string;
  @ApiProperty({ example: false }) kyc_status: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2023-10-16T00:00:00Z' }) last_ok_date: string | null;
}

export class CustomerJsonV210 {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: 'Eveline Tripman' }) legal_name: string;
  @ApiProperty({ example: '+44 07972 444 876' }) mobile_phone_number: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ type: () => FaceImageResponseJson }) face_image: FaceImageResponseJson;
  @ApiProperty({ type: String, nullable: true, example: '2024-10-16T10:28:22Z' }) date_of_birth: string | null;
  @ApiProperty({ example: 'single' }) relationship_status: string;
  @ApiProperty({ type: 'integer', example: 1 }) dependants: number;
  @ApiProperty({ type: [String], example: ['2024-10-16T10:28:22Z'] }) dob_of_dependants: string[];
  @ApiProperty({ type: () => CustomerCreditRatingJson }) credit_rating: CustomerCreditRatingJson;
  @ApiProperty({ type: () => AmountOfMoneyJson }) credit_limit: AmountOfMoneyJson;
  @ApiProperty({ example: 'Master' }) highest_education_attained: string;
  @ApiProperty({ example: 'worker' }) employment_status: string;
  @ApiProperty({ example: false }) kyc_status: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2023-10-16T00:00:00Z' }) last_ok_date: string | null;
}

export class CustomerJsonV310 {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: 'Eveline Tripman' }) legal_name: string;
  @ApiProperty({ example: '+44 07972 444 876' }) mobile_phone_number: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ type: () => FaceImageResponseJson }) face_image: FaceImageResponseJson;
  @ApiProperty({ type: String, nullable: true, example: '2024-10-16T10:28:22Z' }) date_of_birth: string | null;
  @ApiProperty({ example: 'single' }) relationship_status: string;
  @ApiProperty({ type: 'integer', example: 1 }) dependants: number;
  @ApiProperty({ type: [String], example: ['2024-10-16T10:28:22Z'] }) dob_of_dependants: string[];
  @ApiProperty({ type: () => CustomerCreditRatingJson }) credit_rating: CustomerCreditRatingJson;
  @ApiProperty({ type: () => AmountOfMoneyJson }) credit_limit: AmountOfMoneyJson;
  @ApiProperty({ example: 'Master' }) highest_education_attained: string;
  @ApiProperty({ example: 'worker' }) employment_status: string;
  @ApiProperty({ example: false }) kyc_status: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2023-10-16T00:00:00Z' }) last_ok_date: string | null;
  @ApiProperty({ example: 'Dr.' }) title: string;
  @ApiProperty({ example: 'DERBY6' }) branch_id: string;
  @ApiProperty({ example: 'Sr' }) name_suffix: string;
}

export class CustomerAttributeJsonV310 {
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_attribute_id: string;
  @ApiProperty({ example: 'SPECIAL_TAX_NUMBER' }) name: string;
  @ApiProperty({ example: 'STRING' }) type: string;
  @ApiProperty({ example: '123456789' }) value: string;
}

export class CustomerWithAttributesJsonV310 {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: 'Eveline Tripman' }) legal_name: string;
  @ApiProperty({ example: '+44 07972 444 876' }) mobile_phone_number: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ type: () => FaceImageResponseJson }) face_image: FaceImageResponseJson;
  @ApiProperty({ type: String, nullable: true, example: '1980-05-06T00:00:00Z' }) date_of_birth: string | null;
  @ApiProperty({ example: 'single' }) relationship_status: string;
  @ApiProperty({ type: 'integer', example: 1 }) dependants: number;
  @ApiProperty({ type: [String], example: ['2010-01-01T00:00:00Z'] }) dob_of_dependants: string[];
  @ApiProperty({ type: () => CustomerCreditRatingJson }) credit_rating: CustomerCreditRatingJson;
  @ApiProperty({ type: () => AmountOfMoneyJson }) credit_limit: AmountOfMoneyJson;
  @ApiProperty({ example: 'Master' }) highest_education_attained: string;
  @ApiProperty({ example: 'worker' }) employment_status: string;
  @ApiProperty({ example: false }) kyc_status: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2023-10-16T00:00:00Z' }) last_ok_date: string | null;
  @ApiProperty({ example: 'Dr.' }) title: string;
  @ApiProperty({ example: 'DERBY6' }) branch_id: string;
  @ApiProperty({ example: 'Sr' }) name_suffix: string;
  @ApiProperty({ type: () => [CustomerAttributeJsonV310] }) customer_attributes: CustomerAttributeJsonV310[];
}

export class CustomerJSONs {
  @ApiProperty({ type: () => [CustomerJsonV210] }) customers: CustomerJsonV210[];
}

export class CustomersJsonV140 {
  @ApiProperty({ type: () => [CustomerJsonV140] }) customers: CustomerJsonV140[];
}

export class CustomersWithAttributesJsonV300 {
  @ApiProperty({ type: () => [CustomerWithAttributesJsonV310] }) customers: CustomerWithAttributesJsonV310[];
}

export class CustomerIdJsonV510 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
}

export class CustomerIdsJsonV510 {
  @ApiProperty({ type: () => [CustomerIdJsonV510] }) customers: CustomerIdJsonV510[];
}

export class CustomersJsonV300 {
  @ApiProperty({ type: () => [CustomerJsonV310] }) customers: CustomerJsonV310[];
}

export class CustomerMinimalJsonV300 {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
}

export class CustomersMinimalJsonV300 {
  @ApiProperty({ type: () => [CustomerMinimalJsonV300] }) customers: CustomerMinimalJsonV300[];
}
