import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ObpException } from '../errors/obp.exception';

/** Flattens nested class-validator errors into "field.sub: constraint" lines. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => `${path}: ${text}`);
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/** Body validation: unknown fields are dropped (OBP ignores them); failures are 400 OBP-10001 naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => ObpException.of('InvalidJsonFormat', describeValidationErrors(errors).join('; ')),
  });
}
