import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/postgres-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isUuid } from '../../common/http/ids';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { hashSecret } from '../auth/password-hasher';
import { EntitlementEntity } from '../entitlements/entities/entitlement.entity';
import { LocalIdentityProvider } from '../identity-provider/local-identity-provider';
import type { CreateUserJson } from './dto/create-user.dto';
import { UserEntity } from './entities/user.entity';
import { isValidPassword } from './password-policy';
import { isLoginableUsername, isValidUsername } from './username-policy';

export interface UserWithEntitlements {
  user: UserEntity;
  entitlements: EntitlementEntity[];
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(EntitlementEntity) private readonly entitlements: Repository<EntitlementEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly localIdentityProvider: LocalIdentityProvider,
  ) {}

  get localProvider(): string {
    return this.localIdentityProvider.value;
  }

  /**
   * Local sign-up: OBP password rule, OBP username rule (400 OBP-20091; `usernameRule: 'login'` only
   * asks for DirectLogin's characters, for the administrator-configured bootstrap accounts), username
   * unique regardless of case (409 OBP-20090), argon2id hash. `manager` runs it inside a caller's
   * transaction (invitation redemption); `validated` overrides the instance default; `emailVerified`
   * marks the address as proven (an invitation redeemed). Otherwise the address stays unverified until
   * the user follows a validation link (EmailValidationService).
   */
  async createLocalUser(
    body: CreateUserJson,
    options: { manager?: EntityManager; validated?: boolean; emailVerified?: boolean; usernameRule?: 'obp' | 'login' } = {},
  ): Promise<UserWithEntitlements> {
    if (!isValidPassword(body.password)) throw ObpException.of('InvalidStrongPasswordFormat');
    const usernameOk = options.usernameRule === 'login' ? isLoginableUsername(body.username) : isValidUsername(body.username);
    if (!usernameOk) throw ObpException.of('InvalidUsername');
    const users = options.manager?.getRepository(UserEntity) ?? this.users;
    // Unique regardless of case (the unique index on lower(username) backs this up under races).
    const taken = await users
      .createQueryBuilder('u')
      .where('u.provider = :provider AND lower(u.username) = lower(:username)', { provider: this.localProvider, username: body.username })
      .getExists();
    if (taken) throw ObpException.of('UsernameAlreadyExists');
    const user = users.create({
      provider: this.localProvider,
      providerId: body.username,
      username: body.username,
      email: body.email,
      firstName: body.first_name,
      lastName: body.last_name,
      passwordHash: await hashSecret(body.password),
      validated: options.validated ?? this.config.auth.userAccountValidated,
      emailVerifiedAt: options.emailVerified ? new Date() : null,
    });
    try {
      await users.insert(user);
    } catch (error) {
      // Two sign-ups with one username at once: the unique index decides.
      if (isUniqueViolation(error)) {
        throw ObpException.of('UsernameAlreadyExists');
      }
      throw error;
    }
    return { user, entitlements: [] };
  }

  async findById(userId: string): Promise<UserWithEntitlements | undefined> {
    if (!isUuid(userId)) return undefined;
    const user = await this.users.findOneBy({ userId });
    return user ? { user, entitlements: await this.entitlementsOf(user.userId) } : undefined;
  }

  async getById(userId: string): Promise<UserWithEntitlements> {
    const found = await this.findById(userId);
    if (!found) throw ObpException.of('UserNotFoundByUserId', `Current USER_ID(${userId})`);
    return found;
  }

  async getByProviderAndUsername(provider: string, username: string): Promise<UserWithEntitlements> {
    const user = await this.users.findOneBy({ provider, username });
    if (!user) throw ObpException.of('UserNotFoundByProviderAndUsername');
    return { user, entitlements: await this.entitlementsOf(user.userId) };
  }

  /** A page of users with their entitlements: two queries, never one per user. */
  async list(limit: number, offset: number): Promise<UserWithEntitlements[]> {
    const users = await this.users.find({ order: { createdAt: 'ASC', creationSeq: 'ASC' }, take: limit, skip: offset });
    const entitlements = users.length
      ? await this.entitlements.find({ where: { userId: In(users.map((user) => user.userId)) }, order: { createdAt: 'ASC', creationSeq: 'ASC' } })
      : [];
    return users.map((user) => ({ user, entitlements: entitlements.filter((entitlement) => entitlement.userId === user.userId) }));
  }

  private entitlementsOf(userId: string): Promise<EntitlementEntity[]> {
    return this.entitlements.find({ where: { userId }, order: { createdAt: 'ASC', creationSeq: 'ASC' } });
  }
}
