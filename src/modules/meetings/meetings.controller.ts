import { Controller, Param } from '@nestjs/common';
import { AUTHENTICATED } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { CreateMeetingJson, MeetingJsonV310, MeetingsJsonV310 } from './dto/meeting.json';
import { MeetingsService, toMeetingJson } from './meetings.service';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['Customer-Meeting', 'Customer', 'Experimental'];
const VISIBILITY =
  "A meeting is visible to the user who created it, to users whose verified email address (proven through the validation link sent at sign-up, or by redeeming an invitation) is one of its invitees', and to holders of CanGetMeetingsAtOneBank at the bank.";

@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-createMeeting',
    verb: 'POST',
    path: '/banks/BANK_ID/meetings',
    versions: since('3.1.0'),
    access: AUTHENTICATED,
    summary: 'Create Meeting',
    description: `Creates a meeting; the caller is recorded as staff and customer user, and the session id and both tokens are fresh random values. ${VISIBILITY}`,
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'InvalidJsonFormat'],
    successStatus: 201,
    requestBody: CreateMeetingJson,
    responseBody: MeetingJsonV310,
  })
  async createMeeting(@Param('BANK_ID') bankId: string, @CurrentAuth() auth: AuthContext, @ValidBody() body: CreateMeetingJson): Promise<MeetingJsonV310> {
    return toMeetingJson(await this.meetings.create(bankId, auth, body));
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getMeetings',
    verb: 'GET',
    path: '/banks/BANK_ID/meetings',
    versions: since('3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Meetings',
    description: `The meetings of the bank the caller may see, newest first. ${VISIBILITY}`,
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound'],
    responseBody: MeetingsJsonV310,
  })
  async getMeetings(@Param('BANK_ID') bankId: string, @CurrentAuth() auth: AuthContext): Promise<MeetingsJsonV310> {
    return { meetings: (await this.meetings.list(bankId, auth)).map(toMeetingJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getMeeting',
    verb: 'GET',
    path: '/banks/BANK_ID/meetings/MEETING_ID',
    versions: since('3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Meeting',
    description: `One meeting; 400 OBP-30104 when it does not exist or the caller may not see it. ${VISIBILITY}`,
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'MeetingNotFound'],
    responseBody: MeetingJsonV310,
  })
  async getMeeting(@Param('BANK_ID') bankId: string, @Param('MEETING_ID') meetingId: string, @CurrentAuth() auth: AuthContext): Promise<MeetingJsonV310> {
    return toMeetingJson(await this.meetings.get(bankId, meetingId, auth));
  }
}
