import { Controller } from '@nestjs/common';
import { AUTHENTICATED, PUBLIC } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { CurrentAuth } from '../../common/auth/current-auth.decorator';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { CreateUserJson } from './dto/create-user.dto';
import { UserIdJson, UserJsonV200, UserJsonV300 } from './dto/user.json';
import { toUserJsonV200, toUserJsonV300 } from './users.mapper';
import { UsersService } from './users.service';
import { UserInvitationsService } from '../user-invitations/user-invitations.service';
import { EmailValidationService } from './email-validation.service';
import { ValidBody } from '../../common/http/valid-body';

/** Sign-up and the caller's own user. */
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: UserInvitationsService,
    private readonly emailValidation: EmailValidationService,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-createUser',
    verb: 'POST',
    path: '/users',
    versions: since('2.0.0'),
    access: PUBLIC,
    summary: 'Create User',
    description:
      "Creates a local user (no login needed). The password must follow OBP's rule (OBP-30207); the username OBP's rule (400 OBP-20091: an e-mail address, or 8 to 100 of A-Z a-z 0-9 . _ neither starting nor ending with . or _, never two of them in a row) and must not exist in any letter case (409 OBP-20090). With user_invitation_secret_key (this server's addition) it redeems a user invitation: the email must be the invited one and the invitation becomes FINISHED, in one transaction with the user (404 OBP-37882 unknown secret, 404 OBP-37883 used or expired). Only the secret from the invitation e-mail verifies the address (the user is created validated); the secret_key the inviter received creates an unverified user who is sent a validation link like any other. Otherwise the e-mail address is unverified: a validation link is e-mailed to it (POST /users/email-validation or the link's page verifies it), and until then nothing granted by e-mail (meetings) applies; with user_account_validated off the user cannot log in before that either.",
    tags: ['User'],
    errors: [
      'InvalidJsonFormat',
      'InvalidStrongPasswordFormat',
      'InvalidUsername',
      'UsernameAlreadyExists',
      'CannotGetUserInvitation',
      'CannotFindUserInvitation',
      'InvalidJsonValue',
      'UnknownError',
    ],
    requestBody: CreateUserJson,
    responseBody: UserJsonV200,
  })
  async createUser(@ValidBody() body: CreateUserJson): Promise<UserJsonV200> {
    const secret = body.user_invitation_secret_key;
    let emailVerified = false;
    const created = secret
      ? await this.invitations.redeem(secret, body.email, async (manager, { provesMailbox }) => {
          // Only the secret mailed to the invitee proves the address; the inviter's secret_key
          // creates an ordinary, unverified user (anyone who may invite knows it).
          emailVerified = provesMailbox;
          const result = await this.users.createLocalUser(body, provesMailbox ? { manager, validated: true, emailVerified: true } : { manager });
          return { ...result, userId: result.user.userId };
        })
      : await this.users.createLocalUser(body);
    // Unproven address: verified only once the user follows the validation link sent to it.
    if (!emailVerified) await this.emailValidation.start(created.user);
    return toUserJsonV200(created.user, created.entitlements);
  }

  @ObpEndpoint({
    operationId: 'OBPv2.0.0-getCurrentUser',
    verb: 'GET',
    path: '/users/current',
    versions: between('2.0.0', '2.2.0'),
    access: AUTHENTICATED,
    summary: 'Get User (Current)',
    tags: ['User'],
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: UserJsonV200,
  })
  async getCurrentUserV200(@CurrentAuth() auth: AuthContext): Promise<UserJsonV200> {
    const found = await this.users.getById(auth.user.userId);
    return toUserJsonV200(found.user, found.entitlements);
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getCurrentUser',
    verb: 'GET',
    path: '/users/current',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get User (Current)',
    description: 'The logged-in user with entitlements and the views the user can access.',
    tags: ['User'],
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: UserJsonV300,
  })
  async getCurrentUserV300(@CurrentAuth() auth: AuthContext): Promise<UserJsonV300> {
    const found = await this.users.getById(auth.user.userId);
    return toUserJsonV300(found.user, found.entitlements);
  }

  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getCurrentUserId',
    verb: 'GET',
    path: '/users/current/user_id',
    versions: since('4.0.0'),
    access: AUTHENTICATED,
    summary: 'Get User Id (Current)',
    tags: ['User'],
    errors: ['UserNotLoggedIn', 'UnknownError'],
    responseBody: UserIdJson,
  })
  getCurrentUserId(@CurrentAuth() auth: AuthContext): UserIdJson {
    return { user_id: auth.user.userId };
  }
}
