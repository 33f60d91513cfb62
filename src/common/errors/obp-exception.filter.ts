import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ObpErrors } from './error-catalogue';
import { ObpException, type ObpErrorBody } from './obp.exception';

/**
 * The one place that turns failures into OBP error responses. Expected failures arrive as
 * ObpException; framework failures (unknown route, bad JSON, body size, content type) are mapped
 * here; anything else is logged with the Correlation-Id and answered as OBP-50000 without
 * internals (no stack, no SQL).
 */
@Catch()
export class ObpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ObpExceptionFilter');

  constructor(private readonly wwwAuthenticateRealm: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const failure = this.toObpException(exception, request);

    if (failure.status >= 500) {
      this.logger.error({ err: exception, correlationId: request.id, method: request.method, url: request.url }, 'Unexpected error');
    }
    send(reply, failure.body, this.wwwAuthenticateRealm);
  }

  private toObpException(exception: unknown, request: FastifyRequest): ObpException {
    if (exception instanceof ObpException) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception, request);
    const fastifyError = asFastifyError(exception);
    if (fastifyError) return fromFastifyError(fastifyError);
    return new ObpException(ObpErrors.UnknownError, undefined, 500);
  }
}

export function send(reply: FastifyReply, body: ObpErrorBody, realm: string): void {
  if (body.code === 401) {
    reply.header('WWW-Authenticate', `OAuth realm="${realm}", Bearer realm="${realm}", DirectLogin realm="${realm}"`);
  }
  reply.status(body.code).type('application/json; charset=utf-8').send(body);
}

function fromHttpException(exception: HttpException, request: FastifyRequest): ObpException {
  const status = exception.getStatus();
  if (status === 404) return new ObpException(ObpErrors.InvalidUri, undefined, 404);
  if (status === 413) return new ObpException(ObpErrors.RequestBodyTooLarge);
  if (status === 415) return unsupportedContentType(request.headers['content-type']);
  if (status === 400) return new ObpException(ObpErrors.InvalidJsonFormat, firstMessage(exception));
  if (status === 405) return new ObpException(ObpErrors.InvalidUri, undefined, 404);
  return new ObpException(ObpErrors.UnknownError, undefined, status >= 500 ? 500 : status);
}

interface FastifyLikeError {
  code?: string;
  statusCode: number;
  message: string;
}

function asFastifyError(exception: unknown): FastifyLikeError | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const statusCode = (exception as { statusCode?: unknown }).statusCode;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  return exception as FastifyLikeError;
}

function fromFastifyError(error: FastifyLikeError): ObpException {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ObpException(ObpErrors.RequestBodyTooLarge);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedContentType(undefined);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ObpException(ObpErrors.InvalidJsonFormat, 'The request body is empty.');
    default:
      // Fastify's JSON parser failures (SyntaxError with statusCode 400) and other client errors.
      if (error.statusCode === 400) return new ObpException(ObpErrors.InvalidJsonFormat, sanitise(error.message));
      if (error.statusCode === 404) return new ObpException(ObpErrors.InvalidUri, undefined, 404);
      return new ObpException(ObpErrors.InvalidJsonFormat, undefined, error.statusCode);
  }
}

function unsupportedContentType(contentType: string | undefined): ObpException {
  const detail = contentType ? `Received: ${sanitise(contentType).slice(0, 100)}` : undefined;
  return new ObpException(ObpErrors.UnsupportedContentType, detail);
}

function firstMessage(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return sanitise(response);
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return sanitise(message.join('; '));
  return typeof message === 'string' ? sanitise(message) : undefined;
}

/** Parser messages can quote request bytes: keep them printable and short. */
function sanitise(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 300);
}
