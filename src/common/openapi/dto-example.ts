import type { Type } from '@nestjs/common';

/**
 * A request or response body declared on an @ObpEndpoint: a DTO class, or `[Dto]` for a bare JSON
 * array (OBP mostly wraps lists in an object, so wrapper classes are the rule), or `Boolean` for
 * OBP's bare `true` answers (several DELETEs).
 */
export type BodyDeclaration = Type<unknown> | [Type<unknown>];

// @nestjs/swagger's metadata keys (DECORATORS in its constants module, which its exports map hides).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

interface PropertyMetadata {
  example?: unknown;
  type?: unknown;
  isArray?: boolean;
  enum?: unknown[] | Record<string, unknown>;
  nullable?: boolean;
  required?: boolean;
}

const SCALARS: unknown[] = [String, Number, Boolean, Object, Array, Date];

function isDtoClass(value: unknown): value is Type<unknown> {
  return typeof value === 'function' && value.prototype !== undefined && !SCALARS.includes(value);
}

/** `type: () => Foo` (a lazy reference) resolves to Foo; classes and scalar constructors stay as they are. */
function resolveType(type: unknown): unknown {
  if (typeof type === 'function' && type.prototype === undefined) return (type as () => unknown)();
  return type;
}

function scalarExample(type: unknown, metadata: PropertyMetadata): unknown {
  const values = Array.isArray(metadata.enum) ? metadata.enum : metadata.enum ? Object.values(metadata.enum) : [];
  if (values.length > 0) return values[0];
  if (type === Number || type === 'number' || type === 'integer') return 0;
  if (type === Boolean || type === 'boolean') return false;
  if (type === Object || type === 'object') return {};
  if (metadata.nullable) return null;
  return 'string';
}

/** The property names a DTO class declares with @ApiProperty, in declaration order (inherited first). */
export function dtoPropertyNames(dto: Type<unknown>): string[] {
  const names = (Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, dto.prototype as object) as string[] | undefined) ?? [];
  return [...new Set(names.map((key) => key.replace(/^:/, '')))];
}

const cache = new WeakMap<Type<unknown>, Record<string, unknown>>();

/**
 * The example JSON value of a DTO class, read from the same @ApiProperty metadata that produces
 * its OpenAPI schema: each property's `example`, else the example of its nested class (recursively,
 * arrays as one-element lists), else a neutral value of its type. Used by the OpenAPI document
 * (response and request examples) and by the resource docs, so both always show the same body.
 * Built once per class; callers get a deep copy.
 */
export function exampleOfDto(dto: Type<unknown>): Record<string, unknown> {
  return structuredClone(exampleOfClass(dto, []));
}

/** The example of a body declaration: an object for a class, a one-element array for `[Dto]`. */
export function exampleOfBody(body: BodyDeclaration): unknown {
  if (body === Boolean) return true;
  return Array.isArray(body) ? [exampleOfDto(body[0])] : exampleOfDto(body);
}

function exampleOfClass(dto: Type<unknown>, seen: Type<unknown>[]): Record<string, unknown> {
  const cached = cache.get(dto);
  if (cached) return cached;
  if (seen.includes(dto)) return {};
  const example: Record<string, unknown> = {};
  for (const name of dtoPropertyNames(dto)) {
    const metadata = (Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype as object, name) ?? {}) as PropertyMetadata;
    if (metadata.example !== undefined) {
      example[name] = metadata.example;
      continue;
    }
    let type = resolveType(metadata.type);
    const isArray = metadata.isArray === true || Array.isArray(type);
    if (Array.isArray(type)) type = resolveType(type[0]);
    const one = isDtoClass(type) ? exampleOfClass(type, [...seen, dto]) : scalarExample(type, metadata);
    example[name] = isArray ? [one] : one;
  }
  cache.set(dto, example);
  return example;
}
