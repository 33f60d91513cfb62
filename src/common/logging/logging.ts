import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../../config/app-config';

/**
 * JSON logs through pino, one line per request carrying the Correlation-Id (req.id). Credentials
 * never reach the log: auth headers and cookies are redacted, and bodies are not logged at all.
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options: Exclude<Params['pinoHttp'], unknown[] | undefined> = {
    level: config.logLevel,
    // Fastify's genReqId (correlation-id.ts) already put the Correlation-Id on the raw request.
  genReqId: (request) => (request as { id?: string }).id ?? 'unknown',
  customProps: (request) => ({ correlationId: (request as { id?: string }).id }),
      redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.directlogin',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.secret',
        '*.token',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (request: { id?: string; method: string; url: string; headers: Record<string, unknown> }) => ({
        method: request.method,
        url: stripQuerySecrets(request.url),
        headers: request.headers,
      }),
    },
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  };
}

/** Query strings can carry secrets (OAuth codes, tokens); keep parameter names, drop values. */
function stripQuerySecrets(url: string): string {
  const index = url.indexOf('?');
  if (index < 0) return url;
  const names = url
    .slice(index + 1)
    .split('&')
    .map((pair) => pair.split('=')[0]);
  return `${url.slice(0, index)}?${names.map((name) => `${name}=…`).join('&')}`;
}
