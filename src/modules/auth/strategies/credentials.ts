import type { FastifyRequest } from 'fastify';
import { directLoginHeaderValue, parseDirectLoginParameters } from '../../../common/auth/direct-login-header';

/** How a request presents credentials, decided from its headers alone (auth.md §1 order). */
export type PresentedCredentials =
  | { kind: 'none' }
  | { kind: 'directlogin-token'; token: string }
  | { kind: 'bearer'; token: string; algorithm: string | undefined }
  | { kind: 'oauth1' }
  | { kind: 'malformed' }
  | { kind: 'unsupported' };

const TOKEN_SYNTAX = /^[A-Za-z0-9\-._@]{1,2048}$/;
/** `DirectLogin: token=...` as clients send it on every call: read without the general parser (same result). */
const PLAIN_TOKEN_HEADER = /^token=([A-Za-z0-9\-._@]{1,2048})$/;

export function presentedCredentials(request: Pick<FastifyRequest, 'headers'>): PresentedCredentials {
  const authorization = request.headers.authorization;
  if (authorization && /^Bearer\s/i.test(authorization)) {
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    return TOKEN_SYNTAX.test(token) ? { kind: 'bearer', token, algorithm: jwtAlgorithm(token) } : { kind: 'malformed' };
  }
  if (authorization && /^OAuth\s/.test(authorization)) return { kind: 'oauth1' };
  const directLogin = directLoginHeaderValue(request.headers);
  const plainToken = directLogin !== undefined ? PLAIN_TOKEN_HEADER.exec(directLogin) : null;
  if (plainToken) return { kind: 'directlogin-token', token: plainToken[1] };
  if (directLogin !== undefined) {
    const token = parseDirectLoginParameters(directLogin).token;
    return token && TOKEN_SYNTAX.test(token) ? { kind: 'directlogin-token', token } : { kind: 'malformed' };
  }
  if (authorization) return { kind: 'unsupported' };
  return { kind: 'none' };
}

/** The "alg" of a JWT's header, without verifying anything. */
function jwtAlgorithm(token: string): string | undefined {
  const header = token.split('.')[0];
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof parsed.alg === 'string' ? parsed.alg : undefined;
  } catch {
    return undefined;
  }
}
