import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ObpException } from '../errors/obp.exception';
import { MAX_JSON_DEPTH } from './input-limits';
import { applyLiftJsonLeniency } from './lift-json-leniency';
import { memoiseValidationMetadata } from './validation-metadata-cache';

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

const IS_OPTIONAL = 'isOptional';
const optionalByClass = new WeakMap<Function, Set<string>>();

/** The @IsOptional() properties of a DTO class (inherited and mapped-type ones included). */
function optionalProperties(target: Function): Set<string> {
  let names = optionalByClass.get(target);
  if (!names) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    names = new Set(metadata.filter((rule) => rule.name === IS_OPTIONAL).map((rule) => rule.propertyName));
    optionalByClass.set(target, names);
  }
  return names;
}

/**
 * Deletes the properties of a validated DTO (and of its nested DTOs) that hold a JSON null where
 * the DTO declares the field @IsOptional(). class-validator lets such a null through, and the
 * services read "absent" as undefined: a null reached them as a value (a TypeError on v5.0.0
 * create bank's `"id": null`, a NOT NULL violation on v5.0.0 create customer's
 * `"relationship_status": null`; both 500s found by the fuzz test). OBP reads a JSON null as an
 * absent Option, so absent is what it becomes here. Required fields are unaffected (null fails them).
 */
export function dropOptionalNulls(value: unknown, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) dropOptionalNulls(item, depth + 1);
    return;
  }
  // Only DTO instances: plain objects, and Fastify's query objects (no prototype, so no constructor), have no rules.
  const target: unknown = value.constructor;
  if (typeof target !== 'function' || target === Object) return;
  const optional = optionalProperties(target);
  const record = value as Record<string, unknown>;
  for (const [name, item] of Object.entries(record)) {
    if (item === null && optional.has(name)) delete record[name];
    else dropOptionalNulls(item, depth + 1);
  }
}

/** The body pipe (@ValidBody()): OBP's JSON leniency on a body, Nest's ValidationPipe, then dropOptionalNulls on what it produced. */
class ObpValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof metadata.metatype === 'function') applyLiftJsonLeniency(value, metadata.metatype);
    const result: unknown = await super.transform(value, metadata);
    dropOptionalNulls(result);
    return result;
  }
}

/** Body validation: unknown fields are dropped (OBP ignores them); failures are 400 OBP-10001 naming the class and field. */
export function createValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new ObpValidationPipe({
    whitelist: true,
    transform: true,
    validateCustomDecorators: false,
    // The target object is kept on errors so the message can name the expected body class.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => ObpException.of('InvalidJsonFormat', expectedBodyPrefix(errors) + describeValidationErrors(errors).join('; ')),
  });
}
