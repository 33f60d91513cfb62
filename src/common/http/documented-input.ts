import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

/** One query parameter or request header a handler reads, as OpenAPI shows it (always optional). */
export interface InputParameter {
  name: string;
  in: 'query' | 'header';
  description: string;
  schema: Record<string, unknown>;
  /** Free-form NAME=VALUE pairs (an object schema sent as form, exploded): OpenAPI's way to say "any other parameter". */
  freeForm?: boolean;
}

/**
 * A handler parameter decorator that reads the request through `read` and declares `parameters`
 * on the handler's OpenAPI operation. Handlers take their paging and filters through these, so
 * the parameters Swagger UI and Postman offer are the ones the handler reads, from one declaration.
 */
export function documentedInput<T>(parameters: readonly InputParameter[], read: (request: FastifyRequest) => T): ParameterDecorator {
  const declare: ParameterDecorator = (target, key) => {
    if (key === undefined) throw new Error('documentedInput: only on handler parameters');
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) throw new Error(`documentedInput: no method ${String(key)}`);
    for (const parameter of parameters) declaration(parameter)(target, key, descriptor);
  };
  return createParamDecorator((_data: unknown, context: ExecutionContext) => read(context.switchToHttp().getRequest<FastifyRequest>()), [declare])();
}

function declaration(parameter: InputParameter): MethodDecorator {
  const common = { name: parameter.name, description: parameter.description, required: false, schema: parameter.schema };
  if (parameter.in === 'header') return ApiHeader(common);
  return ApiQuery(parameter.freeForm ? { ...common, style: 'form', explode: true } : common);
}

/** A request's query string as Fastify parsed it (repeated names give arrays). */
export function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
