import { errorCodes, type FastifyInstance } from 'fastify';

export const LOGIN_FORM_PATH = '/oauth/authorize';
const FORM_LIMIT_BYTES = 16 * 1024;

/**
 * The OAuth login page posts an HTML form: the one place a form body is read. Anywhere else a
 * form body is refused as before (415 OBP-10060), since OBP endpoints take JSON only.
 */
export function registerLoginFormParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES }, (request, body, done) => {
    if (request.url.split('?')[0] !== LOGIN_FORM_PATH) {
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])), undefined);
      return;
    }
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}
