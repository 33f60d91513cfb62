import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_ID_HEADER = 'correlation-id';

// Echo only ids that cannot smuggle anything into logs or headers.
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's genReqId: echo a well-formed incoming Correlation-Id, else a new UUID. The id is also
 * put on the raw request, where pino-http picks it up, so logs and responses carry the same id.
 */
export function correlationIdFor(raw: IncomingMessage): string {
  const incoming = raw.headers[CORRELATION_ID_HEADER];
  const id = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}
