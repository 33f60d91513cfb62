import { Controller, Param } from '@nestjs/common';
import { anyRole, PUBLIC } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { between, only, since } from '../../common/versioning/api-versions';
import { toBankJson400, toBankJson500, toBankJsonV121, toBankJsonV220 } from './banks.mapper';
import { assertNewBankId, BanksService } from './banks.service';
import { BankJsonV220, PostBankJson400, PostBankJson500, type BankRoutingJson } from './dto/create-bank.json';
import { BankCreatedJSONV220, BankJSON, BankJson400, BankJson500, BanksJSON, BanksJSON400 } from './dto/banks-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const create = {
  verb: 'POST',
  path: '/banks',
  access: anyRole('CanCreateBank'),
  summary: 'Create Bank',
  description: 'Creates a bank; the caller is granted CanCreateEntitlementAtOneBank at it.',
  tags: ['Bank'],
  errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidJsonFormat', 'InvalidValueCharacters', 'InvalidValueLength'],
} satisfies Partial<ObpEndpointOptions>;

const read = { verb: 'GET', access: PUBLIC, tags: ['Bank'], errors: ['BankNotFound', 'InvalidBankIdFormat'] } satisfies Partial<ObpEndpointOptions>;

/** v4/v5 routing lists: the BIC becomes swift_bic, the first other routing the bank routing. */
function fromRoutings(routings: BankRoutingJson[] = []) {
  const bic = routings.find((routing) => routing.scheme === 'BIC');
  const other = routings.find((routing) => routing.scheme !== 'BIC');
  return { swiftBic: bic?.address ?? '', routingScheme: other?.scheme ?? '', routingAddress: other?.address ?? '' };
}

@Controller()
export class BanksController {
  constructor(private readonly banks: BanksService) {}

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv2.2.0-createBank',
    versions: between('2.2.0', '3.1.0'),
    requestBody: BankJsonV220,
    description: `${create.description} An existing bank with that id is replaced, as in OBP.`,
    responseBody: BankCreatedJSONV220,
  })
  async createBankV220(@CurrentAuth() auth: AuthContext, @ValidBody() body: BankJsonV220) {
    assertNewBankId(body.id, 5);
    const bank = await this.banks.save(
      auth,
      body.id,
      {
        bankCode: body.short_name,
        shortName: body.short_name,
        fullName: body.full_name,
        logoUrl: body.logo_url,
        websiteUrl: body.website_url,
        swiftBic: body.swift_bic,
        nationalIdentifier: body.national_identifier,
        routingScheme: body.bank_routing.scheme,
        routingAddress: body.bank_routing.address,
      },
      'upsert',
    );
    return toBankJsonV220(bank);
  }

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv4.0.0-createBank',
    versions: only('4.0.0'),
    requestBody: PostBankJson400,
    description: `${create.description} An existing bank with that id is replaced, as in OBP.`,
    responseBody: BankJson400,
  })
  async createBankV400(@CurrentAuth() auth: AuthContext, @ValidBody() body: PostBankJson400) {
    assertNewBankId(body.id, 3);
    const bank = await this.banks.save(
      auth,
      body.id,
      {
        bankCode: body.short_name,
        shortName: body.short_name,
        fullName: body.full_name,
        logoUrl: body.logo,
        websiteUrl: body.website,
        nationalIdentifier: '',
        ...fromRoutings(body.bank_routings),
      },
      'upsert',
    );
    return toBankJson400(bank);
  }

  @ObpEndpoint({
    ...create,
    operationId: 'OBPv5.0.0-createBank',
    versions: since('5.0.0'),
    requestBody: PostBankJson500,
    description: `${create.description} The id is generated when absent; an existing id is refused (OBP-34000).`,
    errors: [...create.errors, 'BankIdAlreadyExists'],
    responseBody: BankJson500,
  })
  async createBankV500(@CurrentAuth() auth: AuthContext, @ValidBody() body: PostBankJson500) {
    if (body.id !== undefined) assertNewBankId(body.id, 3);
    const bank = await this.banks.save(
      auth,
      body.id,
      {
        bankCode: body.bank_code,
        shortName: body.bank_code,
        fullName: body.full_name ?? '',
        logoUrl: body.logo ?? '',
        websiteUrl: body.website ?? '',
        nationalIdentifier: '',
        ...fromRoutings(body.bank_routings),
      },
      'create-only',
    );
    return toBankJson500(bank);
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv1.2.1-getBanks',
    path: '/banks',
    versions: between('1.2.1', '2.2.0'),
    summary: 'Get Banks',
    errors: [],
    responseBody: BanksJSON,
  })
  async getBanksV121() {
    return { banks: (await this.banks.all()).map(toBankJsonV121) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.0.0-getBanks',
    path: '/banks',
    versions: between('3.0.0', '3.1.0'),
    summary: 'Get Banks',
    errors: [],
    responseBody: BanksJSON,
  })
  async getBanksV300() {
    return { banks: (await this.banks.all()).map(toBankJsonV121) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv4.0.0-getBanks',
    path: '/banks',
    versions: since('4.0.0'),
    summary: 'Get Banks',
    errors: [],
    responseBody: BanksJSON400,
  })
  async getBanksV400() {
    return { banks: (await this.banks.all()).map(toBankJson400) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv1.2.1-bankById',
    path: '/banks/BANK_ID',
    versions: between('1.2.1', '2.2.0'),
    summary: 'Get Bank',
    responseBody: BankJSON,
  })
  async bankByIdV121(@Param('BANK_ID') bankId: string) {
    return toBankJsonV121(await this.banks.get(bankId));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.0.0-bankById',
    path: '/banks/BANK_ID',
    versions: between('3.0.0', '3.1.0'),
    summary: 'Get Bank',
    responseBody: BankJson400,
  })
  async bankByIdV300(@Param('BANK_ID') bankId: string) {
    return toBankJson400(await this.banks.get(bankId));
  }

  @ObpEndpoint({ ...read, operationId: 'OBPv4.0.0-getBank', path: '/banks/BANK_ID', versions: only('4.0.0'), summary: 'Get Bank', responseBody: BankJson400 })
  async getBankV400(@Param('BANK_ID') bankId: string) {
    return toBankJson400(await this.banks.get(bankId));
  }

  @ObpEndpoint({ ...read, operationId: 'OBPv5.0.0-getBank', path: '/banks/BANK_ID', versions: since('5.0.0'), summary: 'Get Bank', responseBody: BankJson500 })
  async getBankV500(@Param('BANK_ID') bankId: string) {
    return toBankJson500(await this.banks.get(bankId));
  }
}
