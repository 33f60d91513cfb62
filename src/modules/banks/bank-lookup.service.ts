import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { BankEntity } from './entities/bank.entity';

const BANK_ID_SYNTAX = /^[A-Za-z0-9\-._]{1,254}$/;

/**
 * The one BANK_ID check every /banks/BANK_ID/... route goes through (via the access guard):
 * syntax (400 OBP-30111), then existence (404 OBP-30001). Known banks are remembered; banks are
 * never deleted through the API, and creation adds to the set.
 */
@Injectable()
export class BankLookupService {
  private readonly known = new Set<string>();

  constructor(@InjectRepository(BankEntity) private readonly banks: Repository<BankEntity>) {}

  async assertExists(bankId: string): Promise<void> {
    if (!BANK_ID_SYNTAX.test(bankId)) throw ObpException.of('InvalidBankIdFormat');
    if (this.known.has(bankId)) return;
    if (!(await this.banks.existsBy({ bankId }))) throw ObpException.of('BankNotFound', `Current BANK_ID = ${bankId}`);
    this.known.add(bankId);
  }

  /** Known to exist, without a query (only well-formed ids are ever remembered). */
  isKnown(bankId: string): boolean {
    return this.known.has(bankId);
  }

  async exists(bankId: string): Promise<boolean> {
    if (!BANK_ID_SYNTAX.test(bankId)) return false;
    if (this.known.has(bankId)) return true;
    return this.banks.existsBy({ bankId });
  }

  remember(bankId: string): void {
    this.known.add(bankId);
  }
}
