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

/** OBP names the expected body class ("The Json body should be the PostKycCheckJSON "); so do we, from the DTO. */
function expectedBodyPrefix(errors: ValidationError[]): string {
  const name = (errors[0]?.target as object | undefined)?.constructor?.name;
  return name && name !== 'Object' ? `The Json body should be the ${name} ` : '';
}

/** Body validation: unknown fields are dropped (OBP ignores them); failures are 400 OBP-10001 naming the class and field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    validateCustomDecorators: false,
    // The target object is kept on errors so the message can name the expected body class.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => ObpException.of('InvalidJsonFormat', expectedBodyPrefix(errors) + describeValidationErrors(errors).join('; ')),
  });
}
