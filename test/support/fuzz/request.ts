import fc from 'fast-check';
import { bodyPlan, payloadOf, type BodyPlan, type Value } from './bodies';
import { authHeaders, extraHeaders, JSON_TYPE, OTHER_CONTENT_TYPES, type Headers } from './headers';
import type { RawRequest } from './http';
import { parametersOf, type FuzzTarget } from './targets';
import { hostileSegment, pathSegment, queryString, validSegment } from './url';
import type { FuzzWorld } from './world';

/** A generated request plus what it was made of, printable in a counterexample. */
export interface FuzzRequest extends RawRequest {
  /** "POST /obp/v5.1.0/banks/BANK_ID/customers": the route it exercises. */
  route: string;
  body: BodyPlan;
  [fc.toStringMethod]: () => string;
}

/** Replaces example values by real ones (user_id, customer_number, ...) so mutated bodies reach the entity checks. */
function tailor(value: Value, fields: Record<string, unknown>): Value {
  if (Array.isArray(value)) return value.map((item) => tailor(item, fields));
  if (value === null || typeof value !== 'object' || !(value.constructor === Object)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key in fields && typeof item === typeof fields[key] ? (fields[key] as Value) : tailor(item, fields)]),
  );
}

function abbreviate(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}...(${text.length} chars)`;
}

function describeRequest(request: Omit<FuzzRequest, typeof fc.toStringMethod>): string {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, abbreviate(value, 120)]));
  const payload =
    request.payload === undefined
      ? '(none)'
      : Buffer.isBuffer(request.payload)
        ? `<bytes ${request.payload.toString('hex').slice(0, 120)}>`
        : abbreviate(JSON.stringify(request.payload));
  return `${request.method} ${abbreviate(request.url, 400)}\n  headers: ${JSON.stringify(headers)}\n  body (${request.body.kind}): ${payload}`;
}

/** The valid path ids a handler gets: destructive ones aim at victim records. */
function idsFor(target: FuzzTarget, world: FuzzWorld): Record<string, string[]> {
  if (!target.destructive) return world.ids;
  const consumesCustomer = /cascade|Cascade|updateCustomerNumber/.test(target.operationId);
  return consumesCustomer ? { ...world.victimIds, CUSTOMER_ID: world.victimCustomerIds } : world.victimIds;
}

type SegmentMode = 'valid' | 'one-hostile' | 'mixed';

/** The path parameters of a route: all real, exactly one hostile, or each possibly hostile. */
function segments(template: string, ids: Record<string, string[]>, mode: SegmentMode): fc.Arbitrary<string[]> {
  const names = parametersOf(template);
  for (const name of names) if (!ids[name]?.length) throw new Error(`fuzz: no valid ids for ${name} (${template})`);
  if (mode === 'mixed') return fc.tuple(...names.map((name) => pathSegment(ids[name])));
  const valid = names.map((name) => validSegment(ids[name]));
  if (mode === 'valid' || names.length === 0) return fc.tuple(...valid);
  return fc.nat(names.length - 1).chain((index) => fc.tuple(...names.map((name, at) => (at === index ? hostileSegment(ids[name]) : valid[at]))));
}

interface Plan {
  route: [string, string[]];
  query: string;
  auth: Headers;
  contentType: string | undefined;
  extra: Headers;
  body: BodyPlan;
}

/**
 * Requests for one handler, over all its routes. Most requests are valid but for one fault (the
 * body, one path id, the query, the credentials, the content type or extra headers), so that the
 * fault meets the deepest code it can reach; the rest combine faults at random ("chaos").
 */
export function requestArbitrary(target: FuzzTarget, world: FuzzWorld, bodyLimit: number): fc.Arbitrary<FuzzRequest> {
  const ids = idsFor(target, world);
  const example = target.example === undefined ? undefined : tailor(target.example, world.bodyFields);
  const route = (mode: SegmentMode) => fc.constantFrom(...target.routes).chain((template) => fc.tuple(fc.constant(template), segments(template, ids, mode)));
  const goodAuth = fc.constant<Headers>({ DirectLogin: `token=${world.token}` });
  const anyAuth = target.operationId === 'DirectLogin-createToken' ? directLoginHeaders(world) : authHeaders(world.token, world.victimUsername);
  const plainBody = fc.constant<BodyPlan>(target.expectsBody ? { kind: 'json', value: example ?? {}, note: 'example' } : { kind: 'none' });
  const anyBody = bodyPlan(example, target.expectsBody);
  const json = fc.constant<string | undefined>(JSON_TYPE);
  const anyContentType = fc.oneof({ weight: 12, arbitrary: json }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_CONTENT_TYPES) });
  const none = fc.constant('');
  const noHeaders = fc.constant<Headers>({});
  const plan = (parts: { [K in keyof Plan]: fc.Arbitrary<Plan[K]> }) => fc.record(parts);

  const plans = fc.oneof(
    {
      weight: target.expectsBody ? 10 : 1,
      arbitrary: plan({ route: route('valid'), query: none, auth: goodAuth, contentType: json, extra: noHeaders, body: anyBody }),
    },
    { weight: 3, arbitrary: plan({ route: route('one-hostile'), query: none, auth: goodAuth, contentType: json, extra: noHeaders, body: plainBody }) },
    { weight: 3, arbitrary: plan({ route: route('valid'), query: queryString(), auth: goodAuth, contentType: json, extra: noHeaders, body: plainBody }) },
    { weight: 3, arbitrary: plan({ route: route('valid'), query: none, auth: anyAuth, contentType: json, extra: noHeaders, body: plainBody }) },
    {
      weight: 1,
      arbitrary: plan({
        route: route('valid'),
        query: none,
        auth: goodAuth,
        contentType: fc.constantFrom(...OTHER_CONTENT_TYPES),
        extra: noHeaders,
        body: plainBody,
      }),
    },
    { weight: 1, arbitrary: plan({ route: route('valid'), query: none, auth: goodAuth, contentType: json, extra: extraHeaders(), body: plainBody }) },
    {
      weight: 3,
      arbitrary: plan({ route: route('mixed'), query: queryString(), auth: anyAuth, contentType: anyContentType, extra: extraHeaders(), body: anyBody }),
    },
  );

  return plans.map(({ route: [template, parts], query, auth: credentials, contentType: type, extra, body }) => {
    let index = 0;
    const path = template.replace(/\/[A-Z][A-Z0-9_]*(?=\/|$)/g, () => `/${parts[index++]}`);
    const payload = payloadOf(body, bodyLimit);
    const headers: Headers = { ...extra, ...credentials };
    if (type !== undefined && (payload !== undefined || type !== JSON_TYPE)) headers['content-type'] = type;
    const request = { method: target.verb, url: query ? `${path}?${query}` : path, headers, payload, route: `${target.verb} ${template}`, body };
    return { ...request, [fc.toStringMethod]: () => describeRequest(request) };
  });
}

/** DirectLogin's own header: credentials with hostile parts. Never the fuzzer's username (a lock-out would end the run). */
function directLoginHeaders(world: FuzzWorld): fc.Arbitrary<Headers> {
  const victimUsername = world.victimUsername;
  const part = fc.oneof(
    fc.constantFrom(victimUsername, 'nobody', '', '"', '""', ',', '=', 'a'.repeat(600)),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  );
  const key = fc.oneof(fc.constant(world.consumerKey), part);
  return fc.oneof(
    fc
      .tuple(part, part, key)
      .map(([username, password, consumerKey]): Headers => ({ DirectLogin: `username=${username}, password=${password}, consumer_key=${consumerKey}` })),
    fc.tuple(part, part, key).map(([username, password, consumerKey]): Headers => ({
      Authorization: `DirectLogin username="${username}", password="${password}", consumer_key="${consumerKey}"`,
    })),
    fc
      .tuple(part, key)
      .map(([username, consumerKey]): Headers => ({ DirectLogin: `username=${username}, username=${victimUsername}, consumer_key=${consumerKey}` })),
    authHeaders(world.token, victimUsername),
  );
}
