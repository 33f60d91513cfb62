import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_ID_HEADER = 'correlation-id';

// Echo only ids that cannot smuggle anything into logs or headers.
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's genReqId: echo a well-formed incoming Correlation-Id, else a new UUID. It becomes
 * request.id, which the response header and the request log line both carry.
 */
export function correlationIdFor(raw: IncomingMessage): string {
  const incoming = raw.headers[CORRELATION_ID_HEADER];
  return typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
}
