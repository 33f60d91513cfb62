import type { Type } from '@nestjs/common';

// @nestjs/swagger's metadata keys (DECORATORS in its constants module, which its exports map hides).
const DECORATORS = { API_MODEL_PROPERTIES: 'swagger/apiModelProperties', API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray' };

interface ApiPropertyMetadata {
  example?: unknown;
  type?: unknown;
  isArray?: boolean;
  enum?: unknown[];
}

function isClass(value: unknown): value is Type<unknown> {
  return typeof value === 'function' && ![String, Number, Boolean, Object, Array, Date].includes(value as never);
}

function scalarExample(type: unknown, metadata: ApiPropertyMetadata): unknown {
  if (metadata.enum?.length) return metadata.enum[0];
  if (type === Number || type === 'number' || type === 'integer') return 1;
  if (type === Boolean || type === 'boolean') return true;
  if (type === Object || type === 'object') return {};
  return 'x';
}

/**
 * A valid-looking body for a DTO class, read from its @ApiProperty metadata (the examples the
 * OpenAPI document shows). The fuzzer mutates it; the world setup posts it as is.
 */
export function exampleOfDto(dto: Type<unknown>, depth = 0): Record<string, unknown> {
  const names = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) as string[] | undefined) ?? [];
  const example: Record<string, unknown> = {};
  for (const name of new Set(names.map((key) => key.replace(/^:/, '')))) {
    const metadata = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, name) ?? {}) as ApiPropertyMetadata;
    if (metadata.example !== undefined) {
      example[name] = metadata.example;
      continue;
    }
    let type = metadata.type;
    // Lazy types: `type: () => Foo`.
    if (typeof type === 'function' && type.prototype === undefined) type = (type as () => unknown)();
    if (Array.isArray(type)) type = type[0];
    const one = isClass(type) && depth < 8 ? exampleOfDto(type, depth + 1) : scalarExample(type, metadata);
    example[name] = metadata.isArray || Array.isArray(metadata.type) ? [one] : one;
  }
  return example;
}
