import type { OidcUserService } from '../oidc-user.service';

/**
 * The app-specific services a passport strategy needs, attached to the request by the access
 * guard. passport keeps strategies in one process-wide registry by name, so a strategy instance
 * may belong to another Nest app in the same process (tests start several); reading the services
 * from the request keeps every app on its own key and database.
 */
export interface AuthRequestServices {
  /** Present when OAuth2 bearer login is configured. */
  oidcUsers?: OidcUserService;
}

export const AUTH_SERVICES = Symbol('obp.authServices');

export type RequestWithAuthServices = { [AUTH_SERVICES]?: AuthRequestServices };

export function authServicesOf(request: RequestWithAuthServices): AuthRequestServices {
  const services = request[AUTH_SERVICES];
  if (!services) throw new Error('auth services missing on the request (strategy used outside the access guard)');
  return services;
}
