import type { Access } from '../../../src/common/auth/access';
import { isKnownRole } from '../../../src/common/auth/roles';
import type { ObpEndpointMetadata } from '../../../src/common/endpoint/obp-endpoint.decorator';

/**
 * What an access declaration must look like for the guard to enforce something meaningful:
 * exactly one of the three kinds, and for roles at least one known role in a known mode. A
 * declaration outside these shapes (a missing access, a typo'd kind, an empty role list) fails.
 */
export function declarationProblems(endpoint: ObpEndpointMetadata): string[] {
  const access = endpoint.access as Access | undefined;
  const name = endpoint.operationId;
  if (!access) return [`${name}: no access declared`];
  switch (access.kind) {
    case 'public':
    case 'authenticated':
      return Object.keys(access).length === 1 ? [] : [`${name}: ${access.kind} access with extra fields ${JSON.stringify(access)}`];
    case 'roles':
      return rolesProblems(name, access);
    default:
      return [`${name}: unknown access kind ${JSON.stringify(access)}`];
  }
}

function rolesProblems(name: string, access: Extract<Access, { kind: 'roles' }>): string[] {
  const problems: string[] = [];
  const roles = access.roles ?? [];
  if (roles.length === 0) problems.push(`${name}: roles access without any role`);
  for (const role of roles) if (!isKnownRole(role)) problems.push(`${name}: unknown role ${String(role)}`);
  if (new Set(roles).size !== roles.length) problems.push(`${name}: a role is listed twice`);
  if (access.mode === 'groups') {
    const groups = access.groups ?? [];
    if (groups.length === 0 || groups.some((group) => group.length === 0)) problems.push(`${name}: groups mode needs non-empty groups`);
    const grouped = new Set(groups.flat());
    if (grouped.size !== roles.length || roles.some((role) => !grouped.has(role))) problems.push(`${name}: roles and groups differ`);
  } else if (access.mode !== 'any' && access.mode !== 'all') {
    problems.push(`${name}: unknown roles mode ${String(access.mode)}`);
  } else if (access.groups !== undefined) {
    problems.push(`${name}: groups given in ${access.mode} mode`);
  }
  return problems;
}
