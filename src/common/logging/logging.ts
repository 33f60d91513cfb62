import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { redactUrl } from './redaction';
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
 * cookies are redacted wherever they appear, and URLs lose their secrets (redaction.ts).
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
      // Secret path segments and every query value are removed (redaction.ts), wherever a URL is logged.
      req: (request: LoggedRequest) => ({ method: request.method, url: redactUrl(request.url), headers: request.headers }),
      url: redactUrl,
    },
  };
  if (destination) return pino(options, destination);
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  return pretty ? pino(options, prettyDestination(process.stdout, process.stdout.isTTY === true)) : pino(options);
}

/**
 * Writes plain text (not a log line) to the logger's own destination, so it comes out after every
 * line logged before it. Through process.stdout it could overtake them: pino's default destination
 * (sonic-boom on fd 1, JSON mode) writes asynchronously. The readable destination passes text that
 * is not JSON through as it is.
 */
export function writeAfterLogLines(logger: Logger, text: string): void {
  const destination = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
  destination.write(text);
}
