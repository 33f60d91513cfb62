import { Controller, Param, UseGuards } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import type { HttpVerb, ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import type { ObpErrorName } from '../../common/errors/error-catalogue';
import { AccountViewGuard, ResolvedAccount, type AccountOnView } from '../accounts/account-view.guard';
import { ViewMetadataEndpoint } from '../views/view-metadata-endpoint';
import { otherAccountMetadataJson } from '../counterparties/other-account.mapper';
import { SuccessMessageJSON } from '../transaction-metadata/dto/transaction-metadata.json';
import {
  AliasJSON,
  CorporateLocationJSON,
  ImageUrlJSON,
  MoreInfoJSON,
  OpenCorporateUrlJSON,
  PhysicalLocationJSON,
  UrlJSON,
} from './dto/counterparty-metadata.json';
import { CounterpartyMetadataWriter } from './counterparty-metadata-writer.service';
import { AliasResponseJSON } from './dto/counterparty-metadata-responses.json';
import { OtherAccountMetadataJSON } from '../transactions/dto/transactions-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const BASE = '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/other_accounts/OTHER_ACCOUNT_ID';
const CHECKS: ObpErrorName[] = [
  'UserNotLoggedIn',
  'BankNotFound',
  'BankAccountNotFound',
  'UserNoPermissionAccessView',
  'InvalidConnectorResponse',
  'NoViewPermission',
];

/** Setting a public alias: 400 OBP-10035 when another counterparty of the account has it (unique per account). */
const PUBLIC_ALIAS_WRITE: Partial<ObpEndpointOptions> = {
  requestBody: AliasJSON,
  responseBody: SuccessMessageJSON,
  errors: [...CHECKS, 'InvalidJsonFormat', 'InvalidJsonValue'],
};

/** Every counterparty-metadata endpoint: v1.2.1 paths on every version, login always required. */
function Metadata(operation: string, verb: HttpVerb, path: string, summary: string, flag: string, extra: Partial<ObpEndpointOptions> = {}): MethodDecorator {
  return ViewMetadataEndpoint({
    operation,
    verb,
    path: `${BASE}${path}`,
    summary,
    description:
      `Checks, in order: login (401), bank and account (404), access to the view (403), the counterparty (400 OBP-50200), the view's can_see_other_account_metadata (not hidden behind an alias) and ${flag} (400 OBP-30022 naming the flag)` +
      (verb === 'POST' || verb === 'PUT' ? ', then the body (400 OBP-10001; latitude within ±90, longitude within ±180; URLs must parse).' : '.'),
    tag: 'Counterparty-Metadata',
    checks: CHECKS,
    extra,
  });
}

/**
 * Counterparty (other account) metadata through a view: aliases, more info, URLs and locations.
 * POST and PUT both overwrite; DELETE of a text field clears it, DELETE of a location removes it.
 */
@Controller()
@UseGuards(AccountViewGuard)
export class CounterpartyMetadataController {
  constructor(private readonly writer: CounterpartyMetadataWriter) {}

  @Metadata('getOtherAccountMetadata', 'GET', '/metadata', 'Get Other Account Metadata', 'no further flag (each field needs its can_see flag)', {
    responseBody: OtherAccountMetadataJSON,
  })
  async getOtherAccountMetadata(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string) {
    return otherAccountMetadataJson(resolved.view, await this.writer.check(resolved, id));
  }

  @Metadata('getCounterpartyPublicAlias', 'GET', '/public_alias', 'Get the Counterparty Public Alias', 'can_see_public_alias', {
    responseBody: AliasResponseJSON,
  })
  async getCounterpartyPublicAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string) {
    return { alias: this.writer.alias(resolved.view, await this.writer.check(resolved, id), 'public') };
  }

  @Metadata('getOtherAccountPrivateAlias', 'GET', '/private_alias', 'Get the Counterparty Private Alias', 'can_see_private_alias', {
    responseBody: AliasResponseJSON,
  })
  async getOtherAccountPrivateAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string) {
    return { alias: this.writer.alias(resolved.view, await this.writer.check(resolved, id), 'private') };
  }

  @Metadata('addCounterpartyPublicAlias', 'POST', '/public_alias', 'Add the Counterparty Public Alias', 'can_add_public_alias', PUBLIC_ALIAS_WRITE)
  async addCounterpartyPublicAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: AliasJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_public_alias'), 'publicAlias', body.alias);
    return { success: 'public alias added' };
  }

  @Metadata('updateCounterpartyPublicAlias', 'PUT', '/public_alias', 'Update the Counterparty Public Alias', 'can_add_public_alias', PUBLIC_ALIAS_WRITE)
  async updateCounterpartyPublicAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: AliasJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_public_alias'), 'publicAlias', body.alias);
    return { success: 'public alias updated' };
  }

  @Metadata('deleteCounterpartyPublicAlias', 'DELETE', '/public_alias', 'Delete the Counterparty Public Alias', 'can_add_public_alias')
  async deleteCounterpartyPublicAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_public_alias'), 'publicAlias', '');
  }

  @Metadata('addOtherAccountPrivateAlias', 'POST', '/private_alias', 'Add the Counterparty Private Alias', 'can_add_private_alias', {
    requestBody: AliasJSON,
    responseBody: SuccessMessageJSON,
  })
  async addOtherAccountPrivateAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: AliasJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_private_alias'), 'privateAlias', body.alias);
    return { success: 'private alias added' };
  }

  @Metadata('updateCounterpartyPrivateAlias', 'PUT', '/private_alias', 'Update the Counterparty Private Alias', 'can_add_private_alias', {
    requestBody: AliasJSON,
    responseBody: SuccessMessageJSON,
  })
  async updateCounterpartyPrivateAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: AliasJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_private_alias'), 'privateAlias', body.alias);
    return { success: 'private alias updated' };
  }

  @Metadata('deleteCounterpartyPrivateAlias', 'DELETE', '/private_alias', 'Delete the Counterparty Private Alias', 'can_add_private_alias')
  async deleteCounterpartyPrivateAlias(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_private_alias'), 'privateAlias', '');
  }

  @Metadata('addCounterpartyMoreInfo', 'POST', '/metadata/more_info', 'Add the Counterparty More Info', 'can_add_more_info', {
    requestBody: MoreInfoJSON,
    responseBody: SuccessMessageJSON,
  })
  async addCounterpartyMoreInfo(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: MoreInfoJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_more_info'), 'moreInfo', body.more_info);
    return { success: 'more info added' };
  }

  @Metadata('updateCounterpartyMoreInfo', 'PUT', '/metadata/more_info', 'Update the Counterparty More Info', 'can_add_more_info', {
    requestBody: MoreInfoJSON,
    responseBody: SuccessMessageJSON,
  })
  async updateCounterpartyMoreInfo(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: MoreInfoJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_more_info'), 'moreInfo', body.more_info);
    return { success: 'more info updated' };
  }

  @Metadata('deleteCounterpartyMoreInfo', 'DELETE', '/metadata/more_info', 'Delete the Counterparty More Info', 'can_add_more_info')
  async deleteCounterpartyMoreInfo(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_more_info'), 'moreInfo', '');
  }

  @Metadata('addCounterpartyUrl', 'POST', '/metadata/url', 'Add the Counterparty URL', 'can_add_url', {
    requestBody: UrlJSON,
    responseBody: SuccessMessageJSON,
  })
  async addCounterpartyUrl(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: UrlJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_url'), 'url', body.URL);
    return { success: 'url added' };
  }

  @Metadata('updateCounterpartyUrl', 'PUT', '/metadata/url', 'Update the Counterparty URL', 'can_add_url', {
    requestBody: UrlJSON,
    responseBody: SuccessMessageJSON,
  })
  async updateCounterpartyUrl(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: UrlJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_url'), 'url', body.URL);
    return { success: 'url updated' };
  }

  @Metadata('deleteCounterpartyUrl', 'DELETE', '/metadata/url', 'Delete the Counterparty URL', 'can_add_url')
  async deleteCounterpartyUrl(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_url'), 'url', '');
  }

  @Metadata('addCounterpartyImageUrl', 'POST', '/metadata/image_url', 'Add the Counterparty Image URL', 'can_add_image_url', {
    requestBody: ImageUrlJSON,
    responseBody: SuccessMessageJSON,
  })
  async addCounterpartyImageUrl(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: ImageUrlJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_image_url'), 'imageUrl', body.image_URL);
    return { success: 'image url added' };
  }

  @Metadata('updateCounterpartyImageUrl', 'PUT', '/metadata/image_url', 'Update the Counterparty Image URL', 'can_add_image_url', {
    requestBody: ImageUrlJSON,
    responseBody: SuccessMessageJSON,
  })
  async updateCounterpartyImageUrl(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string, @ValidBody() body: ImageUrlJSON) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_image_url'), 'imageUrl', body.image_URL);
    return { success: 'image url updated' };
  }

  @Metadata('deleteCounterpartyImageUrl', 'DELETE', '/metadata/image_url', 'Delete the Counterparty Image URL', 'can_add_image_url')
  async deleteCounterpartyImageUrl(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_image_url'), 'imageUrl', '');
  }

  @Metadata(
    'addCounterpartyOpenCorporatesUrl',
    'POST',
    '/metadata/open_corporates_url',
    'Add the Counterparty Open Corporates URL',
    'can_add_open_corporates_url',
    { requestBody: OpenCorporateUrlJSON, responseBody: SuccessMessageJSON },
  )
  async addCounterpartyOpenCorporatesUrl(
    @ResolvedAccount() resolved: AccountOnView,
    @Param('OTHER_ACCOUNT_ID') id: string,
    @ValidBody() body: OpenCorporateUrlJSON,
  ) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_open_corporates_url'), 'openCorporatesUrl', body.open_corporates_URL);
    return { success: 'open corporate url added' };
  }

  @Metadata(
    'updateCounterpartyOpenCorporatesUrl',
    'PUT',
    '/metadata/open_corporates_url',
    'Update the Counterparty Open Corporates URL',
    'can_add_open_corporates_url',
    { requestBody: OpenCorporateUrlJSON, responseBody: SuccessMessageJSON },
  )
  async updateCounterpartyOpenCorporatesUrl(
    @ResolvedAccount() resolved: AccountOnView,
    @Param('OTHER_ACCOUNT_ID') id: string,
    @ValidBody() body: OpenCorporateUrlJSON,
  ) {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_open_corporates_url'), 'openCorporatesUrl', body.open_corporates_URL);
    return { success: 'open corporate url updated' };
  }

  @Metadata(
    'deleteCounterpartyOpenCorporatesUrl',
    'DELETE',
    '/metadata/open_corporates_url',
    'Delete the Counterparty Open Corporates URL',
    'can_add_open_corporates_url',
  )
  async deleteCounterpartyOpenCorporatesUrl(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.setField(await this.writer.check(resolved, id, 'can_add_open_corporates_url'), 'openCorporatesUrl', '');
  }

  @Metadata(
    'addCounterpartyCorporateLocation',
    'POST',
    '/metadata/corporate_location',
    'Add the Counterparty Corporate Location',
    'can_add_corporate_location',
    { requestBody: CorporateLocationJSON, responseBody: SuccessMessageJSON },
  )
  async addCounterpartyCorporateLocation(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() resolved: AccountOnView,
    @Param('OTHER_ACCOUNT_ID') id: string,
    @ValidBody() body: CorporateLocationJSON,
  ) {
    const other = await this.writer.check(resolved, id, 'can_add_corporate_location');
    await this.writer.setLocation(other, 'corporate', auth, body.corporate_location.latitude, body.corporate_location.longitude);
    return { success: 'corporate location added' };
  }

  @Metadata(
    'updateCounterpartyCorporateLocation',
    'PUT',
    '/metadata/corporate_location',
    'Update the Counterparty Corporate Location',
    'can_add_corporate_location',
    { requestBody: CorporateLocationJSON, responseBody: SuccessMessageJSON },
  )
  async updateCounterpartyCorporateLocation(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() resolved: AccountOnView,
    @Param('OTHER_ACCOUNT_ID') id: string,
    @ValidBody() body: CorporateLocationJSON,
  ) {
    const other = await this.writer.check(resolved, id, 'can_add_corporate_location');
    await this.writer.setLocation(other, 'corporate', auth, body.corporate_location.latitude, body.corporate_location.longitude);
    return { success: 'corporate location updated' };
  }

  @Metadata(
    'deleteCounterpartyCorporateLocation',
    'DELETE',
    '/metadata/corporate_location',
    'Delete the Counterparty Corporate Location',
    'can_delete_corporate_location',
    { errors: [...CHECKS, 'MetadataItemNotFound'] },
  )
  async deleteCounterpartyCorporateLocation(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.deleteLocation(await this.writer.check(resolved, id, 'can_delete_corporate_location'), 'corporate');
  }

  @Metadata('addCounterpartyPhysicalLocation', 'POST', '/metadata/physical_location', 'Add the Counterparty Physical Location', 'can_add_physical_location', {
    requestBody: PhysicalLocationJSON,
    responseBody: SuccessMessageJSON,
  })
  async addCounterpartyPhysicalLocation(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() resolved: AccountOnView,
    @Param('OTHER_ACCOUNT_ID') id: string,
    @ValidBody() body: PhysicalLocationJSON,
  ) {
    const other = await this.writer.check(resolved, id, 'can_add_physical_location');
    await this.writer.setLocation(other, 'physical', auth, body.physical_location.latitude, body.physical_location.longitude);
    return { success: 'physical location added' };
  }

  @Metadata(
    'updateCounterpartyPhysicalLocation',
    'PUT',
    '/metadata/physical_location',
    'Update the Counterparty Physical Location',
    'can_add_physical_location',
    { requestBody: PhysicalLocationJSON, responseBody: SuccessMessageJSON },
  )
  async updateCounterpartyPhysicalLocation(
    @CurrentAuth() auth: AuthContext,
    @ResolvedAccount() resolved: AccountOnView,
    @Param('OTHER_ACCOUNT_ID') id: string,
    @ValidBody() body: PhysicalLocationJSON,
  ) {
    const other = await this.writer.check(resolved, id, 'can_add_physical_location');
    await this.writer.setLocation(other, 'physical', auth, body.physical_location.latitude, body.physical_location.longitude);
    return { success: 'physical location updated' };
  }

  @Metadata(
    'deleteCounterpartyPhysicalLocation',
    'DELETE',
    '/metadata/physical_location',
    'Delete the Counterparty Physical Location',
    'can_delete_physical_location',
    { errors: [...CHECKS, 'MetadataItemNotFound'] },
  )
  async deleteCounterpartyPhysicalLocation(@ResolvedAccount() resolved: AccountOnView, @Param('OTHER_ACCOUNT_ID') id: string): Promise<void> {
    await this.writer.deleteLocation(await this.writer.check(resolved, id, 'can_delete_physical_location'), 'physical');
  }
}
