import type { FastifyInstance } from 'fastify';
import { ObpException } from '../errors/obp.exception';

/**
 * Limits on request input that no endpoint needs to exceed, checked before any handler, DTO
 * transformation or query sees the input.
 *
 * - JSON bodies nest at most MAX_JSON_DEPTH levels. class-transformer and class-validator recurse
 *   once per level: a 2,000-deep body overflowed the stack (500). OBP bodies nest 4 levels at most.
 * - No text may contain NUL (U+0000) or an unpaired UTF-16 surrogate. PostgreSQL refuses both in
 *   text and jsonb ("invalid byte sequence for encoding UTF8: 0x00", "unsupported Unicode escape
 *   sequence"), which surfaced as 500s wherever such text reached a query.
 * - The URL may not contain an encoded NUL (%00): it decodes into path parameters and query values
 *   that end up in queries the same way.
 *
 * Bodies are refused with 400 OBP-10001 (Incorrect json format), URLs with 400 OBP-10017
 * (Incorrect URL Format).
 */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SIMPLE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** What makes a string unstorable, or undefined. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate';
  return undefined;
}

/**
 * Why a parsed JSON body is refused, or undefined. Iterative (an explicit stack), so the input's
 * depth cannot overflow the call stack here either. The message names the field when its path is
 * made of plain names.
 */
export function jsonInputProblem(body: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 0, path: '' }];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `${path || 'The body'} ${problem}.`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return `The body is nested more than ${maxDepth} levels deep.`;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, depth: depth + 1, path: `${path}[${index}]` }));
      continue;
    }
    for (const [name, item] of Object.entries(value)) {
      const problem = textProblem(name);
      if (problem) return `A field name ${problem}.`;
      const step = SIMPLE_NAME.test(name) ? name : '?';
      pending.push({ value: item, depth: depth + 1, path: path ? `${path}.${step}` : step });
    }
  }
  return undefined;
}

/** Why a request target (path and query, still percent-encoded) is refused, or undefined. */
export function urlProblem(url: string): string | undefined {
  return /%00/.test(url) ? 'The URL contains an encoded NUL character (%00).' : undefined;
}

/**
 * The one body parser, for application/json: Fastify's own (prototype-poisoning protection
 * included), then jsonInputProblem. It replaces Nest's parsers (NestFactory's `bodyParser: false`)
 * and Fastify's text/plain parser, so form and plain-text bodies get 415 OBP-10060 like every
 * other non-JSON type instead of reaching the validation pipe as strings or flat objects.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig as { onProtoPoisoning?: string; onConstructorPoisoning?: string };
  const parse = fastify.getDefaultJsonParser(
    (onProtoPoisoning ?? 'error') as 'error',
    (onConstructorPoisoning ?? 'error') as 'error',
  );
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // A refused body is kept for later rather than answered here: see refusedBodyOf.
    const refuse = (error: Error) => {
      (request as WithRefusedBody)[REFUSED_BODY] = error;
      done(null, undefined);
    };
    // `Content-Type: application/json` with `Content-Length: 0` (browsers' fetch, python-requests) is
    // no body, as when neither header is sent: endpoints that read none accept it, the others refuse it.
    if (body === '') return done(null, undefined);
    parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return refuse(error);
      const problem = jsonInputProblem(value);
      if (problem) return refuse(ObpException.of('InvalidJsonFormat', problem));
      done(null, value);
    });
  });
}

const REFUSED_BODY = Symbol('obp.refusedBody');
type WithRefusedBody = { [REFUSED_BODY]?: Error };

/**
 * The error for a JSON body the parser refused (malformed, too deep, NUL or lone surrogates), or
 * undefined. The access guard throws it once the caller has passed authentication and the role
 * checks: OBP reads the body inside the endpoint, after those checks, so an anonymous caller gets
 * 401 and a caller without the role 403 whatever the body holds. (Bodies over the size limit and
 * non-JSON content types are still refused while reading: 413 and 415 before any check.)
 */
export function refusedBodyOf(request: object): Error | undefined {
  return (request as WithRefusedBody)[REFUSED_BODY];
}
