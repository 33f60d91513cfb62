import type { FastifyReply } from 'fastify';

/** Headers on every response. No CSP: Swagger UI needs its inline scripts. */
export const RESPONSE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  // As OBP: credentials travel in headers, never cookies, so any origin may call.
  'Access-Control-Allow-Origin': '*',
};

/** The Correlation-Id and RESPONSE_HEADERS: set for every request, and by the router-failure answer that runs without hooks. */
export function setResponseHeaders(reply: FastifyReply, correlationId: string): void {
  reply.header('Correlation-Id', correlationId);
  reply.headers(RESPONSE_HEADERS);
}
