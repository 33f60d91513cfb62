import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import inject, { type Response } from 'light-my-request';

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Sent byte for byte as the request target: no normalisation of "..", "%" or "\". */
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export type Send = (request: RawRequest) => Promise<FuzzResponse>;

/**
 * In-process requests (light-my-request, no sockets) through the same Node 'request' listener a
 * real server uses. Fastify's own inject() parses the URL with WHATWG URL first, which resolves
 * "../" and rewrites bad escapes; a real client can send them raw, so the URL is put back on the
 * request object before Fastify sees it.
 */
export function sender(app: NestFastifyApplication): Send {
  const server = app.getHttpAdapter().getInstance().server;
  return async (request) => {
    // Yield to the event loop first. A request answered from memory completes in promise callbacks
    // alone, so a worker sending such requests back to back never let I/O run: the database's
    // socket starved, and other requests timed out waiting for a connection (500s that only this
    // harness could cause; over a real network every request arrives through I/O).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const dispatch = (req: IncomingMessage, res: ServerResponse) => {
      req.url = request.url;
      server.emit('request', req, res);
    };
    const response: Response = await inject(dispatch, {
      method: request.method as 'GET',
      url: '/',
      headers: request.headers,
      payload: request.payload,
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  };
}
