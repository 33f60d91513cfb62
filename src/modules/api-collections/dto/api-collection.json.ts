import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** PostApiCollectionJson400. Lengths (name 100, description 2000) are checked by the service: OBP answers OBP-30080 there. */
export class PostApiCollectionJson400 {
  @ApiProperty({ example: 'Favourites', maxLength: 100 }) @IsString() @IsNotEmpty() api_collection_name: string;
  @ApiProperty({ example: true }) @IsBoolean() is_sharable: boolean;
  @ApiPropertyOptional({ example: 'The endpoints I use every day.', maxLength: 2000 }) @IsOptional() @IsString() description?: string;
}

export class ApiCollectionJson400 {
  @ApiProperty({ example: '7a1f3c52-6d02-40e3-a129-0b2bf89de8a1' }) api_collection_id: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: 'Favourites' }) api_collection_name: string;
  @ApiProperty({ example: true }) is_sharable: boolean;
  @ApiProperty({ example: 'The endpoints I use every day.' }) description: string;
}

export class ApiCollectionsJson400 {
  @ApiProperty({ type: [ApiCollectionJson400] }) api_collections: ApiCollectionJson400[];
}

/** PostApiCollectionEndpointJson400: an operation id this server documents, e.g. OBPv4.0.0-getBanks. */
export class PostApiCollectionEndpointJson400 {
  @ApiProperty({ example: 'OBPv4.0.0-getBanks' }) @IsString() operation_id: string;
}

export class ApiCollectionEndpointJson400 {
  @ApiProperty({ example: '8b2e4d63-6d02-40e3-a129-0b2bf89de8b2' }) api_collection_endpoint_id: string;
  @ApiProperty({ example: '7a1f3c52-6d02-40e3-a129-0b2bf89de8a1' }) api_collection_id: string;
  @ApiProperty({ example: 'OBPv4.0.0-getBanks' }) operation_id: string;
}

export class ApiCollectionEndpointsJson400 {
  @ApiProperty({ type: [ApiCollectionEndpointJson400] }) api_collection_endpoints: ApiCollectionEndpointJson400[];
}
