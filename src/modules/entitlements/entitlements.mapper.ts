import type { EntitlementEntity } from './entities/entitlement.entity';

export function toEntitlementJson(entitlement: EntitlementEntity) {
  return { entitlement_id: entitlement.entitlementId, role_name: entitlement.roleName, bank_id: entitlement.bankId };
}

/** entitlementsJsonV400 items: the v2.0.0 fields plus user_id. */
export function toEntitlementJsonV400(entitlement: EntitlementEntity) {
  return { ...toEntitlementJson(entitlement), user_id: entitlement.userId };
}
