import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
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
 * The body parsers. application/json: Fastify's own parser (prototype-poisoning protection
 * included), then jsonInputProblem. It replaces Nest's parsers (NestFactory's `bodyParser: false`)
 * and Fastify's text/plain parser. Any other content type: an empty body is no body at all (OBP
 * clients send `Content-Type` on bodiless requests too, whatever the type), and a non-empty one is
 * 415 OBP-10060 at once, so form and plain-text bodies never reach the validation pipe as strings
 * or flat objects.
 *
 * Nothing here refuses an empty or broken JSON body: it is kept for later (see refusedBodyOf), and
 * only an endpoint that reads a body answers it.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig as { onProtoPoisoning?: string; onConstructorPoisoning?: string };
  const parse = fastify.getDefaultJsonParser((onProtoPoisoning ?? 'error') as 'error', (onConstructorPoisoning ?? 'error') as 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const refuse = (error: Error) => {
      (request as WithRefusedBody)[REFUSED_BODY] = error;
      done(null, undefined);
    };
    if ((body as string).length === 0) return refuse(ObpException.of('InvalidJsonFormat', EMPTY_BODY));
    void parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return refuse(error);
      const problem = jsonInputProblem(value);
      if (problem) return refuse(ObpException.of('InvalidJsonFormat', problem));
      done(null, value);
    });
  });
  fastify.addContentTypeParser('*', (request, payload, done) => {
    // An unknown route answers 404 whatever the body, as it did before this parser existed.
    if ((request as { is404?: boolean }).is404 === true) return done(null, undefined);
    const unsupported = () => ObpException.of('UnsupportedContentType', contentTypeDetail(request.headers['content-type']));
    const noBody = () => {
      (request as WithRefusedBody)[REFUSED_BODY] = unsupported();
      done(null, undefined);
    };
    if (declaresEmptyBody(request.headers)) return noBody();
    // A chunked body may still turn out empty (Node clients frame a bodiless POST that way): the
    // first byte decides, and nothing more is read.
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      outcome();
    };
    const onData = (chunk: Buffer | string) => {
      if (chunk.length > 0) settle(() => done(unsupported(), undefined));
    };
    const onEnd = () => settle(noBody);
    const onError = (error: Error) => settle(() => done(error, undefined));
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });
}

const EMPTY_BODY = 'The request body is empty.';

/** No body follows: no chunked transfer and a Content-Length of 0 or none (Fastify's own test). */
function declaresEmptyBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] === undefined && (headers['content-length'] === undefined || headers['content-length'] === '0');
}

function contentTypeDetail(contentType: string | string[] | undefined): string | undefined {
  const text = Array.isArray(contentType) ? contentType.join(', ') : contentType;
  return text ? `Received: ${text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 100)}` : undefined;
}

const REFUSED_BODY = Symbol('obp.refusedBody');
type WithRefusedBody = { [REFUSED_BODY]?: Error };

/**
 * The error for a body the parser refused (empty or malformed JSON, too deep, NUL or lone
 * surrogates; an empty body of another type), or undefined. The access guard throws it once the
 * caller has passed authentication and the role checks, and only for an endpoint that reads a
 * body (takesBody): OBP reads the body inside the endpoint, after those checks, so an anonymous
 * caller gets 401 and a caller without the role 403 whatever the body holds, and an endpoint that
 * takes no body (DirectLogin, GET, DELETE, bodiless POST/PUT) never looks at it. (Bodies over the
 * size limit and non-empty bodies of other types are still refused while reading: 413 and 415
 * before any check.)
 */
export function refusedBodyOf(request: object): Error | undefined {
  return (request as WithRefusedBody)[REFUSED_BODY];
}

/** A handler argument as Nest records it (ROUTE_ARGS_METADATA): the pipes bound to it. */
export interface RouteArgument {
  pipes?: unknown[];
}

/** The body arguments of a controller method (@ValidBody(), or a plain @Body() that start-up refuses). */
export function bodyArguments(controller: Function, method: string): RouteArgument[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>;
  return Object.entries(args)
    .filter(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY))
    .map(([, argument]) => argument);
}

const bodyReaders = new WeakMap<Function, boolean>();

/** Whether a route handler has a @ValidBody() parameter: the only way a handler here reads the request body. */
export function takesBody(controller: Function, handler: Function): boolean {
  let reads = bodyReaders.get(handler);
  if (reads === undefined) {
    reads = bodyArguments(controller, handler.name).length > 0;
    bodyReaders.set(handler, reads);
  }
  return reads;
}
