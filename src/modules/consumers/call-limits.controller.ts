import { Controller, Param } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { only, since } from '../../common/versioning/api-versions';
import { CallLimitsService } from './call-limits.service';
import { ConsumersService } from './consumers.service';
import { CallLimitPostJson, CallLimitPostJsonV400 } from './dto/consumer.json';
import { CallLimitJson } from './dto/consumers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Consumer'];
const ENFORCEMENT =
  'Enforced when OBP_USE_CONSUMER_LIMITS=true: per consumer and period, the record matching version+name, else name, else version, else the consumer-wide one (records with a bank_id are stored but, as in OBP, never enforced). Over the limit: 429 OBP-10018 with X-Rate-Limit-Limit/-Remaining/-Reset.';

@Controller()
export class CallLimitsController {
  constructor(
    private readonly consumers: ConsumersService,
    private readonly callLimits: CallLimitsService,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-callsLimit',
    verb: 'PUT',
    path: '/management/consumers/CONSUMER_ID/consumer/call-limits',
    versions: only('3.1.0'),
    access: anyRole('CanSetCallLimits'),
    summary: 'Set Rate Limits / Call Limits per Consumer',
    description: `Sets the consumer-wide limits (strings, "-1" = unlimited) valid from from_date to to_date. ${ENFORCEMENT}`,
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidJsonFormat', 'InvalidJsonValue', 'ConsumerNotFoundByConsumerId'],
    requestBody: CallLimitPostJson,
    responseBody: CallLimitPostJson,
  })
  async callsLimitV310(@Param('CONSUMER_ID') consumerId: string, @ValidBody() body: CallLimitPostJson) {
    return this.callLimits.set(await this.consumers.getByConsumerId(consumerId), body);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-callsLimit',
    verb: 'PUT',
    path: '/management/consumers/CONSUMER_ID/consumer/call-limits',
    versions: since('4.0.0'),
    access: anyRole('CanSetCallLimits'),
    summary: 'Set Rate Limits / Call Limits per Consumer',
    description: `Upserts the limit record for (consumer, bank_id, api_version, api_name); absent optionals mean "any". ${ENFORCEMENT}`,
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'InvalidJsonFormat', 'InvalidJsonValue', 'ConsumerNotFoundByConsumerId'],
    requestBody: CallLimitPostJsonV400,
    responseBody: CallLimitPostJson,
  })
  async callsLimit(@Param('CONSUMER_ID') consumerId: string, @ValidBody() body: CallLimitPostJsonV400) {
    return this.callLimits.set(await this.consumers.getByConsumerId(consumerId), body);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getCallsLimit',
    verb: 'GET',
    path: '/management/consumers/CONSUMER_ID/consumer/call-limits',
    versions: since('3.1.0'),
    access: anyRole('CanReadCallLimits'),
    summary: 'Get Call Limits for a Consumer',
    description:
      'The consumer-wide limits in force and current_state: calls made and seconds to reset per period, from the live counters (0 when a period has no counter).',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'ConsumerNotFoundByConsumerId'],
    responseBody: CallLimitJson,
  })
  async getCallsLimit(@Param('CONSUMER_ID') consumerId: string) {
    return this.callLimits.current(await this.consumers.getByConsumerId(consumerId));
  }
}
