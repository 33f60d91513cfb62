import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger } from 'pino';
import { ObpExceptionFilter } from './common/errors/obp-exception.filter';
import { ObpException } from './common/errors/obp.exception';
import { correlationIdFor } from './common/http/correlation-id';
import { answerClientError, answerFrameworkError, MAX_PARAM_LENGTH } from './common/http/framework-errors';
import { registerJsonBodyParser, urlProblem } from './common/http/input-limits';
import { setResponseHeaders } from './common/http/response-headers';
import { createLogger } from './common/logging/logging';
import { NestPinoLogger } from './common/logging/nest-logger';
import { logRequests } from './common/logging/request-logging';
import { createValidationPipe } from './common/http/validation';
import { AppMetrics } from './common/metrics/metrics';
import { setUpOpenApi } from './common/openapi/openapi';
import { AppModule, type AppModuleOptions } from './app.module';

export interface CreateAppOptions extends AppModuleOptions {
  /** Where logs go (default stdout); tests capture them. */
  logDestination?: DestinationStream;
  /** The logger main.ts already writes its start-up lines with (default: a new one for the config). */
  logger?: Logger;
}

/**
 * Builds the configured application without listening: main.ts listens on it, tests inject into
 * it. Everything about request handling is set up here so both see the same server.
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(options.config, options.logDestination);
  const adapter = new FastifyAdapter({
    genReqId: correlationIdFor,
    bodyLimit: options.config.bodyLimitBytes,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // Bad percent-escapes and over-long parameters fail in the router, before hooks and filters.
    frameworkErrors: answerFrameworkError,
    // Requests Node's HTTP parser refuses (oversized headers, broken request lines).
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new NestPinoLogger(logger),
    // JSON is parsed by registerJsonBodyParser (input limits); no other body type is accepted.
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  // Callback-style hooks (here and in logRequests, metrics): an async hook costs a promise per request.
  fastify.addHook('onRequest', (request, reply, done) => {
    setResponseHeaders(reply, request.id);
    // Refused before any handler sees the decoded parameters and query (see input-limits.ts).
    const problem = urlProblem(request.url);
    done(problem ? ObpException.of('InvalidUrl', problem) : undefined);
  });
  registerJsonBodyParser(fastify);
  logRequests(fastify, logger);
  app.get(AppMetrics).instrument(fastify);

  app.setGlobalPrefix('obp', { exclude: ['health', 'health/live', 'metrics', 'my/logins/direct'] });
  app.enableVersioning({ type: VersioningType.URI, prefix: 'v' });
  app.useGlobalFilters(new ObpExceptionFilter(options.config.apiInfo.hostname));
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);

  await app.init();
  await fastify.ready();
  return app;
}
