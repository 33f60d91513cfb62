import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/http/obp-date';
import { isForeignKeyViolation } from '../../database/postgres-errors';
import type { CustomerEntity } from '../customers/entities/customer.entity';
import { CustomersService } from '../customers/customers.service';
import type { PostKycCheckJSON, PostKycDocumentJSON, PostKycMediaJSON, PostKycStatusJSON } from './dto/kyc.json';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycMediaEntity } from './entities/kyc-media.entity';
import { KycStatusEntity } from './entities/kyc-status.entity';

/** Validated by the DTO already; the non-null assertion documents that. */
const date = (text: string): Date => parseObpDate(text)!;

/**
 * KYC records of a customer. Documents, checks and media are keyed by (customer, client-chosen id),
 * so a PUT is an idempotent upsert; statuses are an append-only timeline that also drives the
 * customer's kyc_status and last_ok_date.
 */
@Injectable()
export class KycService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(KycDocumentEntity) private readonly documents: Repository<KycDocumentEntity>,
    @InjectRepository(KycCheckEntity) private readonly checks: Repository<KycCheckEntity>,
    @InjectRepository(KycMediaEntity) private readonly media: Repository<KycMediaEntity>,
    @InjectRepository(KycStatusEntity) private readonly statuses: Repository<KycStatusEntity>,
    private readonly customers: CustomersService,
  ) {}

  async putDocument(bankId: string, customerId: string, kycDocumentId: string, body: PostKycDocumentJSON): Promise<KycDocumentEntity> {
    const customer = await this.customerFor(bankId, customerId, body.customer_number);
    const row = {
      customerId,
      kycDocumentId,
      bankId,
      customerNumber: customer.customerNumber,
      type: body.type,
      number: body.number,
      issueDate: date(body.issue_date),
      issuePlace: body.issue_place,
      expiryDate: date(body.expiry_date),
      updatedAt: new Date(),
    };
    await this.documents.upsert(row, { conflictPaths: ['customerId', 'kycDocumentId'] });
    return this.documents.findOneByOrFail({ customerId, kycDocumentId });
  }

  async putCheck(bankId: string, customerId: string, kycCheckId: string, body: PostKycCheckJSON): Promise<KycCheckEntity> {
    const customer = await this.customerFor(bankId, customerId, body.customer_number);
    const row = {
      customerId,
      kycCheckId,
      bankId,
      customerNumber: customer.customerNumber,
      date: date(body.date),
      how: body.how,
      staffUserId: body.staff_user_id,
      staffName: body.staff_name,
      satisfied: body.satisfied,
      comments: body.comments,
      updatedAt: new Date(),
    };
    await this.checks.upsert(row, { conflictPaths: ['customerId', 'kycCheckId'] });
    return this.checks.findOneByOrFail({ customerId, kycCheckId });
  }

  async putMedia(bankId: string, customerId: string, kycMediaId: string, body: PostKycMediaJSON): Promise<KycMediaEntity> {
    const customer = await this.customerFor(bankId, customerId, body.customer_number);
    const documentId = body.relates_to_kyc_document_id || null;
    const checkId = body.relates_to_kyc_check_id || null;
    // Clear errors first; the composite foreign keys still decide if a reference is deleted meanwhile.
    if (documentId && !(await this.documents.existsBy({ customerId, kycDocumentId: documentId }))) {
      throw ObpException.of('KycDocumentNotFound', `Current relates_to_kyc_document_id(${documentId})`);
    }
    if (checkId && !(await this.checks.existsBy({ customerId, kycCheckId: checkId }))) {
      throw ObpException.of('KycCheckNotFound', `Current relates_to_kyc_check_id(${checkId})`);
    }
    const row = {
      customerId,
      kycMediaId,
      bankId,
      customerNumber: customer.customerNumber,
      type: body.type,
      url: body.url,
      date: date(body.date),
      relatesToKycDocumentId: documentId,
      relatesToKycCheckId: checkId,
      updatedAt: new Date(),
    };
    try {
      await this.media.upsert(row, { conflictPaths: ['customerId', 'kycMediaId'] });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw ObpException.of('KycDocumentNotFound', `Current relates_to_kyc_document_id(${documentId})`);
      throw error;
    }
    return this.media.findOneByOrFail({ customerId, kycMediaId });
  }

  /**
   * Appends to the timeline and, in the same transaction (customer row locked, so concurrent
   * appends serialise), sets kyc_status to the newest entry's ok and moves last_ok_date forward to
   * the newest ok entry's date.
   */
  async addStatus(bankId: string, customerId: string, body: PostKycStatusJSON): Promise<KycStatusEntity> {
    const customer = await this.customerFor(bankId, customerId, body.customer_number);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM customers WHERE customer_id = $1 FOR UPDATE', [customerId]);
      const status = await manager.getRepository(KycStatusEntity).save({
        customerId,
        customerNumber: customer.customerNumber,
        ok: body.ok,
        date: date(body.date),
      });
      await manager.query(
        `UPDATE customers c
            SET kyc_status = latest.ok,
                last_ok_date = GREATEST(c.last_ok_date, (SELECT max(s.date) FROM kyc_statuses s WHERE s.customer_id = $1 AND s.ok)),
                updated_at = now()
           FROM (SELECT ok FROM kyc_statuses WHERE customer_id = $1 ORDER BY date DESC, kyc_status_seq DESC LIMIT 1) latest
          WHERE c.customer_id = $1`,
        [customerId],
      );
      return status;
    });
  }

  async listDocuments(customerId: string): Promise<KycDocumentEntity[]> {
    await this.customers.getById(customerId);
    return this.documents.find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  async listChecks(customerId: string): Promise<KycCheckEntity[]> {
    await this.customers.getById(customerId);
    return this.checks.find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  async listMedia(customerId: string): Promise<KycMediaEntity[]> {
    await this.customers.getById(customerId);
    return this.media.find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  /** Oldest first: by the status date, then by insertion for equal dates. */
  async listStatuses(customerId: string): Promise<KycStatusEntity[]> {
    await this.customers.getById(customerId);
    return this.statuses.find({ where: { customerId }, order: { date: 'ASC', kycStatusSeq: 'ASC' } });
  }

  /** The path's customer at the path's bank; the body's customer_number must be that customer's. */
  private async customerFor(bankId: string, customerId: string, customerNumber: string): Promise<CustomerEntity> {
    const customer = await this.customers.getAtBank(bankId, customerId);
    if (customer.customerNumber !== customerNumber) {
      throw ObpException.of('KycCustomerNumberMismatch', `Current customer_number(${customerNumber})`);
    }
    return customer;
  }
}
