import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import { parsePaging } from '../../common/http/paging';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { AtmEntity } from '../sandbox/entities/atm.entity';
import type { BranchEntity } from '../sandbox/entities/branch.entity';
import type { ProductEntity } from '../sandbox/entities/product.entity';
import { BankLocationsRepository } from './bank-locations.repository';

/** OBP's default page of branches and ATMs when no limit is given (v3.0.0 and later). */
export const DEFAULT_SITE_LIMIT = 100;
/** The v1.4.0 lists page with OBP's common default (Constant.Pagination.limit). */
export const OLD_DEFAULT_SITE_LIMIT = 50;

type Option = keyof AppConfig['apiOptions'];

/** Branches, ATMs and products of a bank: public unless OBP's apiOptions.*IsPublic prop says otherwise. */
@Injectable()
export class BankLocationsService {
  constructor(
    private readonly repository: BankLocationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async branches(auth: AuthContext | undefined, bankId: string, limit?: string, offset?: string, defaultLimit = DEFAULT_SITE_LIMIT): Promise<BranchEntity[]> {
    this.assertAllowed(auth, 'getBranchesIsPublic');
    const paging = parsePaging(limit ?? String(defaultLimit), offset);
    return this.repository.branchesOf(bankId, paging.limit, paging.offset);
  }

  async branch(auth: AuthContext | undefined, bankId: string, branchId: string): Promise<BranchEntity> {
    this.assertAllowed(auth, 'getBranchesIsPublic');
    const branch = await this.repository.branch(bankId, branchId);
    if (!branch) throw ObpException.of('BranchNotFoundByBranchId', `Current BRANCH_ID is ${branchId}`);
    return branch;
  }

  async atms(auth: AuthContext | undefined, bankId: string, limit?: string, offset?: string, defaultLimit = DEFAULT_SITE_LIMIT): Promise<AtmEntity[]> {
    this.assertAllowed(auth, 'getAtmsIsPublic');
    const paging = parsePaging(limit ?? String(defaultLimit), offset);
    return this.repository.atmsOf(bankId, paging.limit, paging.offset);
  }

  /** notFoundStatus: 400 on the old-style v2.1.0 reads, where OBP's Lift failure is a 400. */
  async atm(auth: AuthContext | undefined, bankId: string, atmId: string, notFoundStatus?: number): Promise<AtmEntity> {
    this.assertAllowed(auth, 'getAtmsIsPublic');
    const atm = await this.repository.atm(bankId, atmId);
    if (!atm) throw ObpException.of('AtmNotFoundByAtmId', `Current ATM_ID is ${atmId}`, notFoundStatus);
    return atm;
  }

  async products(auth: AuthContext | undefined, bankId: string): Promise<ProductEntity[]> {
    this.assertAllowed(auth, 'getProductsIsPublic');
    return this.repository.productsOf(bankId);
  }

  async product(auth: AuthContext | undefined, bankId: string, productCode: string, notFoundStatus?: number): Promise<ProductEntity> {
    this.assertAllowed(auth, 'getProductsIsPublic');
    const product = await this.repository.product(bankId, productCode);
    if (!product) throw ObpException.of('ProductNotFoundByProductCode', `{${productCode}}`, notFoundStatus);
    return product;
  }

  private assertAllowed(auth: AuthContext | undefined, option: Option): void {
    if (!auth && !this.config.apiOptions[option]) throw ObpException.of('UserNotLoggedIn');
  }
}
