import type { EntitlementEntity } from '../entitlements/entities/entitlement.entity';
import type { EntitlementJson, UserJsonV200, UserJsonV300, UserJsonV400 } from './dto/user.json';
import type { UserEntity } from './entities/user.entity';

export function toEntitlementJson(entitlement: EntitlementEntity): EntitlementJson {
  return { entitlement_id: entitlement.entitlementId, role_name: entitlement.roleName, bank_id: entitlement.bankId };
}

export function toUserJsonV200(user: UserEntity, entitlements: EntitlementEntity[]): UserJsonV200 {
  return {
    user_id: user.userId,
    email: user.email,
    provider_id: user.providerId,
    provider: user.provider,
    username: user.username,
    entitlements: { list: entitlements.map(toEntitlementJson) },
  };
}

/** Account access arrives with the accounts feature; until then a user can see no views. */
export function toUserJsonV300(user: UserEntity, entitlements: EntitlementEntity[]): UserJsonV300 {
  return { ...toUserJsonV200(user, entitlements), views: { list: [] } };
}

export function toUserJsonV400(user: UserEntity, entitlements: EntitlementEntity[]): UserJsonV400 {
  return {
    ...toUserJsonV200(user, entitlements),
    agreements: [],
    is_deleted: user.deletedAt !== null,
    is_locked: user.lockedAt !== null || (user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now()),
  };
}
