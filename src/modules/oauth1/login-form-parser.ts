import { errorCodes, type FastifyInstance } from 'fastify';

export const LOGIN_FORM_PATH = '/oauth/authorize';
/** The OAuth paths that read a form body: the login page's form, and handshake parameters (RFC 5849 §3.5.2). */
const FORM_PATHS = new Set([LOGIN_FORM_PATH, '/oauth/initiate', '/oauth/token']);
const FORM_LIMIT_BYTES = 16 * 1024;

/**
 * Form bodies are read on the OAuth paths only. An empty one is no body at all, wherever it is sent:
 * OAuth client libraries (the `oauth` package that API Explorer II and obp-typescript use) send
 * `Content-Type: application/x-www-form-urlencoded` with nothing after it. Anywhere else a form body
 * is refused as before (415 OBP-10060), since OBP endpoints take JSON only.
 */
export function registerLoginFormParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    if (!FORM_PATHS.has(request.url.split('?')[0])) {
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])), undefined);
      return;
    }
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}
