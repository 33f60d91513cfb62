import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AtmEntity } from '../sandbox/entities/atm.entity';
import { BranchEntity } from '../sandbox/entities/branch.entity';
import { ProductEntity } from '../sandbox/entities/product.entity';

/** Reads of the branches, ATMs and products the sandbox import stores; every lookup is a primary-key prefix (bank_id, id). */
@Injectable()
export class BankLocationsRepository {
  constructor(
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(AtmEntity) private readonly atms: Repository<AtmEntity>,
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
  ) {}

  branchesOf(bankId: string, limit: number, offset: number): Promise<BranchEntity[]> {
    return this.branches.find({ where: { bankId }, order: { branchId: 'ASC' }, take: limit, skip: offset });
  }

  branch(bankId: string, branchId: string): Promise<BranchEntity | null> {
    return this.branches.findOneBy({ bankId, branchId });
  }

  atmsOf(bankId: string, limit: number, offset: number): Promise<AtmEntity[]> {
    return this.atms.find({ where: { bankId }, order: { atmId: 'ASC' }, take: limit, skip: offset });
  }

  atm(bankId: string, atmId: string): Promise<AtmEntity | null> {
    return this.atms.findOneBy({ bankId, atmId });
  }

  productsOf(bankId: string): Promise<ProductEntity[]> {
    return this.products.find({ where: { bankId }, order: { productCode: 'ASC' } });
  }

  product(bankId: string, productCode: string): Promise<ProductEntity | null> {
    return this.products.findOneBy({ bankId, productCode });
  }
}
