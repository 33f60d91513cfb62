import type { FastifyRequest } from 'fastify';
import { TrustedProxies, viaTrustedProxy } from '../../common/http/client-address';
import { baseStringUri } from './oauth1-signature';

export type OAuth1HttpRequest = Pick<FastifyRequest, 'method' | 'url' | 'headers' | 'socket' | 'protocol' | 'body'>;

/**
 * The URL the client signed: the scheme and Host of this request, or X-Forwarded-Proto /
 * X-Forwarded-Host when the peer is a configured trusted proxy (never otherwise: any client could
 * send those headers).
 */
export function signedBaseUri(request: OAuth1HttpRequest, trustedProxies: readonly string[]): string {
  const path = request.url.split('?')[0];
  const viaProxy = viaTrustedProxy(request, TrustedProxies.of(trustedProxies));
  const scheme = (viaProxy && firstValue(request.headers['x-forwarded-proto'])) || (request.protocol ?? 'http');
  const host = (viaProxy && firstValue(request.headers['x-forwarded-host'])) || request.headers.host || '';
  return baseStringUri(scheme, host, path);
}

/** The query's name/value pairs, decoded as application/x-www-form-urlencoded (RFC 5849 §3.4.1.3.1). */
export function queryParameters(url: string): [string, string][] {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return [...new URLSearchParams(query)];
}

/** The parameters of a form body (RFC 5849 §3.4.1.3.1: signed with the query's); none for JSON or no body. */
export function formParameters(request: OAuth1HttpRequest): [string, string][] {
  const type = String(request.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded') || !request.body || typeof request.body !== 'object') return [];
  return Object.entries(request.body as Record<string, unknown>).map(([name, value]) => [name, String(value)]);
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0].trim() || undefined;
}
