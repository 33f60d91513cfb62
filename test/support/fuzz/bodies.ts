import fc from 'fast-check';
import { DATE_STRINGS, hugeString, nastyString, NUMBER_STRINGS, NUMBER_VALUES } from './strings';

/**
 * Request bodies: the endpoint's example (from its DTO or exampleRequest) with fields dropped,
 * added or given hostile values, whole bodies of the wrong JSON type, malformed JSON, invalid
 * UTF-8 and bodies over the size limit.
 */

/** Nesting written straight into the JSON text (JSON.stringify would recurse as deep). */
export class Deep {
  constructor(
    readonly depth: number,
    readonly kind: 'array' | 'object',
  ) {}
}

export type Value = null | boolean | number | string | Deep | Value[] | { [key: string]: Value };

export function serialise(value: Value): string {
  if (value instanceof Deep) {
    return value.kind === 'array' ? '['.repeat(value.depth) + ']'.repeat(value.depth) : '{"a":'.repeat(value.depth) + '1' + '}'.repeat(value.depth);
  }
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${serialise(item)}`)
      .join(',')}}`;
  }
  // JSON.stringify escapes NUL and lone surrogates (\u0000, \ud800): valid JSON that decodes to them.
  return JSON.stringify(value) ?? 'null';
}

let hostile: fc.Arbitrary<Value> | undefined;

/** Wrong types, hostile text, awkward numbers, huge strings, deep nesting, long arrays. Built once (see strings.ts). */
export function hostileValue(): fc.Arbitrary<Value> {
  return (hostile ??= fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<Value>(null, true, false, 0, 1, '', [], {}, [null], [{}], [[]], { a: 1 }, ['x']) },
    { weight: 3, arbitrary: nastyString() },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBER_VALUES) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBER_STRINGS, ...DATE_STRINGS) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: hugeString() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 33, max: 3_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
        .map(([depth, kind]) => new Deep(depth, kind)),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Value> },
    { weight: 1, arbitrary: fc.array(nastyString(), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 101, max: 2_000 }).map((length) => Array.from({ length }, () => 'x')) },
  ));
}

type Path = (string | number)[];

function pathsOf(value: Value, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...at, index], out));
  else if (value !== null && typeof value === 'object' && !(value instanceof Deep))
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
  return out;
}

function clone(value: Value): Value {
  if (value instanceof Deep || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clone(item)]));
}

export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'set'; at: number; value: Value }
  | { op: 'add'; at: number; key: string; value: Value }
  | { op: 'wrap'; at: number; how: 'array' | 'object' }
  | { op: 'swap'; at: number; pick: number };

/** Values of other JSON types than `value`, made from it where possible ({...} -> [{...}], "1" -> 1). */
function otherTypes(value: Value): Value[] {
  if (Array.isArray(value)) return [{}, value[0] ?? null, 'x', 0, null, true, [value]];
  if (value !== null && typeof value === 'object' && !(value instanceof Deep)) return [[], [value], 'x', 1, null, false, Object.values(value)];
  if (typeof value === 'string') return [Number(value) || 0, true, null, [value], { value }, ''];
  if (typeof value === 'number') return [String(value), value !== 0, null, [value], { value }, -value];
  if (typeof value === 'boolean') return [String(value), Number(value), null, [value], !value];
  return ['', 0, false, [], {}];
}

let mutations: fc.Arbitrary<Mutation> | undefined;

function mutation(): fc.Arbitrary<Mutation> {
  return (mutations ??= buildMutation());
}

function buildMutation(): fc.Arbitrary<Mutation> {
  const key = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'id', 'user_id', 'bank_id') },
    { weight: 1, arbitrary: nastyString() },
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat() }) },
    { weight: 8, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: hostileValue() }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key, value: hostileValue() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), how: fc.constantFrom<'array' | 'object'>('array', 'object') }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('swap' as const), at: fc.nat(), pick: fc.nat() }) },
  );
}

/** Applies mutations to a copy; `at` picks a node among all nodes of the current value. */
export function mutate(example: Value, mutations: Mutation[]): Value {
  let root = clone(example);
  for (const change of mutations) {
    const paths = pathsOf(root);
    const path = paths[change.at % paths.length];
    const parent =
      path.length === 0
        ? undefined
        : (path.slice(0, -1).reduce<Value>((node, step) => (node as Record<string, Value>)[step], root) as Record<string | number, Value>);
    const last = path[path.length - 1];
    const current = path.length === 0 ? root : parent![last];
    const replace = (next: Value) => {
      if (path.length === 0) root = next;
      else parent![last] = next;
    };
    switch (change.op) {
      case 'drop':
        if (parent === undefined) root = {};
        else if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete parent[last];
        break;
      case 'set':
        // Cloned: fast-check hands out the same instance of a constant every time.
        replace(clone(change.value));
        break;
      case 'add':
        if (current !== null && typeof current === 'object' && !Array.isArray(current) && !(current instanceof Deep)) {
          // Defined as an own property, so "__proto__" is sent as a key rather than setting a prototype.
          Object.defineProperty(current, change.key, { value: clone(change.value), enumerable: true, writable: true, configurable: true });
        } else if (Array.isArray(current)) current.push(clone(change.value));
        else replace(clone(change.value));
        break;
      case 'wrap':
        replace(change.how === 'array' ? [current] : { value: current });
        break;
      case 'swap': {
        const others = otherTypes(current);
        replace(clone(others[change.pick % others.length]));
        break;
      }
    }
  }
  return root;
}

/** The body to send. JSON text, or raw bytes for malformed and oversized ones. */
export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'json'; value: Value; note: string }
  | { kind: 'raw'; text: string; note: string }
  | { kind: 'bytes'; bytes: number[]; note: string }
  | { kind: 'oversized'; extra: number; json: boolean };

const MALFORMED = [
  '{',
  '}',
  '[',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '[1,2',
  'nul',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":-Infinity}',
  '{"a":1e400}',
  '{"a":-1e400}',
  '{"a":-}',
  '{"a":"\u0000"}',
  '{"a":"\n"}',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u00"}',
  '{"a":"\\x41"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  ' ',
  '\n',
  '0',
  '"string"',
  'true',
  'null',
  '{"a":01}',
  '{"a":.5}',
  '{"a":+1}',
  '{a:1}',
  '{"a":1}//',
  '/*x*/{}',
  '{"a":[1,2,]}',
  '\u0000',
  '{"a":"b"',
  '{"a":"\\"}',
];

export function bodyPlan(example: Value | undefined, expectsBody: boolean): fc.Arbitrary<BodyPlan> {
  const base: Value = example ?? {};
  const mutated = fc
    .array(mutation(), { minLength: 1, maxLength: 3 })
    .map((mutations): BodyPlan => ({ kind: 'json', value: mutate(base, mutations), note: `mutated(${mutations.map((m) => m.op).join(',')})` }));
  const whole = hostileValue().map((value): BodyPlan => ({ kind: 'json', value, note: 'replaced' }));
  const malformed = fc.oneof(
    fc.constantFrom(...MALFORMED).map((text): BodyPlan => ({ kind: 'raw', text, note: 'malformed' })),
    fc.nat().map((cut): BodyPlan => {
      const text = serialise(base);
      return { kind: 'raw', text: text.slice(0, cut % Math.max(1, text.length)), note: 'truncated' };
    }),
  );
  const invalidUtf8 = fc
    .constantFrom([0xff], [0xfe, 0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x80])
    .map((bad): BodyPlan => ({ kind: 'bytes', bytes: [...Buffer.from('{"a":"'), ...bad, ...Buffer.from('"}')], note: 'invalid utf-8' }));
  // Mostly just over the limit (cheap to build and send), sometimes far over it.
  const oversized = fc
    .record({
      extra: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 4_096 }) }, { weight: 1, arbitrary: fc.integer({ min: 4_097, max: 1_000_000 }) }),
      json: fc.boolean(),
    })
    .map((plan): BodyPlan => ({ kind: 'oversized', ...plan }));

  if (!expectsBody) {
    return fc.oneof(
      { weight: 18, arbitrary: fc.constant<BodyPlan>({ kind: 'none' }) },
      { weight: 1, arbitrary: fc.oneof(whole, malformed) },
      { weight: 1, arbitrary: oversized },
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<BodyPlan>({ kind: 'json', value: base, note: 'example' }) },
    { weight: 12, arbitrary: mutated },
    { weight: 2, arbitrary: whole },
    { weight: 2, arbitrary: malformed },
    { weight: 1, arbitrary: invalidUtf8 },
    { weight: 1, arbitrary: fc.constant<BodyPlan>({ kind: 'none' }) },
    { weight: 1, arbitrary: oversized },
  );
}

/** The bytes of a plan; oversized bodies are built here so the plan itself stays small. */
export function payloadOf(plan: BodyPlan, bodyLimit: number): string | Buffer | undefined {
  switch (plan.kind) {
    case 'none':
      return undefined;
    case 'json':
      return serialise(plan.value);
    case 'raw':
      return plan.text;
    case 'bytes':
      return Buffer.from(plan.bytes);
    case 'oversized':
      return plan.json ? `{"a":"${'x'.repeat(bodyLimit + plan.extra)}"}` : 'x'.repeat(bodyLimit + plan.extra);
  }
}
