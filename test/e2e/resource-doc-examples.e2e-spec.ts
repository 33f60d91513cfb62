import { createPrivateKey, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CompactSign } from 'jose';
import Ajv, { type ValidateFunction } from 'ajv';
import { DataSource } from 'typeorm';
import { EndpointRegistry } from '../../src/common/endpoint/endpoint-registry';
import { requestExampleOf, responseExampleOf, type ObpEndpointMetadata } from '../../src/common/endpoint/obp-endpoint.decorator';
import { ApiCollectionsService } from '../../src/modules/api-collections/api-collections.service';
import { hashValidationToken } from '../../src/modules/users/email-validation.service';
import { sender, type Send } from '../support/fuzz/http';
import { buildWorld, type FuzzWorld } from '../support/fuzz/world';
import { uniqueName } from '../support/identity';
import { createTestApp } from '../support/test-app';

/*
 * Every endpoint's documented examples, tried for real (issue 17 item 5, issue 18 item 4).
 *
 * For each @ObpEndpoint handler (from the registry, not a hand-written list), at its newest served
 * version: the example request body is read from the served resource docs, path parameters are
 * filled with real entities (the fuzzer's world: a sandbox bank with accounts, transactions,
 * customers, ... and a caller holding every role), the request is sent, the status must be the
 * endpoint's success status and the body must validate against the OpenAPI schema of that success
 * response, with every documented object closed (no undocumented field) and every declared field
 * required unless the DTO says otherwise.
 *
 * Where the example alone cannot succeed (a unique key a second run would collide with, a body
 * naming an entity by id), PREPARE arranges the precondition first; nothing is skipped.
 */

const ENV = {
  OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true',
  OBP_ALLOW_ACCOUNT_FIREHOSE: 'true',
  OBP_ALLOW_CUSTOMER_FIREHOSE: 'true',
  OBP_ALLOW_PUBLIC_VIEWS: 'true',
  OBP_USE_CONSUMER_LIMITS: 'false',
  LOG_LEVEL: 'error',
};

type Body = Record<string, unknown>;

interface Context {
  app: NestFastifyApplication;
  world: FuzzWorld;
  /** Path parameter values for this call (change them to aim the request elsewhere). */
  ids: Record<string, string>;
  body: unknown;
  /** Extra request headers. */
  headers: Record<string, string>;
}

/** An explicit counterparty of acc-1 (this server has no endpoint creating one yet), made in beforeAll. */
let explicitCounterpartyId = '';

type Prepare = (context: Context) => Promise<void> | void;

const body = (context: Context) => context.body as Body;
/** The consumer's numeric id (the v2.1.0 - v3.x forms of the consumer endpoints take it). */
const numericConsumerId = async (context: Context, consumerId: string) =>
  String((await context.app.get(DataSource).query('SELECT id FROM consumers WHERE consumer_id = $1', [consumerId]))[0].id);
const freshCustomerNumber: Prepare = (context) => {
  body(context).customer_number = uniqueName('').slice(0, 10);
};
/** A new account id, and new routing addresses (an account number is unique at its bank). */
const freshAccountId: Prepare = (context) => {
  context.ids.ACCOUNT_ID = uniqueName('acc-');
  void freshRoutings(context);
};
const freshRoutings: Prepare = (context) => {
  const routings = [body(context).account_routing, ...((body(context).account_routings as unknown[] | undefined) ?? [])];
  for (const routing of routings) if (routing && typeof routing === 'object') (routing as Body).address = uniqueName('');
};
/** A consumer created by the caller (only its creator may change its redirect URL). */
const ownConsumer = async (context: Context, numeric: boolean) => {
  const [row] = await context.app
    .get(DataSource)
    .query(
      `INSERT INTO consumers (consumer_id, consumer_key, secret_hash, app_name, created_by_user_id) VALUES (gen_random_uuid(), $1, 'x', $1, $2) RETURNING id, consumer_id`,
      [uniqueName('key'), context.world.userId],
    );
  context.ids.CONSUMER_ID = numeric ? String(row.id) : row.consumer_id;
};

/** A new collection of the caller's (with the example's operation id in it when `withEndpoint`), named and addressed by id. */
const freshCollection = (withEndpoint: boolean) => async (context: Context) => {
  const collections = context.app.get(ApiCollectionsService);
  const collection = await collections.create(context.world.userId, { api_collection_name: uniqueName('Examples-'), is_sharable: false });
  context.ids.API_COLLECTION_NAME = collection.name;
  context.ids.API_COLLECTION_ID = collection.apiCollectionId;
  if (withEndpoint) {
    const endpoint = await collections.addEndpoint(context.world.userId, { id: collection.apiCollectionId }, context.ids.OPERATION_ID ?? 'OBPv4.0.0-getBanks');
    context.ids.API_COLLECTION_ENDPOINT_ID = endpoint.apiCollectionEndpointId;
  }
};
/** A validation token of the caller's address, as the e-mail would carry it. */
const validationToken: Prepare = async (context) => {
  const token = uniqueName('token-');
  await context.app
    .get(DataSource)
    .query(
      `INSERT INTO email_validation_tokens (token_hash, user_id, email, expires_at) SELECT $1, user_id, email, now() + interval '1 hour' FROM users WHERE user_id = $2`,
      [hashValidationToken(token), context.world.userId],
    );
  body(context).token = token;
};

/**
 * Per-operation preparation, keyed by operation id: what a real client would have done first so
 * that the documented example succeeds (fresh values for unique keys, real ids in the body).
 */
const PREPARE: Record<string, Prepare> = {
  'OBPv6.0.0-validateUserEmail': validationToken,
  'OBPv4.0.0-createMyApiCollectionEndpoint': freshCollection(false),
  'OBPv4.0.0-createMyApiCollectionEndpointById': freshCollection(false),
  'OBPv4.0.0-deleteMyApiCollectionEndpoint': freshCollection(true),
  'OBPv4.0.0-deleteMyApiCollectionEndpointByOperationId': freshCollection(true),
  'OBPv4.0.0-deleteMyApiCollectionEndpointById': freshCollection(true),
  // The example renames a fresh collection (the example name is the create example's, already taken by then).
  'OBPv5.1.0-updateMyApiCollection': async (context) => {
    await freshCollection(false)(context);
    body(context).api_collection_name = uniqueName('Favourites-');
  },
  'OBPv2.0.0-createUser': (context) => {
    const name = uniqueName('felixsmith');
    Object.assign(body(context), { username: name, email: `${name}@example.com` });
    delete body(context).user_invitation_secret_key;
  },
  'OBPv2.1.0-getConsumer': async (context) => {
    context.ids.CONSUMER_ID = await numericConsumerId(context, context.ids.CONSUMER_ID);
  },
  'OBPv2.1.0-enableDisableConsumers': async (context) => {
    context.ids.CONSUMER_ID = await numericConsumerId(context, context.ids.CONSUMER_ID);
  },
  'OBPv3.0.0-addScope': async (context) => {
    context.ids.CONSUMER_ID = await numericConsumerId(context, context.ids.CONSUMER_ID);
    body(context).role_name = 'CanUpdateCustomerEmail';
  },
  'OBPv4.0.0-addScope': (context) => {
    body(context).role_name = 'CanCreateCustomer';
  },
  'OBPv3.0.0-getScopes': async (context) => {
    context.ids.CONSUMER_ID = await numericConsumerId(context, context.ids.CONSUMER_ID);
  },
  'OBPv2.1.0-updateConsumerRedirectUrl': (context) => ownConsumer(context, true),
  'OBPv5.1.0-updateConsumerRedirectUrl': (context) => ownConsumer(context, false),
  'OBPv2.0.0-addEntitlement': (context) => {
    context.ids.USER_ID = String(context.world.bodyFields.user_id);
    body(context).role_name = 'CanUpdateCustomerEmail';
  },
  'OBPv2.2.0-createBank': (context) => {
    body(context).id = uniqueName('gh.');
  },
  'OBPv4.0.0-createBank': (context) => {
    body(context).id = uniqueName('gh.');
  },
  'OBPv5.0.0-createBank': (context) => {
    body(context).id = uniqueName('gh.');
  },
  'OBPv1.4.0-addCustomer': freshCustomerNumber,
  'OBPv2.0.0-createCustomer': freshCustomerNumber,
  'OBPv2.1.0-createCustomer': freshCustomerNumber,
  'OBPv5.0.0-createCustomer': freshCustomerNumber,
  'OBPv3.1.0-updateCustomerNumber': freshCustomerNumber,
  'OBPv2.0.0-addKycMedia': (context) => {
    Object.assign(body(context), { relates_to_kyc_document_id: 'fuzz-doc', relates_to_kyc_check_id: 'fuzz-check' });
  },
  'OBPv2.1.0-sandboxDataImport': (context) => {
    // Bank ids, user names and e-mails are unique: a second import of the same file is refused.
    const suffix = uniqueName('');
    context.body = JSON.parse(
      JSON.stringify(context.body)
        .replace(/"bank1"/g, `"bank1-${suffix}"`)
        .replace(/user\.name_1/g, `user.name_${suffix}`)
        .replace(/user1@example\.com/g, `user1-${suffix}@example.com`),
    );
    for (const event of (body(context).crm_events as Body[] | undefined) ?? []) event.id = randomUUID();
  },
  'OBPv2.0.0-createUserCustomerLinks': async (context) => {
    body(context).customer_id = await newCustomer(context);
  },
  'OBPv4.0.0-createUserCustomerLinks': async (context) => {
    body(context).customer_id = await newCustomer(context);
  },
  'OBPv4.0.0-addAccount': freshRoutings,
  'OBPv2.0.0-createAccount': freshAccountId,
  'OBPv2.2.0-createAccount': freshAccountId,
  'OBPv3.1.0-createAccount': freshAccountId,
  'OBPv5.0.0-createAccount': freshAccountId,
  'OBPv3.0.0-createViewForBankAccount': async (context) => {
    // Creating a custom view needs a view with can_create_custom_view on the account.
    await context.app
      .get(DataSource)
      .query(`INSERT INTO account_access (bank_id, account_id, view_id, user_id) VALUES ($1, $2, 'ManageCustomViews', $3) ON CONFLICT DO NOTHING`, [
        context.world.bankId,
        context.ids.ACCOUNT_ID,
        context.world.userId,
      ]);
    body(context).name = uniqueName('_work');
  },
  'OBPv5.1.0-createConsumer': async (context) => {
    // The JWT must be signed by the key of the certificate sent in PSD2-CERT: sign one with the test TPP's key.
    const fixtures = join(__dirname, '..', 'fixtures');
    const payload = { description: 'Account Management', app_name: 'SOFI', redirect_url: 'https://www.example.com/callback' };
    body(context).jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(createPrivateKey(readFileSync(join(fixtures, 'tpp-test.key.pem'))));
    context.headers['PSD2-CERT'] = readFileSync(join(fixtures, 'tpp-test.cert.pem'), 'utf8').replace(/\n/g, '\\n');
  },
  'OBPv2.2.0-getExplicitCounterpartyById': (context) => {
    context.ids.COUNTERPARTY_ID = explicitCounterpartyId;
  },
  'OBPv4.0.0-getExplicitCounterpartyById': (context) => {
    context.ids.COUNTERPARTY_ID = explicitCounterpartyId;
  },
  'OBPv4.0.0-getUserInvitationAnonymous': (context) => {
    body(context).secret_key = context.world.ids.SECRET_LINK[0];
  },
};

/** Body fields naming an entity: set to the world's real ones (the example's ids exist nowhere). */
function useRealIds(context: Context): void {
  const target = context.body;
  if (!target || typeof target !== 'object' || Array.isArray(target)) return;
  for (const name of ['user_id', 'customer_id', 'customer_number', 'bank_id'] as const) {
    if (name in target) (target as Body)[name] = context.world.bodyFields[name];
  }
}

async function newCustomer(context: Context): Promise<string> {
  const response = await sender(context.app)({
    method: 'POST',
    url: `/obp/v5.1.0/banks/${context.world.bankId}/customers`,
    headers: { DirectLogin: `token=${context.world.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ legal_name: 'Link Target', mobile_phone_number: '+44 07972 444 876' }),
  });
  if (response.status !== 201) throw new Error(`customer for a link: ${response.status} ${response.body}`);
  return JSON.parse(response.body).customer_id as string;
}

/** Endpoints that cannot be exercised here, with the reason (reported by the suite). */
const NOT_COVERED: Record<string, string> = {};

interface Case {
  endpoint: ObpEndpointMetadata;
  version: string;
  key: string;
}

const DESTRUCTIVE = /enableDisableConsumers|revoke|updateCustomerNumber|callsLimit|updateConsumerRedirectUrl/;

describe('Resource doc examples against the real endpoints (e2e)', () => {
  let app: NestFastifyApplication;
  let send: Send;
  let world: FuzzWorld;
  let document: {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown; example?: unknown }> }> }>>;
    components: { schemas: Record<string, unknown> };
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const docsByVersion = new Map<string, Map<string, { example_request_body: unknown; success_response_body: unknown }>>();
  const cases: Case[] = [];
  const dump: Record<string, unknown> = {};

  beforeAll(async () => {
    app = await createTestApp({ env: ENV });
    send = sender(app);
    world = await buildWorld(app, send);
    [{ counterparty_id: explicitCounterpartyId }] = await app.get(DataSource).query(
      `INSERT INTO counterparties (counterparty_id, bank_id, account_id, view_id, created_by_user_id, name, description, currency, other_account_routing_scheme, other_account_routing_address, other_bank_routing_scheme, other_bank_routing_address, is_beneficiary)
       VALUES (gen_random_uuid(), $1, 'acc-1', 'owner', $2, $3, 'My landlord', 'EUR', 'IBAN', 'DE89370400440532013000', 'BIC', 'COBADEFFXXX', true) RETURNING counterparty_id`,
      [world.bankId, world.userId, uniqueName('Landlord ')],
    );
    const openapi = await send({ method: 'GET', url: '/obp/openapi.json', headers: {} });
    document = JSON.parse(openapi.body);
    ajv.addSchema({ $id: 'obp', components: closeObjects(structuredClone(document.components)) });
    for (const endpoint of app.get(EndpointRegistry).all()) {
      const version = endpoint.versions[endpoint.versions.length - 1];
      cases.push({ endpoint, version, key: `${endpoint.verb} ${endpoint.operationId} ${endpoint.path}` });
    }
    // Destructive calls last, so that they never take away what another call needs.
    cases.sort((a, b) => Number(isDestructive(a.endpoint)) - Number(isDestructive(b.endpoint)));
  }, 120_000);

  afterAll(async () => {
    if (process.env.EXAMPLES_DUMP) writeFileSync(process.env.EXAMPLES_DUMP, JSON.stringify(dump, null, 1));
    await app?.close();
  });

  function isDestructive(endpoint: ObpEndpointMetadata): boolean {
    return endpoint.verb === 'DELETE' || DESTRUCTIVE.test(endpoint.operationId);
  }

  async function resourceDocs(version: string) {
    let docs = docsByVersion.get(version);
    if (!docs) {
      const response = await send({ method: 'GET', url: `/obp/v${version}/resource-docs/v${version}/obp`, headers: {} });
      expect(response.status).toBe(200);
      docs = new Map();
      for (const doc of JSON.parse(response.body).resource_docs) {
        docs.set(`${doc.request_verb} ${doc.operation_id} ${String(doc.specified_url).replace(`/obp/v${version}`, '')}`, doc);
      }
      docsByVersion.set(version, docs);
    }
    return docs;
  }

  function validatorFor(version: string, endpoint: ObpEndpointMetadata): ValidateFunction | undefined {
    const path = `/obp/v${version}${endpoint.path === '/' ? '' : endpoint.path}`.replace(/\/([A-Z][A-Z0-9_]*)(?=\/|$)/g, '/{$1}');
    const shape = path.replace(/\{[^}]+\}/g, '{}');
    const item = Object.entries(document.paths).find(([candidate]) => candidate.replace(/\{[^}]+\}/g, '{}') === shape)?.[1];
    const operation = item?.[endpoint.verb.toLowerCase()];
    if (!operation) throw new Error(`no OpenAPI operation for ${endpoint.verb} ${path}`);
    const content = operation.responses[String(endpoint.successStatus)]?.content?.['application/json'];
    if (!content) return undefined;
    const schema = JSON.parse(JSON.stringify(content.schema).replace(/"#\/components\//g, '"obp#/components/'));
    return ajv.compile(schema);
  }

  it('declares a response DTO for every JSON success body and a request DTO for every POST/PUT body, with real example values', () => {
    const problems: string[] = [];
    for (const { endpoint, key } of cases) {
      const emptyAnswer = endpoint.successStatus === 204 || endpoint.emptyResponse === true;
      if (!emptyAnswer && !endpoint.responseBody) problems.push(`${key}: no responseBody (declare the DTO of its JSON answer, or emptyResponse)`);
      if (emptyAnswer && endpoint.responseBody) problems.push(`${key}: answers no body but declares a responseBody`);
      const writes = endpoint.verb === 'POST' || endpoint.verb === 'PUT';
      if (writes && !endpoint.requestBody && !endpoint.noRequestBody) {
        problems.push(`${key}: no requestBody (declare the DTO of its body, or noRequestBody)`);
      }
      // Every scalar of an example comes from an @ApiProperty example, not the builder's neutral fallback.
      for (const [label, example] of [
        ['request', requestExampleOf(endpoint)],
        ['response', responseExampleOf(endpoint)],
      ] as const) {
        for (const path of placeholderPaths(example, label)) problems.push(`${key}: ${path} has no @ApiProperty example`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs every endpoint with its documented example and validates the answer against its documented schema', async () => {
    const failures: string[] = [];
    const covered: string[] = [];
    for (const { endpoint, version, key } of cases) {
      if (NOT_COVERED[endpoint.operationId]) continue;
      const docs = await resourceDocs(version);
      const doc = docs.get(`${endpoint.verb} ${endpoint.operationId} ${endpoint.path}`);
      if (!doc) {
        failures.push(`${key}: not in the resource docs of v${version}`);
        continue;
      }
      const source = isDestructive(endpoint) ? world.victimIds : world.ids;
      const ids = Object.fromEntries(Object.entries(source).map(([name, values]) => [name, values[0]]));
      const hasBody = endpoint.requestBody !== undefined || endpoint.exampleRequest !== undefined;
      const context: Context = { app, world, ids, body: hasBody ? structuredClone(doc.example_request_body) : undefined, headers: {} };
      useRealIds(context);
      await PREPARE[endpoint.operationId]?.(context);
      const url = `/obp/v${version}${endpoint.path === '/' ? '' : endpoint.path}`.replace(/\/([A-Z][A-Z0-9_]*)(?=\/|$)/g, (whole, name: string) =>
        context.ids[name] !== undefined ? `/${encodeURIComponent(context.ids[name])}` : whole,
      );
      const response = await send({
        method: endpoint.verb,
        url,
        headers: { DirectLogin: `token=${world.token}`, ...context.headers, ...(context.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        payload: context.body !== undefined ? JSON.stringify(context.body) : undefined,
      });
      dump[key] = {
        hasResponseBody: endpoint.responseBody !== undefined,
        url,
        status: response.status,
        request: context.body,
        body: response.body ? safeJson(response.body) : undefined,
      };
      if (response.status !== endpoint.successStatus) {
        failures.push(`${key}: ${url} answered ${response.status} ${response.body.slice(0, 200)}`);
        continue;
      }
      const validate = validatorFor(version, endpoint);
      if (!validate) {
        if (response.body !== '') failures.push(`${key}: documented without a body, answered ${response.body.slice(0, 100)}`);
        else covered.push(key);
        continue;
      }
      const body = safeJson(response.body);
      if (!validate(body)) {
        failures.push(`${key}: response does not match its documented schema: ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 600)}`);
        continue;
      }
      covered.push(key);
    }
    console.log(`resource doc examples: ${covered.length} of ${cases.length} handlers answered their example and matched their schema`);
    expect(failures).toEqual([]);
  }, 300_000);
});

/** Scalars the example builder falls back to when a property has no example ('string', 0). Typed bodies (schemas) aside. */
function placeholderPaths(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholderPaths(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (key.startsWith('typed_') ? [] : placeholderPaths(item, `${path}.${key}`)));
  }
  return value === 'string' ? [path] : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * OpenAPI 3.0 schemas made strict JSON Schema: every documented object is closed (a field the DTO
 * does not declare fails the validation), and a nullable reference (`nullable` beside `allOf`/`$ref`:
 * the referenced schema alone would refuse null) accepts null or the referenced shape.
 */
function closeObjects<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(closeObjects);
  else if (node && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    if (object.type === 'object' && object.properties && object.additionalProperties === undefined) object.additionalProperties = false;
    Object.values(object).forEach(closeObjects);
    if (object.nullable === true && (object.type === undefined || object.allOf !== undefined || object.$ref !== undefined)) {
      const rest = { ...object };
      delete rest.nullable;
      if (rest.allOf !== undefined || rest.$ref !== undefined) delete rest.type;
      for (const key of Object.keys(object)) delete object[key];
      object.anyOf = [{ type: 'null' }, rest];
    }
  }
  return node;
}
