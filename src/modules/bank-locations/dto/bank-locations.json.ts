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
