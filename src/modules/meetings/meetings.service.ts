import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { hasGrant, type AuthContext } from '../../common/auth/auth-context';
import { ObpException } from '../../common/errors/obp.exception';
import { formatObpDate, parseObpDate } from '../../common/http/obp-date';
import { isUuid } from '../../common/http/ids';
import type { CreateMeetingJson, MeetingJsonV310 } from './dto/meeting.json';
import { MeetingEntity } from './entities/meeting.entity';

/** 256 random bits, URL-safe: session ids and join tokens must not be guessable. */
const randomToken = (): string => randomBytes(32).toString('base64url');

export function toMeetingJson(meeting: MeetingEntity): MeetingJsonV310 {
  return {
    meeting_id: meeting.meetingId,
    provider_id: meeting.providerId,
    purpose_id: meeting.purposeId,
    bank_id: meeting.bankId,
    present: { staff_user_id: meeting.staffUserId, customer_user_id: meeting.customerUserId },
    keys: { session_id: meeting.sessionId, staff_token: meeting.staffToken, customer_token: meeting.customerToken },
    when: formatObpDate(meeting.meetingDate),
    creator: meeting.creator,
    invitees: meeting.invitees,
  };
}

/**
 * Meetings. OBP shows every meeting of a bank to any logged-in user; here a meeting is visible to
 * the user who created it, to users whose verified email (proven by a validation link or an invitation) is one of its invitees', and to holders
 * of CanGetMeetingsAtOneBank at the bank. Anything else is "not found".
 */
@Injectable()
export class MeetingsService {
  constructor(@InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>) {}

  async create(bankId: string, auth: AuthContext, body: CreateMeetingJson): Promise<MeetingEntity> {
    const meeting = this.meetings.create({
      meetingId: randomUUID(),
      bankId,
      providerId: body.provider_id,
      purposeId: body.purpose_id,
      // OBP records the caller as both the staff and the customer user.
      staffUserId: auth.user.userId,
      customerUserId: auth.user.userId,
      sessionId: randomToken(),
      staffToken: randomToken(),
      customerToken: randomToken(),
      meetingDate: parseObpDate(body.date)!,
      creator: pickContact(body.creator),
      invitees: body.invitees.map((invitee) => ({ contact_details: pickContact(invitee.contact_details), status: invitee.status })),
      inviteeEmails: [...new Set(body.invitees.map((invitee) => invitee.contact_details.email_address.trim().toLowerCase()).filter(Boolean))],
    });
    await this.meetings.insert(meeting);
    return meeting;
  }

  /** Newest first, as OBP orders them. */
  list(bankId: string, auth: AuthContext): Promise<MeetingEntity[]> {
    return this.visibleTo(bankId, auth).orderBy('meeting.meeting_date', 'DESC').addOrderBy('meeting.meeting_id', 'DESC').getMany();
  }

  async get(bankId: string, meetingId: string, auth: AuthContext): Promise<MeetingEntity> {
    const meeting = isUuid(meetingId) ? await this.visibleTo(bankId, auth).andWhere('meeting.meeting_id = :meetingId', { meetingId }).getOne() : null;
    if (!meeting) throw ObpException.of('MeetingNotFound', `Current MeetingId(${meetingId}) `);
    return meeting;
  }

  private visibleTo(bankId: string, auth: AuthContext): SelectQueryBuilder<MeetingEntity> {
    const query = this.meetings.createQueryBuilder('meeting').where('meeting.bank_id = :bankId', { bankId });
    if (hasGrant(auth, bankId, 'CanGetMeetingsAtOneBank')) return query;
    return query.andWhere(
      `(meeting.customer_user_id = :userId OR meeting.invitee_emails && ARRAY(SELECT lower(u.email) FROM users u WHERE u.user_id = :userId AND u.email_verified_at IS NOT NULL AND u.email <> ''))`,
      { userId: auth.user.userId },
    );
  }
}

/** Only the documented fields are stored (the validation pipe already dropped the rest). */
function pickContact(contact: { name: string; mobile_phone: string; email_address: string }) {
  return { name: contact.name, mobile_phone: contact.mobile_phone, email_address: contact.email_address };
}
