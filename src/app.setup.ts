import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger } from 'pino';
import { ObpExceptionFilter } from './common/errors/obp-exception.filter';
import { ObpException } from './common/errors/obp.exception';
import { correlationIdFor } from './common/http/correlation-id';
import { answerClientError, answerFrameworkError, MAX_PARAM_LENGTH } from './common/http/framework-errors';
import { registerJsonBodyParser, urlProblem } from './common/http/input-limits';
import { ResponseHeaders } from './common/http/response-headers';
import { createLogger } from './common/logging/logging';
import { NestPinoLogger } from './common/logging/nest-logger';
import { logRequests } from './common/logging/request-logging';
import { AppMetrics } from './common/metrics/metrics';
import { setUpOpenApi } from './common/openapi/openapi';
import { AppModule, type AppModuleOptions } from './app.module';
import { registerLoginFormParser } from './modules/oauth1/login-form-parser';

export interface CreateAppOptions extends AppModuleOptions {
  /** Where logs go (default stdout); tests capture them. */
  logDestination?: DestinationStream;
  /** The logger main.ts already writes its start-up lines with (default: a new one for the config). */
  logger?: Logger;
}

/** Fastify's server options for the configured timeouts (HTTP_*_TIMEOUT_MS). */
export function httpServerTimeouts(config: CreateAppOptions['config']) {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = config.http;
  return {
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    // Node checks pending requests against these timeouts every connectionsCheckingInterval (30 s by
    // default, which would let a slow client stay up to a minute): check at least every second.
    http: { headersTimeout: headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, Math.floor(headersTimeoutMs / 2)) },
  };
}

/**
 * Builds the configured application without listening: main.ts listens on it, tests inject into
 * it. Everything about request handling is set up here so both see the same server.
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(options.config, options.logDestination);
  const responseHeaders = new ResponseHeaders(options.config.cors);
  const adapter = new FastifyAdapter({
    genReqId: correlationIdFor,
    bodyLimit: options.config.bodyLimitBytes,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // Bad percent-escapes and over-long parameters fail in the router, before hooks and filters.
    frameworkErrors: answerFrameworkError.bind(undefined, responseHeaders),
    // Requests Node's HTTP parser refuses (oversized headers, broken request lines).
    clientErrorHandler: answerClientError.bind(undefined, responseHeaders),
    // Slow or idle clients are cut off (slowloris): Node answers 408 and closes a connection whose
    // headers (or whole request) have not arrived in time, and closes idle keep-alive connections.
    ...httpServerTimeouts(options.config),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new NestPinoLogger(logger),
    // JSON is parsed by registerJsonBodyParser (input limits); no other body type is accepted.
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  // Callback-style hooks (here and in logRequests, metrics): an async hook costs a promise per request.
  fastify.addHook('onRequest', (request, reply, done) => {
    responseHeaders.set(reply, request);
    // CORS preflight (any path, any version): answered here, before routing and authentication.
    if (request.method === 'OPTIONS') return responseHeaders.answerPreflight(reply);
    // Refused before any handler sees the decoded parameters and query (see input-limits.ts).
    const problem = urlProblem(request.url);
    done(problem ? ObpException.of('InvalidUrl', problem) : undefined);
  });
  registerJsonBodyParser(fastify);
  registerLoginFormParser(fastify);
  logRequests(fastify, logger);
  app.get(AppMetrics).instrument(fastify);

  app.setGlobalPrefix('obp', {
    exclude: ['health', 'health/live', 'my/logins/direct', 'user_mgt/validate_user/:token', 'oauth/initiate', 'oauth/authorize', 'oauth/token'],
  });
  app.enableVersioning({ type: VersioningType.URI, prefix: 'v' });
  app.useGlobalFilters(new ObpExceptionFilter(options.config.apiInfo.hostname));
  setUpOpenApi(app);

  try {
    await app.init();
    await fastify.ready();
  } catch (error) {
    // A refused start (a start-up check, a bad setting) must not leave the database pool open.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
