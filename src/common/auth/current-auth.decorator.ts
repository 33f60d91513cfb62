import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ObpException } from '../errors/obp.exception';
import type { AuthContext } from './auth-context';

export interface AuthenticatedRequest {
  auth?: AuthContext;
}

/** The caller's AuthContext; on routes that allow anonymous calls use @OptionalAuth instead. */
export const CurrentAuth = createParamDecorator((_: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw ObpException.of('UserNotLoggedIn'); // unreachable behind the access guard; fail closed anyway
  return auth;
});

export const OptionalAuth = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthContext | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().auth,
);
