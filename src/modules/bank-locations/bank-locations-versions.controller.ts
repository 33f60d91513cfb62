import { Controller, Param } from '@nestjs/common';
import { PUBLIC } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { OptionalAuth } from '../../common/auth/current-auth.decorator';
import { RawPagingQuery, type RawPaging } from '../../common/http/paging';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { toAtmJson, toAtmJsonV400, toAtmJsonV510, toBranchJson, toProductJson, toProductJsonV210, toProductJsonV310 } from './bank-locations.mapper';
import { BankLocationsService, DEFAULT_SITE_LIMIT, OLD_DEFAULT_SITE_LIMIT } from './bank-locations.service';
import {
  AtmJson,
  AtmJsonV400,
  AtmJsonV510,
  AtmsJson,
  AtmsJsonV400,
  AtmsJsonV510,
  BranchesJson,
  BranchJson,
  ProductJsonV210,
  ProductJsonV310,
  ProductsJson,
  ProductsJsonV210,
  ProductsJsonV310,
} from './dto/bank-locations.json';

const read = { verb: 'GET', access: PUBLIC } satisfies Partial<ObpEndpointOptions>;
const publicNote = (prop: string) => `Public unless OBP_APIOPTIONS_${prop.toUpperCase()}=false (OBP's apiOptions.${prop}); then 401 OBP-20001 without a login.`;
const LIST_NOTE = 'Sorted by id; limit (default 100, at most 10000) and offset page the list.';
const OLD_LIST_NOTE = 'Sorted by id; limit (default 50, at most 10000) and offset page the list.';
const LIST_ERRORS: ObpEndpointOptions['errors'] = ['UserNotLoggedIn', 'BankNotFound', 'FilterLimitError', 'FilterOffersetError'];
/** OBP's old-style (Lift Box) reads answer a failed lookup with 400. */
const OLD_STYLE_NOT_FOUND = 400;

/** The shapes OBP serves branches, ATMs and products in on the versions before v3.0.0 and after v3.1.0 (ATMs) or on v3.1.0 (products). */
@Controller()
export class BankLocationsVersionsController {
  constructor(private readonly service: BankLocationsService) {}

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv1.4.0-getBranches',
    path: '/banks/BANK_ID/branches',
    versions: between('1.4.0', '2.2.0'),
    summary: 'Get Bank Branches',
    description: `The bank's branches in the v1.4.0 shape (free-text lobby and drive-up hours). ${OLD_LIST_NOTE} ${publicNote('getBranchesIsPublic')}`,
    tags: ['Branch'],
    errors: LIST_ERRORS,
    responseBody: BranchesJson,
  })
  async branchesV140(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @RawPagingQuery(OLD_DEFAULT_SITE_LIMIT) page: RawPaging) {
    return { branches: (await this.service.branches(auth, bankId, page.limit, page.offset, OLD_DEFAULT_SITE_LIMIT)).map(toBranchJson) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv2.1.0-getBranch',
    path: '/banks/BANK_ID/branches/BRANCH_ID',
    versions: between('2.1.0', '2.2.0'),
    summary: 'Get Branch',
    description: `One branch in the v1.4.0 shape; an unknown BRANCH_ID is 400 OBP-300010, as OBP. ${publicNote('getBranchesIsPublic')}`,
    tags: ['Branch'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'BranchNotFoundByBranchId'],
    responseBody: BranchJson,
  })
  async branchV210(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('BRANCH_ID') branchId: string) {
    return toBranchJson(await this.service.branch(auth, bankId, branchId));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv1.4.0-getAtms',
    path: '/banks/BANK_ID/atms',
    versions: between('1.4.0', '2.2.0'),
    summary: 'Get Bank ATMS',
    description: `The bank's ATMs in the v1.4.0 shape. ${OLD_LIST_NOTE} ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: LIST_ERRORS,
    responseBody: AtmsJson,
  })
  async atmsV140(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @RawPagingQuery(OLD_DEFAULT_SITE_LIMIT) page: RawPaging) {
    return { atms: (await this.service.atms(auth, bankId, page.limit, page.offset, OLD_DEFAULT_SITE_LIMIT)).map(toAtmJson) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv2.1.0-getAtm',
    path: '/banks/BANK_ID/atms/ATM_ID',
    versions: between('2.1.0', '2.2.0'),
    summary: 'Get Bank ATM',
    description: `One ATM in the v1.4.0 shape; an unknown ATM_ID is 400 OBP-30009 (old-style, as OBP). ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'AtmNotFoundByAtmId'],
    responseBody: AtmJson,
  })
  async atmV210(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('ATM_ID') atmId: string) {
    return toAtmJson(await this.service.atm(auth, bankId, atmId, OLD_STYLE_NOT_FOUND));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv4.0.0-getAtms',
    path: '/banks/BANK_ID/atms',
    versions: between('4.0.0', '5.0.0'),
    summary: 'Get Bank ATMS',
    description: `The bank's ATMs in AtmJsonV400. ${LIST_NOTE} ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: LIST_ERRORS,
    responseBody: AtmsJsonV400,
  })
  async atmsV400(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @RawPagingQuery(DEFAULT_SITE_LIMIT) page: RawPaging) {
    return { atms: (await this.service.atms(auth, bankId, page.limit, page.offset)).map(toAtmJsonV400) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv4.0.0-getAtm',
    path: '/banks/BANK_ID/atms/ATM_ID',
    versions: between('4.0.0', '5.0.0'),
    summary: 'Get Bank ATM',
    description: `One ATM in AtmJsonV400. ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'AtmNotFoundByAtmId'],
    responseBody: AtmJsonV400,
  })
  async atmV400(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('ATM_ID') atmId: string) {
    return toAtmJsonV400(await this.service.atm(auth, bankId, atmId));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv5.1.0-getAtms',
    path: '/banks/BANK_ID/atms',
    versions: since('5.1.0'),
    summary: 'Get Bank ATMS',
    description: `The bank's ATMs in AtmJsonV510, each with its (empty) attributes. ${LIST_NOTE} ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: LIST_ERRORS,
    responseBody: AtmsJsonV510,
  })
  async atmsV510(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @RawPagingQuery(DEFAULT_SITE_LIMIT) page: RawPaging) {
    return { atms: (await this.service.atms(auth, bankId, page.limit, page.offset)).map(toAtmJsonV510) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv5.1.0-getAtm',
    path: '/banks/BANK_ID/atms/ATM_ID',
    versions: since('5.1.0'),
    summary: 'Get Bank ATM',
    description: `One ATM in AtmJsonV510. ${publicNote('getAtmsIsPublic')}`,
    tags: ['ATM'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'AtmNotFoundByAtmId'],
    responseBody: AtmJsonV510,
  })
  async atmV510(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('ATM_ID') atmId: string) {
    return toAtmJsonV510(await this.service.atm(auth, bankId, atmId));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv1.4.0-getProducts',
    path: '/banks/BANK_ID/products',
    versions: between('1.4.0', '2.0.0'),
    summary: 'Get Products',
    description: `The bank's products in the v1.4.0 shape, by product code. ${publicNote('getProductsIsPublic')}`,
    tags: ['Product'],
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: ProductsJson,
  })
  async productsV140(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string) {
    return { products: (await this.service.products(auth, bankId)).map(toProductJson) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv2.1.0-getProducts',
    path: '/banks/BANK_ID/products',
    versions: between('2.1.0', '3.0.0'),
    summary: 'Get Bank Products',
    description: `The bank's products in ProductJsonV210, by product code. ${publicNote('getProductsIsPublic')}`,
    tags: ['Product'],
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: ProductsJsonV210,
  })
  async productsV210(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string) {
    return { products: (await this.service.products(auth, bankId)).map(toProductJsonV210) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv2.1.0-getProduct',
    path: '/banks/BANK_ID/products/PRODUCT_CODE',
    versions: between('2.1.0', '3.0.0'),
    summary: 'Get Bank Product',
    description: `One product in ProductJsonV210; an unknown PRODUCT_CODE is 400 OBP-30011 (old-style, as OBP). ${publicNote('getProductsIsPublic')}`,
    tags: ['Product'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'ProductNotFoundByProductCode'],
    responseBody: ProductJsonV210,
  })
  async productV210(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('PRODUCT_CODE') productCode: string) {
    return toProductJsonV210(await this.service.product(auth, bankId, productCode, OLD_STYLE_NOT_FOUND));
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.1.0-getProducts',
    path: '/banks/BANK_ID/products',
    versions: between('3.1.0', '3.1.0'),
    summary: 'Get Products',
    description: `The bank's products in ProductJsonV310 (no product_attributes in the list), by product code. ${publicNote('getProductsIsPublic')}`,
    tags: ['Product'],
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: ProductsJsonV310,
  })
  async productsV310(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string) {
    return { products: (await this.service.products(auth, bankId)).map((product) => toProductJsonV310(product, false)) };
  }

  @ObpEndpoint({
    ...read,
    operationId: 'OBPv3.1.0-getProduct',
    path: '/banks/BANK_ID/products/PRODUCT_CODE',
    versions: between('3.1.0', '3.1.0'),
    summary: 'Get Bank Product',
    description: `One product in ProductJsonV310, with its (empty) product_attributes. ${publicNote('getProductsIsPublic')}`,
    tags: ['Product'],
    errors: ['UserNotLoggedIn', 'BankNotFound', 'ProductNotFoundByProductCode'],
    responseBody: ProductJsonV310,
  })
  async productV310(@OptionalAuth() auth: AuthContext | undefined, @Param('BANK_ID') bankId: string, @Param('PRODUCT_CODE') productCode: string) {
    return toProductJsonV310(await this.service.product(auth, bankId, productCode), true);
  }
}
