import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { CustomerAttributesService } from './customer-attributes.service';
import { AttributeDefinitionJsonV400 } from './dto/customer-attribute.json';
import type { AttributeDefinitionEntity } from './entities/attribute-definition.entity';
import { CustomerAttributeDefinitionsResponseJsonV400, TemplateAttributeDefinitionResponseJsonV400 } from './dto/customer-attributes-responses.json';
import { ValidBody } from '../../common/http/valid-body';

export function toAttributeDefinitionJson(definition: AttributeDefinitionEntity) {
  return {
    attribute_definition_id: definition.attributeDefinitionId,
    bank_id: definition.bankId,
    name: definition.name,
    category: definition.category,
    type: definition.type,
    description: definition.description,
    alias: definition.alias,
    can_be_seen_on_views: definition.canBeSeenOnViews,
    is_active: definition.isActive,
  };
}

/** Documentation of the customer attribute names a bank uses. */
@Controller()
export class AttributeDefinitionsController {
  constructor(private readonly attributes: CustomerAttributesService) {}

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-createOrUpdateCustomerAttributeAttributeDefinition',
    verb: 'PUT',
    path: '/banks/BANK_ID/attribute-definitions/customer',
    versions: since('4.0.0'),
    access: anyRole('CanCreateCustomerAttributeDefinitionAtOneBank'),
    summary: 'Create or Update Customer Attribute Definition',
    description: 'Creates the definition, or updates the one with the same name at the bank. Answers 201, as OBP does.',
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'InvalidJsonFormat'],
    successStatus: 201,
    requestBody: AttributeDefinitionJsonV400,
    responseBody: TemplateAttributeDefinitionResponseJsonV400,
  })
  async save(@Param('BANK_ID') bankId: string, @ValidBody() body: AttributeDefinitionJsonV400) {
    return toAttributeDefinitionJson(await this.attributes.saveDefinition(bankId, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCustomerAttributeDefinition',
    verb: 'GET',
    path: '/banks/BANK_ID/attribute-definitions/customer',
    versions: since('4.0.0'),
    access: anyRole('CanGetCustomerAttributeDefinitionAtOneBank'),
    summary: 'Get Customer Attribute Definition',
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles'],
    responseBody: CustomerAttributeDefinitionsResponseJsonV400,
  })
  async list(@Param('BANK_ID') bankId: string) {
    return { attributes: (await this.attributes.listDefinitions(bankId)).map(toAttributeDefinitionJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-deleteCustomerAttributeDefinition',
    responseBody: Boolean,
    verb: 'DELETE',
    path: '/banks/BANK_ID/attribute-definitions/ATTRIBUTE_DEFINITION_ID/customer',
    versions: since('4.0.0'),
    access: anyRole('CanDeleteCustomerAttributeDefinitionAtOneBank'),
    summary: 'Delete Customer Attribute Definition',
    description: 'Answers 200 with the body true, as OBP does.',
    tags: ['Customer'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'AttributeNotFound'],
    successStatus: 200,
  })
  async delete(@Param('BANK_ID') bankId: string, @Param('ATTRIBUTE_DEFINITION_ID') definitionId: string): Promise<boolean> {
    await this.attributes.deleteDefinition(bankId, definitionId);
    return true;
  }
}
