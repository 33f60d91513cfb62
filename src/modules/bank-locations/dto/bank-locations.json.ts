import { ApiProperty } from '@nestjs/swagger';

// Response shapes, named as OBP names them.

export class AddressJsonV300 {
  @ApiProperty({ example: 'No 1 the Road' }) line_1: string;
  @ApiProperty({ example: 'The Place' }) line_2: string;
  @ApiProperty({ example: 'The Hill' }) line_3: string;
  @ApiProperty({ example: 'Berlin' }) city: string;
  @ApiProperty({ example: '' }) county: string;
  @ApiProperty({ example: 'Brandenburg' }) state: string;
  @ApiProperty({ example: '13359' }) postcode: string;
  @ApiProperty({ example: 'DE' }) country_code: string;
}

export class LocationJsonV140 {
  @ApiProperty({ example: 52.5 }) latitude: number;
  @ApiProperty({ example: 13.4 }) longitude: number;
}

export class LicenseJsonV140 {
  @ApiProperty({ example: 'ODbL-1.0' }) id: string;
  @ApiProperty({ example: 'Open Database License' }) name: string;
}

export class MetaJsonV140 {
  @ApiProperty({ type: LicenseJsonV140 }) license: LicenseJsonV140;
}

export class OpeningTimesV300 {
  @ApiProperty({ example: '10:00' }) opening_time: string;
  @ApiProperty({ example: '18:00' }) closing_time: string;
}

export class LobbyJsonV330 {
  @ApiProperty({ type: [OpeningTimesV300] }) monday: OpeningTimesV300[];
  @ApiProperty({ type: [OpeningTimesV300] }) tuesday: OpeningTimesV300[];
  @ApiProperty({ type: [OpeningTimesV300] }) wednesday: OpeningTimesV300[];
  @ApiProperty({ type: [OpeningTimesV300] }) thursday: OpeningTimesV300[];
  @ApiProperty({ type: [OpeningTimesV300] }) friday: OpeningTimesV300[];
  @ApiProperty({ type: [OpeningTimesV300] }) saturday: OpeningTimesV300[];
  @ApiProperty({ type: [OpeningTimesV300] }) sunday: OpeningTimesV300[];
}

export class DriveUpJsonV330 {
  @ApiProperty({ type: OpeningTimesV300 }) monday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) tuesday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) wednesday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) thursday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) friday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) saturday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) sunday: OpeningTimesV300;
}

export class BranchRoutingJsonV141 {
  @ApiProperty({ example: 'BRANCH-CODE' }) scheme: string;
  @ApiProperty({ example: 'DERBY6' }) address: string;
}

export class BranchJsonV300 {
  @ApiProperty({ example: 'branch-id-123' }) id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: 'Head Office' }) name: string;
  @ApiProperty({ type: AddressJsonV300 }) address: AddressJsonV300;
  @ApiProperty({ type: LocationJsonV140 }) location: LocationJsonV140;
  @ApiProperty({ type: MetaJsonV140 }) meta: MetaJsonV140;
  @ApiProperty({ type: LobbyJsonV330 }) lobby: LobbyJsonV330;
  @ApiProperty({ type: DriveUpJsonV330 }) drive_up: DriveUpJsonV330;
  @ApiProperty({ type: BranchRoutingJsonV141 }) branch_routing: BranchRoutingJsonV141;
  @ApiProperty({ example: 'true' }) is_accessible: string;
  @ApiProperty({ example: 'wheelchair, atm usuable by the visually impaired' }) accessibleFeatures: string;
  @ApiProperty({ example: 'Full service store' }) branch_type: string;
  @ApiProperty({ example: 'short walk to the lake from here' }) more_info: string;
  @ApiProperty({ example: '+381631954907' }) phone_number: string;
}

export class BranchesJsonV300 {
  @ApiProperty({ type: [BranchJsonV300] }) branches: BranchJsonV300[];
}

export class AtmJsonV300 {
  @ApiProperty({ example: 'atm-id-123' }) id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: 'Atm by the Lake' }) name: string;
  @ApiProperty({ type: AddressJsonV300 }) address: AddressJsonV300;
  @ApiProperty({ type: LocationJsonV140 }) location: LocationJsonV140;
  @ApiProperty({ type: MetaJsonV140 }) meta: MetaJsonV140;
  @ApiProperty({ type: OpeningTimesV300 }) monday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) tuesday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) wednesday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) thursday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) friday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) saturday: OpeningTimesV300;
  @ApiProperty({ type: OpeningTimesV300 }) sunday: OpeningTimesV300;
  @ApiProperty({ example: 'true' }) is_accessible: string;
  @ApiProperty({ example: 'Full service store' }) located_at: string;
  @ApiProperty({ example: 'short walk to the lake from here' }) more_info: string;
  @ApiProperty({ example: 'true' }) has_deposit_capability: string;
}

export class AtmsJsonV300 {
  @ApiProperty({ type: [AtmJsonV300] }) atms: AtmJsonV300[];
}

export class ProductJsonV400 {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '1234BW' }) product_code: string;
  @ApiProperty({ example: '' }) parent_product_code: string;
  @ApiProperty({ example: 'Deposit Account 1' }) name: string;
  @ApiProperty({ example: 'www.example.com/abc' }) more_info_url: string;
  @ApiProperty({ example: 'www.example.com/xyz' }) terms_and_conditions_url: string;
  @ApiProperty({ example: 'This an optional field.' }) description: string;
  @ApiProperty({ type: MetaJsonV140 }) meta: MetaJsonV140;
  @ApiProperty({ example: [], type: [Object], required: false, description: 'one product only (always empty: the import stores no attributes)' })
  attributes?: unknown[];
  @ApiProperty({ example: [], type: [Object], required: false, description: 'one product only (always empty: the import stores no fees)' }) fees?: unknown[];
}

export class ProductsJsonV400 {
  @ApiProperty({ type: [ProductJsonV400] }) products: ProductJsonV400[];
}

// Older and newer shapes: v1.4.0 (branches, ATMs, products), v2.1.0 and v3.1.0 (products), v4.0.0 and v5.1.0 (ATMs).

/** v1.4.0's address: `country` (the country code), no county. */
export class AddressJsonV140 {
  @ApiProperty({ example: 'No 1 the Road' }) line_1: string;
  @ApiProperty({ example: 'The Place' }) line_2: string;
  @ApiProperty({ example: 'The Hill' }) line_3: string;
  @ApiProperty({ example: 'Berlin' }) city: string;
  @ApiProperty({ example: 'Brandenburg' }) state: string;
  @ApiProperty({ example: '13359' }) postcode: string;
  @ApiProperty({ example: 'DE' }) country: string;
}

export class HoursStringJson {
  @ApiProperty({ example: 'M-F 10am-5pm' }) hours: string;
}

export class BranchJson {
  @ApiProperty({ example: 'branch-id-123' }) id: string;
  @ApiProperty({ example: 'Head Office' }) name: string;
  @ApiProperty({ type: AddressJsonV140 }) address: AddressJsonV140;
  @ApiProperty({ type: LocationJsonV140 }) location: LocationJsonV140;
  @ApiProperty({ type: HoursStringJson }) lobby: HoursStringJson;
  @ApiProperty({ type: HoursStringJson }) drive_up: HoursStringJson;
  @ApiProperty({ type: MetaJsonV140 }) meta: MetaJsonV140;
  @ApiProperty({ type: BranchRoutingJsonV141 }) branch_routing: BranchRoutingJsonV141;
}

export class BranchesJson {
  @ApiProperty({ type: [BranchJson] }) branches: BranchJson[];
}

export class AtmJson {
  @ApiProperty({ example: 'atm-id-123' }) id: string;
  @ApiProperty({ example: 'Atm by the Lake' }) name: string;
  @ApiProperty({ type: AddressJsonV140 }) address: AddressJsonV140;
  @ApiProperty({ type: LocationJsonV140 }) location: LocationJsonV140;
  @ApiProperty({ type: MetaJsonV140 }) meta: MetaJsonV140;
}

export class AtmsJson {
  @ApiProperty({ type: [AtmJson] }) atms: AtmJson[];
}

export class ProductJson {
  @ApiProperty({ example: '1234BW' }) code: string;
  @ApiProperty({ example: 'Deposit Account 1' }) name: string;
  @ApiProperty({ example: 'Savings' }) category: string;
  @ApiProperty({ example: 'Deposit' }) family: string;
  @ApiProperty({ example: 'Deposit' }) super_family: string;
  @ApiProperty({ example: 'www.example.com/abc' }) more_info_url: string;
  @ApiProperty({ type: MetaJsonV140 }) meta: MetaJsonV140;
}

export class ProductsJson {
  @ApiProperty({ type: [ProductJson] }) products: ProductJson[];
}

export class ProductJsonV210 {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '1234BW' }) code: string;
  @ApiProperty({ example: 'Deposit Account 1' }) name: string;
  @ApiProperty({ example: 'Savings' }) category: string;
  @ApiProperty({ example: 'Deposit' }) family: string;
  @ApiProperty({ example: 'Deposit' }) super_family: string;
  @ApiProperty({ example: 'www.example.com/abc' }) more_info_url: string;
  @ApiProperty({ example: '' }) details: string;
  @ApiProperty({ example: '' }) description: string;
  @ApiProperty({ type: MetaJsonV140 }) meta: MetaJsonV140;
}

export class ProductsJsonV210 {
  @ApiProperty({ type: [ProductJsonV210] }) products: ProductJsonV210[];
}

export class ProductJsonV310 extends ProductJsonV210 {
  @ApiProperty({ example: '' }) parent_product_code: string;
  @ApiProperty({ example: [], type: [Object], required: false, description: 'one product only (always empty: the import stores no attributes)' })
  product_attributes?: unknown[];
}

export class ProductsJsonV310 {
  @ApiProperty({ type: [ProductJsonV310] }) products: ProductJsonV310[];
}

export class AtmJsonV400 extends AtmJsonV300 {
  @ApiProperty({ example: ['es', 'fr', 'de'], type: [String] }) supported_languages: string[];
  @ApiProperty({ example: ['ATBP'], type: [String] }) services: string[];
  @ApiProperty({ example: ['ATAC'], type: [String] }) accessibility_features: string[];
  @ApiProperty({ example: ['EUR'], type: [String] }) supported_currencies: string[];
  @ApiProperty({ example: ['String1'], type: [String] }) notes: string[];
  @ApiProperty({ example: ['ATBI'], type: [String] }) location_categories: string[];
  @ApiProperty({ example: '5' }) minimum_withdrawal: string;
  @ApiProperty({ example: 'DERBY6' }) branch_identification: string;
  @ApiProperty({ example: '1234' }) site_identification: string;
  @ApiProperty({ example: 'Site 1' }) site_name: string;
  @ApiProperty({ example: '1.5' }) cash_withdrawal_national_fee: string;
  @ApiProperty({ example: '2.5' }) cash_withdrawal_international_fee: string;
  @ApiProperty({ example: '0' }) balance_inquiry_fee: string;
}

export class AtmsJsonV400 {
  @ApiProperty({ type: [AtmJsonV400] }) atms: AtmJsonV400[];
}

export class AtmJsonV510 extends AtmJsonV400 {
  @ApiProperty({ example: 'Cash dispenser' }) atm_type: string;
  @ApiProperty({ example: '+381631954907' }) phone: string;
  @ApiProperty({ example: [], type: [Object], description: 'always empty: the import stores no ATM attributes' }) attributes: unknown[];
}

export class AtmsJsonV510 {
  @ApiProperty({ type: [AtmJsonV510] }) atms: AtmJsonV510[];
}
