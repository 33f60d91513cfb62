import { ApiProperty } from '@nestjs/swagger';
import { CustomerAttributeJsonV310 } from '../../customers/dto/customers-responses.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class CustomerAttributesResponseJson {
  @ApiProperty({ type: () => [CustomerAttributeJsonV310] }) customer_attributes: CustomerAttributeJsonV310[];
}

export class TemplateAttributeDefinitionResponseJsonV400 {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) attribute_definition_id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: 'SPECIAL_TAX_NUMBER' }) name: string;
  @ApiProperty({ example: 'Customer' }) category: string;
  @ApiProperty({ example: 'STRING' }) type: string;
  @ApiProperty({ example: 'description' }) description: string;
  @ApiProperty({ example: 'STRING' }) alias: string;
  @ApiProperty({ type: [String], example: ['bank'] }) can_be_seen_on_views: string[];
  @ApiProperty({ example: true }) is_active: boolean;
}

export class CustomerAttributeDefinitionsResponseJsonV400 {
  @ApiProperty({ type: () => [TemplateAttributeDefinitionResponseJsonV400] }) attributes: TemplateAttributeDefinitionResponseJsonV400[];
}
