import { Controller, Param } from '@nestjs/common';
import { PUBLIC } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { OptionalAuth } from '../../common/auth/current-auth.decorator';
import { RawPagingQuery, type RawPaging } from '../../common/http/paging';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { toAtmJsonV300, toBranchJsonV300, toProductJsonV400 } from './bank-locations.mapper';
import { BankLocationsService, DEFAULT_SITE_LIMIT } from './bank-locations.service';
import { AtmJsonV300, AtmsJsonV300, BranchesJsonV300, BranchJsonV300, ProductJsonV400, ProductsJsonV400 } from './dto/bank-locations.json';

const read = { verb: 'GET', access: PUBLIC } satisfies Partial<ObpEndpointOptions>;
const publicNote = (prop: string) => `Public unless OBP_APIOPTIONS_${prop.toUpperCase()}=false (OBP's apiOptions.${prop}); then 401 OBP-20001 without a login.`;
const LIST_NOTE = 'Sorted by id; limit (default 100, at most 10000) and offset page the list.';

/** The bank's branches, ATMs and products, as the sandbox import stores them. */
@Controller()
export class BankLocationsController {
  constructor(private readonly service: BankLocationsService) {}

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.0.0-getBranches',
    path: '/banks/BANK_ID/branches',
    versions: since('3.0.0'),
    summary: 'Get Branches for a Bank',
    description: `The bank's branches. ${LIST_NOTE} ${publicNote('getBranchesIsPublic')}`,
    tags: ['Branch'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'FilterLimitError', 'FilterOffersetError'],
    responseBody: BranchesJsonV300,
  })
  async branches(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @RawPagingQuery(DEFAULT_SITE_LIMIT) page: RawPaging) {
    return { branches: (await this.service.branches(auth, bankId, page.limit, page.offset)).map(toBranchJsonV300) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.0.0-getBranch',
    path: '/banks/BANK_ID/branches/BRANCH_ID',
    versions: since('3.0.0'),
    summary: 'Get Branch',
    description: `One branch; an unknown BRANCH_ID is 400 OBP-300010, as OBP. ${publicNote('getBranchesIsPublic')}`,
    tags: ['Branch'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'BranchNotFoundByBranchId'],
    responseBody: BranchJsonV300,
  })
  async branch(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('BRANCH_ID') branchId: string) {
    return toBranchJsonV300(await this.service.branch(auth, bankId, branchId));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.0.0-getAtms',
    path: '/banks/BANK_ID/atms',
    versions: between('3.0.0', '3.1.0'),
    summary: 'Get Bank ATMS',
    description: `The bank's ATMs. ${LIST_NOTE} ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'FilterLimitError', 'FilterOffersetError'],
    responseBody: AtmsJsonV300,
  })
  async atms(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @RawPagingQuery(DEFAULT_SITE_LIMIT) page: RawPaging) {
    return { atms: (await this.service.atms(auth, bankId, page.limit, page.offset)).map(toAtmJsonV300) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.0.0-getAtm',
    path: '/banks/BANK_ID/atms/ATM_ID',
    versions: between('3.0.0', '3.1.0'),
    summary: 'Get Bank ATM',
    description: `One ATM. ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'AtmNotFoundByAtmId'],
    responseBody: AtmJsonV300,
  })
  async atm(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('ATM_ID') atmId: string) {
    return toAtmJsonV300(await this.service.atm(auth, bankId, atmId));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv4.0.0-getProducts',
    path: '/banks/BANK_ID/products',
    versions: since('4.0.0'),
    summary: 'Get Products',
    description: `The bank's products, by product code. ${publicNote('getProductsIsPublic')}`,
    tags: ['Product'],
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: ProductsJsonV400,
  })
  async products(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string) {
    return { products: (await this.service.products(auth, bankId)).map((product) => toProductJsonV400(product, false)) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv4.0.0-getProduct',
    path: '/banks/BANK_ID/products/PRODUCT_CODE',
    versions: since('4.0.0'),
    summary: 'Get Bank Product',
    description: `One product, with its attributes and fees. ${publicNote('getProductsIsPublic')}`,
    tags: ['Product'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'ProductNotFoundByProductCode'],
    responseBody: ProductJsonV400,
  })
  async product(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('PRODUCT_CODE') productCode: string) {
    return toProductJsonV400(await this.service.product(auth, bankId, productCode), true);
  }
}
