import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { grantRole, signUpAndLogin } from '../identity';

/** A role granted at a bank ("" for the system level). */
export interface Grant {
  role: string;
  bankId: string;
}

/** Request headers of a logged-in user. */
export type AuthHeaders = { DirectLogin: string };

/**
 * Logged-in users, one per distinct set of grants, created on first use and reused: each costs a
 * sign-up and one DirectLogin (two argon2 hashes), so the matrix logs in once per grant set rather
 * than once per request. Grants go straight into the database (the entitlement API has its own
 * spec); grantRole also drops the user's cached auth context.
 */
export class Principals {
  private readonly users = new Map<string, Promise<AuthHeaders>>();

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly consumerKey: string,
  ) {}

  holding(grants: readonly Grant[]): Promise<AuthHeaders> {
    const key = grants
      .map((grant) => `${grant.role}@${grant.bankId}`)
      .sort()
      .join(',');
    let user = this.users.get(key);
    if (!user) {
      user = this.create(grants);
      this.users.set(key, user);
    }
    return user;
  }

  /** How many users were created (for the summary). */
  get count(): number {
    return this.users.size;
  }

  private async create(grants: readonly Grant[]): Promise<AuthHeaders> {
    const user = await signUpAndLogin(this.app, this.consumerKey);
    for (const grant of grants) await grantRole(this.app, user.userId, grant.role, grant.bankId);
    return user.auth;
  }
}
