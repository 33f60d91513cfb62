import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { hasGrant, type AuthContext } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import { formatObpDate } from '../../common/http/obp-date';
import { CustomersService } from '../customers/customers.service';
import type { CreditLimitRequestJson } from './dto/credit-limit-request.json';
import { CreditLimitRequestEntity } from './entities/credit-limit-request.entity';

/** OBP's creditLimitOrderJson fields first (filled from the request), then the stored request. */
export function toCreditLimitRequestJson(request: CreditLimitRequestEntity) {
  return {
    rank_amount_1: request.requestedCurrentRateAmount1,
    nominal_interest_1: '',
    rank_amount_2: request.requestedCurrentRateAmount2,
    nominal_interest_2: '',
    request_id: request.requestId,
    short_reference: request.shortReference,
    customer_id: request.customerId,
    date: formatObpDate(request.createdAt),
    requested_current_rate_amount1: request.requestedCurrentRateAmount1,
    requested_current_rate_amount2: request.requestedCurrentRateAmount2,
    requested_current_valid_end_date: request.requestedCurrentValidEndDate,
    current_credit_documentation: request.currentCreditDocumentation,
    temporary_requested_current_amount: request.temporaryRequestedCurrentAmount,
    requested_temporary_valid_end_date: request.requestedTemporaryValidEndDate,
    temporary_credit_documentation: request.temporaryCreditDocumentation,
  };
}

/** The order confirmation OBP's create answered with (createCreditLimitOrderResponseJson). */
export function toCreditLimitOrderResponseJson(request: CreditLimitRequestEntity) {
  const date = formatObpDate(request.createdAt);
  return { execution_time: date.slice(11, 19), execution_date: date, token: request.requestId, short_reference: request.shortReference };
}

@Injectable()
export class CreditLimitRequestsService {
  constructor(
    @InjectRepository(CreditLimitRequestEntity) private readonly requests: Repository<CreditLimitRequestEntity>,
    private readonly customers: CustomersService,
  ) {}

  async create(auth: AuthContext, bankId: string, customerId: string, body: CreditLimitRequestJson): Promise<CreditLimitRequestEntity> {
    await this.assertMayAccess(auth, bankId, customerId);
    const request = this.requests.create({
      requestId: randomUUID(),
      bankId,
      customerId,
      createdByUserId: auth.user.userId,
      shortReference: randomBytes(5).toString('hex').toUpperCase(),
      requestedCurrentRateAmount1: body.requested_current_rate_amount1,
      requestedCurrentRateAmount2: body.requested_current_rate_amount2,
      requestedCurrentValidEndDate: body.requested_current_valid_end_date,
      currentCreditDocumentation: body.current_credit_documentation,
      temporaryRequestedCurrentAmount: body.temporary_requested_current_amount,
      requestedTemporaryValidEndDate: body.requested_temporary_valid_end_date,
      temporaryCreditDocumentation: body.temporary_credit_documentation,
    });
    await this.requests.insert(request);
    return this.requests.findOneByOrFail({ requestId: request.requestId });
  }

  async list(auth: AuthContext, bankId: string, customerId: string): Promise<CreditLimitRequestEntity[]> {
    await this.assertMayAccess(auth, bankId, customerId);
    return this.requests.find({ where: { customerId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }

  async get(auth: AuthContext, bankId: string, customerId: string, requestId: string): Promise<CreditLimitRequestEntity> {
    await this.assertMayAccess(auth, bankId, customerId);
    const request = isUuid(requestId) ? await this.requests.findOneBy({ requestId, customerId }) : null;
    if (!request) throw ObpException.of('CreditLimitRequestNotFound', `Current REQUEST_ID(${requestId})`);
    return request;
  }

  /**
   * A credit request is the customer's own business: the users linked to the customer, or bank
   * staff who may read customers (OBP left these mock endpoints open to anyone).
   */
  private async assertMayAccess(auth: AuthContext, bankId: string, customerId: string): Promise<void> {
    await this.customers.getAtBank(bankId, customerId);
    if (hasGrant(auth, bankId, 'CanGetCustomer') || hasGrant(auth, '', 'CanGetCustomersAtAnyBank')) return;
    const linked = await this.customers.linkedToUser(auth.user.userId, bankId);
    if (linked.some((customer) => customer.customerId === customerId)) return;
    throw ObpException.of('UserHasMissingRoles', `CanGetCustomer or CanGetCustomersAtAnyBank for BankId(${bankId}), or be linked to the customer.`);
  }
}
