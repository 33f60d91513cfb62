import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';

/** Headers on every response. No CSP: Swagger UI needs its inline scripts. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Response headers a browser script may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = 'Correlation-Id, WWW-Authenticate, X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset, Location';

/**
 * Request headers a preflight allows. The ones OBP clients send are named, because the `*` wildcard
 * never covers Authorization (Fetch standard); `*` keeps OBP's "any other header" for the rest.
 */
export const CORS_ALLOWED_HEADERS =
  'Authorization, DirectLogin, Content-Type, Accept, Accept-Language, Correlation-Id, Consent-JWT, Consent-Id, X-Requested-With, *';
export const CORS_ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** Seconds a browser may cache a preflight answer (OBP says 20 days; browsers cap it at hours). */
const CORS_MAX_AGE = '1728000';

/**
 * The headers every response carries: security headers, Correlation-Id and CORS. Everything is
 * computed once at start-up; per request it is one `reply.headers()` call, plus one Set lookup of
 * the Origin header when the allowed origins are a list.
 * Credentials travel in headers, never cookies, so no `Access-Control-Allow-Credentials`.
 */
export class ResponseHeaders {
  /** For answers written without a request (the raw-socket client error): no Origin to match. */
  readonly withoutRequest: Record<string, string>;
  private readonly common: Record<string, string>;
  private readonly preflight: Record<string, string>;
  private readonly allowed: ReadonlySet<string> | undefined;

  constructor(cors: AppConfig['cors']) {
    const anyOrigin = cors.allowedOrigins === '*';
    this.allowed = anyOrigin ? undefined : new Set(cors.allowedOrigins);
    this.common = {
      ...SECURITY_HEADERS,
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
      // With a list the answer depends on the request's Origin, so caches must key on it.
      ...(anyOrigin ? { 'Access-Control-Allow-Origin': '*' } : { Vary: 'Origin' }),
    };
    this.preflight = {
      'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
      'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
      'Access-Control-Max-Age': CORS_MAX_AGE,
    };
    this.withoutRequest = { ...SECURITY_HEADERS, ...(anyOrigin ? { 'Access-Control-Allow-Origin': '*' } : {}) };
  }

  /** Set for every request, and by the router-failure answer that runs without hooks. */
  set(reply: FastifyReply, request: FastifyRequest): void {
    reply.header('Correlation-Id', request.id);
    reply.headers(this.common);
    if (this.allowed) {
      const origin = request.headers.origin;
      if (origin !== undefined && this.allowed.has(origin)) reply.header('Access-Control-Allow-Origin', origin);
    }
  }

  /**
   * OPTIONS on any path, as OBP: 204 with what a browser's preflight needs, before routing,
   * authentication or body parsing (a preflight carries no credentials). An origin outside the
   * list gets no Access-Control-Allow-Origin, so the browser refuses the real request.
   */
  answerPreflight(reply: FastifyReply): void {
    reply.code(204).headers(this.preflight).send();
  }
}
