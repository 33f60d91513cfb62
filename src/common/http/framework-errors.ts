import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ObpErrorName } from '../errors/error-catalogue';
import { ObpException } from '../errors/obp.exception';
import { send } from '../errors/obp-exception.filter';
import type { ResponseHeaders } from './response-headers';

/**
 * Longest path parameter the router accepts (Fastify's default is 100). A BANK_ID may have 254
 * characters, and a percent-encoded id three bytes per character; 1024 leaves room for both.
 */
export const MAX_PARAM_LENGTH = 1024;

/**
 * Fastify's `frameworkErrors`: failures its router answers before any route, hook or Nest filter
 * runs. Without it, a path with a broken percent-escape ("%E0%A4%A") or a parameter longer than
 * MAX_PARAM_LENGTH was answered with Fastify's own JSON, no OBP code and no Correlation-Id. Now
 * both are 400 OBP-10017 (Incorrect URL Format) with the headers every response carries.
 */
export function answerFrameworkError(headers: ResponseHeaders, error: { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `A path segment is longer than ${MAX_PARAM_LENGTH} characters.`
      : error.code === 'FST_ERR_BAD_URL'
        ? 'The path contains an invalid percent-encoding.'
        : undefined;
  // The onRequest hook that sets these does not run for router failures.
  headers.set(reply, request);
  send(reply, ObpException.of('InvalidUrl', detail).body, '');
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser rejects (headers over Node's 16 KiB,
 * a broken request line or header, a request timeout) never become requests, so nothing above
 * answers them. Fastify's default wrote its own JSON; this writes an OBP body, a fresh
 * Correlation-Id and the usual headers, then closes the connection as Fastify does.
 */
export function answerClientError(responseHeaders: ResponseHeaders, error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const name: ObpErrorName =
    error.code === 'HPE_HEADER_OVERFLOW' ? 'RequestHeadersTooLarge' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'requestTimeout' : 'MalformedHttpRequest';
  const { body } = ObpException.of(name);
  const json = JSON.stringify(body);
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Correlation-Id': randomUUID(),
    ...responseHeaders.withoutRequest,
    Connection: 'close',
  };
  if (socket.writable) {
    const head = Object.entries(headers)
      .map(([header, value]) => `${header}: ${value}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${body.code} ${STATUS_CODES[body.code]}\r\n${head}\r\n${json}`);
  }
  socket.destroy(error);
}
