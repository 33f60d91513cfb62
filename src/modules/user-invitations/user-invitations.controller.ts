import { Controller, Param } from '@nestjs/common';
import { PUBLIC, anyRole } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import {
  CreatedUserInvitationJsonV400,
  PostUserInvitationAnonymousJsonV400,
  PostUserInvitationJsonV400,
  UserInvitationJsonV400,
  UserInvitationsJsonV400,
} from './dto/user-invitation.json';
import { toUserInvitationJson, UserInvitationsService } from './user-invitations.service';
import { ValidBody } from '../../common/http/valid-body';

const TAGS = ['User-Invitation', 'KYC'];

@Controller()
export class UserInvitationsController {
  constructor(private readonly invitations: UserInvitationsService) {}

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-createUserInvitation',
    verb: 'POST',
    path: '/banks/BANK_ID/user-invitation',
    versions: since('4.0.0'),
    access: anyRole('CanCreateUserInvitation'),
    summary: 'Create User Invitation',
    description:
      "Creates an invitation valid for 24 hours and e-mails the invitee a link (OBP_PORTAL_HOSTNAME/user-invitation?id=SECRET; without SMTP_URL the link is logged for the operator). purpose is DEVELOPER or CUSTOMER. The response also carries a secret_key (this server's extra field): redeeming with it creates the user with an unverified e-mail; only the mailed secret verifies the address. Only hashes of both secrets are stored.",
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'InvalidJsonFormat', 'InvalidJsonValue'],
    successStatus: 201,
    requestBody: PostUserInvitationJsonV400,
    responseBody: CreatedUserInvitationJsonV400,
  })
  async createUserInvitation(
    @Param('BANK_ID') bankId: string,
    @CurrentAuth() auth: AuthContext,
    @ValidBody() body: PostUserInvitationJsonV400,
  ): Promise<CreatedUserInvitationJsonV400> {
    const { invitation, secret } = await this.invitations.create(bankId, auth.user.userId, body);
    return { ...toUserInvitationJson(invitation), secret_key: secret };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getUserInvitationAnonymous',
    verb: 'POST',
    path: '/banks/BANK_ID/user-invitations',
    versions: since('4.0.0'),
    access: PUBLIC,
    summary: 'Get User Invitation Information',
    description: "The invitee's lookup by secret, no login needed: 404 OBP-37882 for an unknown secret, 404 OBP-37883 once used or older than 24 hours.",
    tags: TAGS,
    errors: ['BankNotFound', 'InvalidJsonFormat', 'CannotGetUserInvitation', 'CannotFindUserInvitation'],
    successStatus: 201,
    requestBody: PostUserInvitationAnonymousJsonV400,
    responseBody: UserInvitationJsonV400,
  })
  async getUserInvitationAnonymous(@Param('BANK_ID') bankId: string, @ValidBody() body: PostUserInvitationAnonymousJsonV400): Promise<UserInvitationJsonV400> {
    return toUserInvitationJson(await this.invitations.getUsable(bankId, body.secret_key));
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getUserInvitations',
    verb: 'GET',
    path: '/banks/BANK_ID/user-invitations',
    versions: since('4.0.0'),
    access: anyRole('CanGetUserInvitation'),
    summary: 'Get User Invitations',
    description: 'Every invitation of the bank, oldest first, with its status (CREATED or FINISHED).',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles'],
    responseBody: UserInvitationsJsonV400,
  })
  async getUserInvitations(@Param('BANK_ID') bankId: string): Promise<UserInvitationsJsonV400> {
    return { user_invitations: (await this.invitations.list(bankId)).map(toUserInvitationJson) };
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getUserInvitation',
    verb: 'GET',
    path: '/banks/BANK_ID/user-invitations/SECRET_LINK',
    secretParams: ['SECRET_LINK'],
    versions: since('4.0.0'),
    access: anyRole('CanGetUserInvitation'),
    summary: 'Get User Invitation',
    description: 'One invitation of the bank by its secret, whatever its state; 404 OBP-37882 if none.',
    tags: TAGS,
    errors: ['UserNotLoggedIn', 'BankNotFound', 'UserHasMissingRoles', 'CannotGetUserInvitation'],
    responseBody: UserInvitationJsonV400,
  })
  async getUserInvitation(@Param('BANK_ID') bankId: string, @Param('SECRET_LINK') secret: string): Promise<UserInvitationJsonV400> {
    return toUserInvitationJson(await this.invitations.getBySecret(bankId, secret));
  }
}
