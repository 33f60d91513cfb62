import { Type } from 'class-transformer';
import { IsObject, registerDecorator, ValidateNested, type ValidationOptions } from 'class-validator';
import { parseObpDate } from './obp-date';

/**
 * A nested JSON object validated as `type` (with `each`: a list of them). @ValidateNested alone
 * lets an array stand in for the object (it validates the array's items instead), and that list
 * reached the services: 500s or stored garbage, found by test/e2e/fuzz.e2e-spec.ts. So the value
 * must also be an object.
 */
export function NestedJson(type: () => Function, options: { each?: boolean } = {}): PropertyDecorator {
  const decorators = [IsObject(options), ValidateNested(options), Type(type)];
  return (target, propertyName) => {
    for (const decorate of decorators) decorate(target, propertyName);
  };
}

/** A string in OBP's date format (yyyy-MM-dd'T'HH:mm:ss'Z', milliseconds optional). */
export function IsObpDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isObpDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a date in the format yyyy-MM-dd'T'HH:mm:ss'Z'`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseObpDate(value) !== undefined },
    });
}

/** OBP's id rule for *_id fields in request bodies: at most 36 of [A-Za-z0-9-._]. */
export const OBP_ID_PATTERN = /^[A-Za-z0-9\-._]{0,36}$/;

/** Decimal amount as OBP sends it, in a string ("1000", "12.50", "-3"). */
export const AMOUNT_PATTERN = /^-?\d{1,18}(\.\d{1,6})?$/;
