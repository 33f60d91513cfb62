/**
 * OBP's "typed" body description: a JSON-schema-like outline derived from an example value,
 * as resource docs show it in typed_request_body / typed_success_response_body.
 */
export function jsonShapeOf(example: unknown): Record<string, unknown> {
  if (Array.isArray(example)) return { type: 'array', items: example.length > 0 ? jsonShapeOf(example[0]) : {} };
  if (example === null || example === undefined) return { type: 'null' };
  switch (typeof example) {
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(example).map(([key, value]) => [key, jsonShapeOf(value)])),
      };
    case 'number':
      return { type: Number.isInteger(example) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    default:
      return { type: 'string' };
  }
}
