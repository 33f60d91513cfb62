import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { prettyDestination } from './pretty-log';

/** What a request log line shows of the request (bodies are never logged). */
export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, unknown>;
}

/**
 * The application's one pino logger: JSON lines (readable lines on a terminal, see LOG_FORMAT), one per request (request-logging.ts) plus the
 * framework's own messages (nest-logger.ts). Credentials never reach the log: auth headers and
 * cookies are redacted wherever they appear, and query string values are dropped.
 */
export function createLogger(config: AppConfig, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
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
      req: (request: LoggedRequest) => ({ method: request.method, url: stripQuerySecrets(request.url), headers: request.headers }),
    },
  };
  if (destination) return pino(options, destination);
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  return pretty ? pino(options, prettyDestination(process.stdout, process.stdout.isTTY === true)) : pino(options);
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
