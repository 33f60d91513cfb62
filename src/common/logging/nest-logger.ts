import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Nest's logger on top of the app's pino logger, writing what nestjs-pino wrote: the Nest context
 * (the last extra argument) as `context`, an object first argument merged into the line, an Error
 * as `err`, and Nest's (message, stack) error calls as `err` with that stack.
 */
/** Nest contexts whose info lines (module initialised, each route mapped) are start-up detail: written at debug. */
const DETAIL_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  // Nest's levels onto pino's.
  readonly verbose = (message: unknown, ...rest: unknown[]): void => this.write('trace', message, rest);
  readonly debug = (message: unknown, ...rest: unknown[]): void => this.write('debug', message, rest);
  readonly log = (message: unknown, ...rest: unknown[]): void =>
    this.write(rest.length > 0 && DETAIL_CONTEXTS.has(rest[rest.length - 1] as string) ? 'debug' : 'info', message, rest);
  readonly warn = (message: unknown, ...rest: unknown[]): void => this.write('warn', message, rest);
  readonly error = (message: unknown, ...rest: unknown[]): void => this.write('error', message, rest);
  readonly fatal = (message: unknown, ...rest: unknown[]): void => this.write('fatal', message, rest);

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const params = rest.length > 0 ? rest.slice(0, -1) : [];
    if (rest.length > 0) fields.context = rest[rest.length - 1];
    if (typeof message === 'object' && message !== null) {
      if (message instanceof Error) fields.err = message;
      else Object.assign(fields, message);
      this.logger[level](fields, ...(params as []));
    } else if (level === 'error' && typeof message === 'string' && params.length === 1 && typeof params[0] === 'string' && /\n\s*at /.test(params[0])) {
      // Nest's exception handlers call error(message, stack, context).
      const err = new Error(message);
      err.stack = params[0];
      this.logger.error({ ...fields, err });
    } else {
      this.logger[level](fields, String(message), ...(params as []));
    }
  }
}
