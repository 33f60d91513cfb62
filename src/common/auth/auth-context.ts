/** Who is calling: resolved once per request by the access guard and read by handlers. */
export interface AuthUser {
  userId: string;
  provider: string;
  providerId: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface AuthConsumer {
  consumerId: string;
  key: string;
  appName: string;
}

export interface Grant {
  bankId: string;
  roleName: string;
}

export interface AuthContext {
  user: AuthUser;
  /** Absent only for contexts built outside a request (CLI). */
  consumer: AuthConsumer | undefined;
  grants: readonly Grant[];
  /** Roles granted to the calling consumer (OBP scopes); absent outside requests. */
  scopes?: readonly Grant[];
  isSuperAdmin: boolean;
}

/** Whether the calling consumer holds `roleName` at `bankId` as a scope. */
export function hasScope(context: AuthContext, bankId: string, roleName: string): boolean {
  return (context.scopes ?? []).some((scope) => scope.roleName === roleName && scope.bankId === bankId);
}

/** Whether the context holds `roleName` at `bankId` ("" for system roles). */
export function hasGrant(context: AuthContext, bankId: string, roleName: string): boolean {
  return context.grants.some((grant) => grant.roleName === roleName && grant.bankId === bankId);
}
