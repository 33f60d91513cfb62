import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { since } from '../../src/common/versioning/api-versions';
import { createConsumer, directLogin, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { smallSandbox } from '../support/sandbox-copy';
import { createTestApp } from '../support/test-app';

type Verb = 'get' | 'post' | 'put' | 'delete';

/** One metadata endpoint as the tests drive it. */
interface Endpoint {
  operation: string;
  verb: Verb;
  on: 'counterparty' | 'transaction';
  /** Below .../VIEW_ID/other_accounts/OA or .../VIEW_ID/transactions/T. */
  suffix: string;
  body?: Record<string, unknown>;
  /** The view flag the endpoint checks after access (null: none beyond the common ones). */
  flag: string | null;
  status: number;
}

const location = { latitude: 52.52, longitude: 13.4 };
const A_UUID = '00000000-0000-4000-8000-000000000000';

const COUNTERPARTY_TEXT = [
  { name: 'PublicAlias', suffix: '/public_alias', key: 'alias', flag: 'can_add_public_alias', add: 'addCounterpartyPublicAlias' },
  { name: 'PrivateAlias', suffix: '/private_alias', key: 'alias', flag: 'can_add_private_alias', add: 'addOtherAccountPrivateAlias' },
  { name: 'MoreInfo', suffix: '/metadata/more_info', key: 'more_info', flag: 'can_add_more_info', add: 'addCounterpartyMoreInfo' },
  { name: 'Url', suffix: '/metadata/url', key: 'URL', flag: 'can_add_url', add: 'addCounterpartyUrl' },
  { name: 'ImageUrl', suffix: '/metadata/image_url', key: 'image_URL', flag: 'can_add_image_url', add: 'addCounterpartyImageUrl' },
  {
    name: 'OpenCorporatesUrl',
    suffix: '/metadata/open_corporates_url',
    key: 'open_corporates_URL',
    flag: 'can_add_open_corporates_url',
    add: 'addCounterpartyOpenCorporatesUrl',
  },
];
const COUNTERPARTY_LOCATIONS = [
  {
    name: 'CorporateLocation',
    suffix: '/metadata/corporate_location',
    key: 'corporate_location',
    add: 'can_add_corporate_location',
    remove: 'can_delete_corporate_location',
  },
  {
    name: 'PhysicalLocation',
    suffix: '/metadata/physical_location',
    key: 'physical_location',
    add: 'can_add_physical_location',
    remove: 'can_delete_physical_location',
  },
];

function textValue(key: string): string {
  return key.toLowerCase().includes('url') ? 'https://www.example.com/x' : 'some value';
}

const ENDPOINTS: Endpoint[] = [
  { operation: 'getOtherAccountMetadata', verb: 'get', on: 'counterparty', suffix: '/metadata', flag: null, status: 200 },
  { operation: 'getCounterpartyPublicAlias', verb: 'get', on: 'counterparty', suffix: '/public_alias', flag: 'can_see_public_alias', status: 200 },
  { operation: 'getOtherAccountPrivateAlias', verb: 'get', on: 'counterparty', suffix: '/private_alias', flag: 'can_see_private_alias', status: 200 },
  ...COUNTERPARTY_TEXT.flatMap((f): Endpoint[] => [
    { operation: f.add, verb: 'post', on: 'counterparty', suffix: f.suffix, body: { [f.key]: textValue(f.key) }, flag: f.flag, status: 201 },
    {
      operation: `updateCounterparty${f.name}`,
      verb: 'put',
      on: 'counterparty',
      suffix: f.suffix,
      body: { [f.key]: textValue(f.key) },
      flag: f.flag,
      status: 200,
    },
    { operation: `deleteCounterparty${f.name}`, verb: 'delete', on: 'counterparty', suffix: f.suffix, flag: f.flag, status: 204 },
  ]),
  ...COUNTERPARTY_LOCATIONS.flatMap((f): Endpoint[] => [
    { operation: `addCounterparty${f.name}`, verb: 'post', on: 'counterparty', suffix: f.suffix, body: { [f.key]: location }, flag: f.add, status: 201 },
    { operation: `updateCounterparty${f.name}`, verb: 'put', on: 'counterparty', suffix: f.suffix, body: { [f.key]: location }, flag: f.add, status: 200 },
    { operation: `deleteCounterparty${f.name}`, verb: 'delete', on: 'counterparty', suffix: f.suffix, flag: f.remove, status: 204 },
  ]),
  { operation: 'getTransactionNarrative', verb: 'get', on: 'transaction', suffix: '/metadata/narrative', flag: 'can_see_owner_comment', status: 200 },
  {
    operation: 'addTransactionNarrative',
    verb: 'post',
    on: 'transaction',
    suffix: '/metadata/narrative',
    body: { narrative: 'n' },
    flag: 'can_edit_owner_comment',
    status: 201,
  },
  {
    operation: 'updateTransactionNarrative',
    verb: 'put',
    on: 'transaction',
    suffix: '/metadata/narrative',
    body: { narrative: 'n' },
    flag: 'can_edit_owner_comment',
    status: 200,
  },
  { operation: 'deleteTransactionNarrative', verb: 'delete', on: 'transaction', suffix: '/metadata/narrative', flag: 'can_edit_owner_comment', status: 204 },
  ...(['comments', 'tags', 'images'] as const).flatMap((list): Endpoint[] => {
    const singular = { comments: 'Comment', tags: 'Tag', images: 'Image' }[list];
    const body = list === 'images' ? { label: 'receipt', URL: 'https://www.example.com/r.png' } : { value: 'v' };
    return [
      { operation: `get${singular}sForViewOnTransaction`, verb: 'get', on: 'transaction', suffix: `/metadata/${list}`, flag: `can_see_${list}`, status: 200 },
      {
        operation: `add${singular}ForViewOnTransaction`,
        verb: 'post',
        on: 'transaction',
        suffix: `/metadata/${list}`,
        body,
        flag: `can_add_${singular.toLowerCase()}`,
        status: 201,
      },
      {
        operation: `delete${singular}ForViewOnTransaction`,
        verb: 'delete',
        on: 'transaction',
        suffix: `/metadata/${list}/${A_UUID}`,
        flag: `can_see_${list}`,
        status: 204,
      },
    ];
  }),
  { operation: 'getWhereTagForViewOnTransaction', verb: 'get', on: 'transaction', suffix: '/metadata/where', flag: 'can_see_where_tag', status: 200 },
  {
    operation: 'addWhereTagForViewOnTransaction',
    verb: 'post',
    on: 'transaction',
    suffix: '/metadata/where',
    body: { where: location },
    flag: 'can_add_where_tag',
    status: 201,
  },
  {
    operation: 'updateWhereTagForViewOnTransaction',
    verb: 'put',
    on: 'transaction',
    suffix: '/metadata/where',
    body: { where: location },
    flag: 'can_add_where_tag',
    status: 200,
  },
  { operation: 'deleteWhereTagForViewOnTransaction', verb: 'delete', on: 'transaction', suffix: '/metadata/where', flag: 'can_see_where_tag', status: 204 },
];

describe('Counterparty and transaction metadata (e2e, issue 8)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let suffix: string;
  let bankId: string;
  let accountId: string;
  const users: Record<'owner' | 'colleague' | 'stranger' | 'other', TestUser> = {} as never;
  let counterparties: string[];
  let transactions: string[];

  const send = (verb: Verb, path: string, user?: TestUser, body?: unknown) => {
    const call = request(http)[verb](path);
    if (user) call.set(user.auth);
    return body === undefined ? call : call.send(body as object);
  };
  const base = (version: string, view: string, account = accountId) => `/obp/v${version}/banks/${bankId}/accounts/${account}/${view}`;
  const target = (endpoint: Endpoint, version: string, view: string, index = 0, account = accountId) =>
    `${base(version, view, account)}${endpoint.on === 'counterparty' ? `/other_accounts/${counterparties[index]}` : `/transactions/${transactions[index]}`}${endpoint.suffix}`;

  /** Creates a custom view through the API (the owner holds ManageCustomViews). */
  async function customView(name: string, allowed: string[], metadataView = ''): Promise<void> {
    await send('post', `/obp/v3.0.0/banks/${bankId}/accounts/${accountId}/views`, users.owner, {
      name,
      description: name,
      metadata_view: metadataView,
      is_public: false,
      which_alias_to_use: '',
      hide_metadata_if_alias_used: false,
      allowed_actions: allowed,
    }).expect(201);
  }

  async function grant(user: TestUser, viewId: string): Promise<void> {
    await send('post', `/obp/v4.0.0/banks/${bankId}/accounts/${accountId}/account-access/grant`, users.owner, {
      user_id: user.userId,
      view: { view_id: viewId, is_system: !viewId.startsWith('_') },
    }).expect(201);
  }

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true', OBP_ALLOW_PUBLIC_VIEWS: 'true' } });
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    suffix = uniqueName('m').toLowerCase();
    const { data, password } = smallSandbox(suffix);
    const importer = await signUpAndLogin(app, consumerKey);
    await grantRole(app, importer.userId, 'CanCreateSandbox');
    await send('post', '/obp/v5.1.0/sandbox/data-import', importer, data).expect(201);
    bankId = data.banks[0].id;
    accountId = data.accounts[0].id;
    for (const role of ['owner', 'colleague', 'stranger', 'other'] as const) {
      const username = `${role}.${suffix}`;
      const token = (await directLogin(app, username, password, consumerKey).expect(201)).body.token as string;
      const auth = { DirectLogin: `token=${token}` };
      const userId = (await request(http).get('/obp/v5.1.0/users/current').set(auth).expect(200)).body.user_id as string;
      users[role] = { userId, username, password, token, auth };
    }
    const others = await send('get', `${base('5.1.0', 'owner')}/other_accounts`, users.owner).expect(200);
    counterparties = others.body.other_accounts.map((o: { id: string }) => o.id);
    const listed = await send('get', `${base('5.1.0', 'owner')}/transactions`, users.owner).expect(200);
    transactions = listed.body.transactions.map((t: { id: string }) => t.id);

    await grant(users.owner, 'ManageCustomViews');
    // A view with access to counterparties and metadata but none of the operation flags.
    await customView('_bare', ['can_see_transaction_other_bank_account', 'can_see_transaction_metadata', 'can_see_other_account_metadata']);
    await grant(users.owner, '_bare');
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(since('1.2.1').map((version) => [version]))('every endpoint on v%s', (version) => {
    it.each(ENDPOINTS.map((endpoint) => [endpoint.operation, endpoint]))(
      '%s: 401, 404, 403, unknown id 400, missing flag 400',
      async (_, endpoint: Endpoint) => {
        expectObpError(await send(endpoint.verb, target(endpoint, version, 'owner'), undefined, endpoint.body), 401, 'OBP-20001');
        expectObpError(await send(endpoint.verb, target(endpoint, version, 'owner', 0, 'no-such-account'), users.owner, endpoint.body), 404, 'OBP-30018');
        expectObpError(await send(endpoint.verb, target(endpoint, version, 'owner'), users.stranger, endpoint.body), 403, 'OBP-20017');
        const unknown = target(endpoint, version, 'owner').replace(endpoint.on === 'counterparty' ? counterparties[0] : transactions[0], 'nope');
        expectObpError(await send(endpoint.verb, unknown, users.owner, endpoint.body), 400, endpoint.on === 'counterparty' ? 'OBP-50200' : 'OBP-30067');
        if (endpoint.flag) {
          const refused = await send(endpoint.verb, target(endpoint, version, '_bare'), users.owner, endpoint.body);
          expectObpError(refused, 400, 'OBP-30022');
          expect(refused.body.message).toContain(endpoint.flag);
        }
      },
    );

    describe('success, exact status and read-back through owner', () => {
      const cp = (index: number) => `${base(version, 'owner')}/other_accounts/${counterparties[index % counterparties.length]}`;
      const tx = (index: number) => `${base(version, 'owner')}/transactions/${transactions[index % transactions.length]}/metadata`;
      const index = since('1.2.1').indexOf(version);

      it('other-account metadata and aliases read back; text fields POST 201, PUT 200, DELETE 204 -> null', async () => {
        const metadata = (await send('get', `${cp(index)}/metadata`, users.owner).expect(200)).body;
        expect(Object.keys(metadata)).toEqual([
          'public_alias',
          'private_alias',
          'more_info',
          'URL',
          'image_URL',
          'open_corporates_URL',
          'corporate_location',
          'physical_location',
        ]);
        const alias = (await send('get', `${cp(index)}/public_alias`, users.owner).expect(200)).body.alias;
        expect(alias).toMatch(/^ALIAS_[0-9A-F]{6}$/);
        expect((await send('get', `${cp(index)}/private_alias`, users.owner).expect(200)).body).toEqual({ alias: null });

        const readBack = async (field: (typeof COUNTERPARTY_TEXT)[number]) =>
          field.key === 'alias'
            ? (await send('get', `${cp(index)}${field.suffix}`, users.owner).expect(200)).body.alias
            : (await send('get', `${cp(index)}/metadata`, users.owner).expect(200)).body[field.key];
        const labels: Record<string, string> = {
          PublicAlias: 'public alias',
          PrivateAlias: 'private alias',
          MoreInfo: 'more info',
          Url: 'url',
          ImageUrl: 'image url',
          OpenCorporatesUrl: 'open corporate url',
        };
        for (const field of COUNTERPARTY_TEXT) {
          const first = field.key.toLowerCase().includes('url') ? 'https://www.example.com/first' : `first ${field.name}`;
          const second = field.key.toLowerCase().includes('url') ? 'https://www.example.com/second' : `second ${field.name}`;
          expect((await send('post', `${cp(index)}${field.suffix}`, users.owner, { [field.key]: first }).expect(201)).body).toEqual({
            success: `${labels[field.name]} added`,
          });
          expect(await readBack(field)).toBe(first);
          expect((await send('put', `${cp(index)}${field.suffix}`, users.owner, { [field.key]: second }).expect(200)).body).toEqual({
            success: `${labels[field.name]} updated`,
          });
          expect(await readBack(field)).toBe(second);
          const deleted = await send('delete', `${cp(index)}${field.suffix}`, users.owner).expect(204);
          expect(deleted.text).toBe('');
          expect(await readBack(field)).toBeNull();
        }
        await send('put', `${cp(index)}/public_alias`, users.owner, { alias }).expect(200);
      });

      it('locations: POST 201, PUT 200 with user and date, DELETE 204 -> null, DELETE again 400', async () => {
        for (const field of COUNTERPARTY_LOCATIONS) {
          await send('post', `${cp(index)}${field.suffix}`, users.owner, { [field.key]: { latitude: 10.5, longitude: -20.25 } }).expect(201);
          expect((await send('get', `${cp(index)}/metadata`, users.owner).expect(200)).body[field.key]).toMatchObject({
            latitude: 10.5,
            longitude: -20.25,
            user: { id: users.owner.username },
          });
          await send('put', `${cp(index)}${field.suffix}`, users.owner, { [field.key]: { latitude: -90, longitude: 180 } }).expect(200);
          const read = (await send('get', `${cp(index)}/metadata`, users.owner).expect(200)).body[field.key];
          expect(read).toEqual({
            latitude: -90,
            longitude: 180,
            date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
            user: { id: users.owner.username, provider: expect.any(String), display_name: users.owner.username },
          });
          await send('delete', `${cp(index)}${field.suffix}`, users.owner).expect(204);
          expect((await send('get', `${cp(index)}/metadata`, users.owner).expect(200)).body[field.key]).toBeNull();
          expectObpError(await send('delete', `${cp(index)}${field.suffix}`, users.owner), 400, 'OBP-30096');
        }
      });

      it('narrative: POST 201, PUT 200, DELETE 204 -> null, shared by every view', async () => {
        expect((await send('post', `${tx(index)}/narrative`, users.owner, { narrative: 'first' }).expect(201)).body).toEqual({ success: 'narrative added' });
        expect(
          (
            await send('get', `${base(version, 'auditor')}/transactions/${transactions[index % transactions.length]}/metadata/narrative`, users.owner).expect(
              200,
            )
          ).body,
        ).toEqual({ narrative: 'first' });
        expect((await send('put', `${tx(index)}/narrative`, users.owner, { narrative: 'second' }).expect(200)).body).toEqual({ success: 'narrative updated' });
        expect((await send('get', `${tx(index)}/narrative`, users.owner).expect(200)).body).toEqual({ narrative: 'second' });
        await send('delete', `${tx(index)}/narrative`, users.owner).expect(204);
        expect((await send('get', `${tx(index)}/narrative`, users.owner).expect(200)).body).toEqual({ narrative: null });
      });

      it('comments, tags and images: POST 201 with the item, listed, DELETE 204, gone, unknown id 400', async () => {
        for (const [list, body] of [
          ['comments', { value: 'a comment' }],
          ['tags', { value: 'food' }],
          ['images', { label: 'receipt', URL: 'https://www.example.com/r.png' }],
        ] as const) {
          const created = (await send('post', `${tx(index)}/${list}`, users.owner, body).expect(201)).body;
          expect(created).toEqual({
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            ...body,
            date: expect.any(String),
            user: { id: users.owner.username, provider: expect.any(String), display_name: users.owner.username },
          });
          expect((await send('get', `${tx(index)}/${list}`, users.owner).expect(200)).body[list]).toContainEqual(created);
          await send('delete', `${tx(index)}/${list}/${created.id}`, users.owner).expect(204);
          expect((await send('get', `${tx(index)}/${list}`, users.owner).expect(200)).body[list]).not.toContainEqual(created);
          expectObpError(await send('delete', `${tx(index)}/${list}/${created.id}`, users.owner), 400, 'OBP-30096');
        }
      });

      it('where tag: POST 201, PUT 200, GET, DELETE 204 -> null', async () => {
        expect((await send('post', `${tx(index)}/where`, users.owner, { where: { latitude: 1.5, longitude: 2.5 } }).expect(201)).body).toEqual({
          success: 'where tag added',
        });
        expect((await send('get', `${tx(index)}/where`, users.owner).expect(200)).body.where).toMatchObject({
          latitude: 1.5,
          longitude: 2.5,
          user: { id: users.owner.username },
        });
        expect((await send('put', `${tx(index)}/where`, users.owner, { where: { latitude: 3, longitude: 4 } }).expect(200)).body).toEqual({
          success: 'where tag updated',
        });
        expect((await send('get', `${tx(index)}/where`, users.owner).expect(200)).body.where).toMatchObject({ latitude: 3, longitude: 4 });
        await send('delete', `${tx(index)}/where`, users.owner).expect(204);
        expect((await send('get', `${tx(index)}/where`, users.owner).expect(200)).body).toEqual({ where: null });
      });
    });
  });

  describe('inputs', () => {
    const cp = () => `${base('5.1.0', 'owner')}/other_accounts/${counterparties[1]}`;
    const tx = () => `${base('5.1.0', 'owner')}/transactions/${transactions[1]}/metadata`;

    it('refuses over-long values, malformed URLs and bad coordinates with 400 OBP-10001, never a 500', async () => {
      const refusals: [Verb, string, unknown][] = [
        ['post', `${tx()}/tags`, { value: 'x'.repeat(65) }],
        ['post', `${tx()}/tags`, { value: '' }],
        ['post', `${cp()}/metadata/more_info`, { more_info: 'x'.repeat(256) }],
        ['post', `${cp()}/metadata/url`, { URL: `https://example.com/${'x'.repeat(2000)}` }],
        ['post', `${cp()}/metadata/url`, { URL: 'not a url' }],
        ['put', `${cp()}/metadata/image_url`, { image_URL: 'javascript alert(1)' }],
        ['post', `${cp()}/public_alias`, { alias: 'x'.repeat(65) }],
        ['post', `${tx()}/images`, { label: 'l', URL: 'www.example.com' }],
        ['post', `${tx()}/where`, { where: { latitude: 'north', longitude: 1 } }],
        ['post', `${tx()}/where`, { where: { latitude: 91, longitude: 1 } }],
        ['put', `${cp()}/metadata/corporate_location`, { corporate_location: { latitude: 0, longitude: 180.5 } }],
        ['post', `${cp()}/metadata/physical_location`, { physical_location: { latitude: 0 } }],
        // A number would be read as its text (lift-json leniency, docs/COMPATIBILITY.md); null is no string.
        ['post', `${tx()}/comments`, { value: null }],
        ['post', `${tx()}/narrative`, {}],
      ];
      for (const [verb, path, body] of refusals) expectObpError(await send(verb, path, users.owner, body), 400, 'OBP-10001');
      // The longest allowed values are accepted.
      await send('post', `${tx()}/tags`, users.owner, { value: 'x'.repeat(64) }).expect(201);
      await send('post', `${cp()}/metadata/more_info`, users.owner, { more_info: 'x'.repeat(255) }).expect(201);
    });
  });

  describe('permission matrix (views.md): owner, auditor, accountant, _public and a custom view × every write and delete', () => {
    const CHOSEN = [
      'can_see_transaction_other_bank_account',
      'can_see_other_account_metadata',
      'can_see_transaction_metadata',
      'can_add_more_info',
      'can_add_url',
      'can_add_corporate_location',
      'can_delete_corporate_location',
      'can_add_physical_location',
      'can_see_comments',
      'can_add_comment',
      'can_delete_comment',
      'can_see_tags',
      'can_add_tag',
      'can_see_images',
      'can_add_image',
      'can_delete_image',
      'can_see_where_tag',
      'can_add_where_tag',
      'can_see_owner_comment',
    ];
    /** Written from views.md §2-§3, not from the server's tables: which write/delete flags each view has. */
    const hasFlag = (view: string, flag: string): boolean => {
      if (['owner', 'auditor', 'accountant'].includes(view)) return true;
      if (view === '_public') return !flag.startsWith('can_delete_');
      return CHOSEN.includes(flag);
    };
    const WRITES = ENDPOINTS.filter((endpoint) => endpoint.verb !== 'get');

    beforeAll(async () => {
      await customView('_chosen', CHOSEN);
      for (const view of ['owner', 'auditor', 'accountant', '_chosen']) await grant(users.colleague, view);
      await grant(users.owner, '_chosen');
    });

    it.each(['owner', 'auditor', 'accountant', '_public', '_chosen'].map((view) => [view]))('%s', async (view) => {
      // On _public anyone logged in may act; elsewhere the colleague holds the view. Items to delete are posted by someone else.
      const actor = view === '_public' ? users.other : users.colleague;
      const poster = view === '_public' ? users.stranger : users.owner;
      // Earlier cases may have deleted the public alias; _public hides metadata only behind an alias.
      await send('put', `${base('5.1.0', 'owner')}/other_accounts/${counterparties[2]}/public_alias`, users.owner, { alias: 'ALIAS_ABC123' }).expect(200);
      const outcomes: string[] = [];
      for (const endpoint of WRITES) {
        const item = endpoint.suffix.match(/\/(comments|tags|images)\//)?.[1];
        let path = target(endpoint, '5.1.0', view, 2);
        if (item) {
          const body = item === 'images' ? { label: 'l', URL: 'https://www.example.com/i.png' } : { value: 'v' };
          const posted = await send('post', `${base('5.1.0', view)}/transactions/${transactions[2]}/metadata/${item}`, poster, body);
          path = path.replace(A_UUID, posted.body.id);
        }
        if (endpoint.operation === 'deleteWhereTagForViewOnTransaction') await send('put', path, poster, { where: location });
        if (endpoint.operation.startsWith('deleteCounterparty') && endpoint.operation.endsWith('Location')) {
          await send('put', path, users.owner, { [endpoint.suffix.split('/').pop() as string]: location });
        }
        const response = await send(endpoint.verb, path, actor, endpoint.body);
        const deleteFlag = item
          ? `can_delete_${item.slice(0, -1)}`
          : endpoint.operation === 'deleteWhereTagForViewOnTransaction'
            ? 'can_delete_where_tag'
            : undefined;
        const required = [endpoint.flag as string, ...(deleteFlag ? [deleteFlag] : [])];
        // _public hides counterparty metadata behind the alias it shows (views.md §2).
        const allowed = required.every((flag) => hasFlag(view, flag)) && !(view === '_public' && endpoint.on === 'counterparty');
        const expected = allowed ? endpoint.status : 400;
        if (response.status !== expected || (!allowed && !String(response.body.message).startsWith('OBP-30022'))) {
          outcomes.push(`${endpoint.operation}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  });

  describe('who may delete', () => {
    it.each([['comments'], ['tags'], ['images']])('%s on _public: the poster may delete their own, another user may not', async (list) => {
      const path = `${base('5.1.0', '_public')}/transactions/${transactions[3]}/metadata/${list}`;
      const body = list === 'images' ? { label: 'l', URL: 'https://www.example.com/i.png' } : { value: 'v' };
      const mine = (await send('post', path, users.stranger, body).expect(201)).body;
      expectObpError(await send('delete', `${path}/${mine.id}`, users.other), 400, 'OBP-30022');
      expect((await send('get', path, users.stranger).expect(200)).body[list]).toContainEqual(mine);
      await send('delete', `${path}/${mine.id}`, users.stranger).expect(204);
      expect((await send('get', path, users.stranger).expect(200)).body[list]).not.toContainEqual(mine);
    });

    it('where tag on _public: the poster may delete it, another user may not', async () => {
      const path = `${base('5.1.0', '_public')}/transactions/${transactions[3]}/metadata/where`;
      await send('post', path, users.stranger, { where: location }).expect(201);
      expectObpError(await send('delete', path, users.other), 400, 'OBP-30022');
      await send('delete', path, users.stranger).expect(204);
      expect((await send('get', path, users.other).expect(200)).body).toEqual({ where: null });
    });
  });

  describe('metadata views', () => {
    it('a custom view with metadata_view owner shares comments, tags, images and where with owner; _public does not', async () => {
      await customView(
        '_shared',
        ['can_see_transaction_metadata', 'can_see_comments', 'can_add_comment', 'can_delete_comment', 'can_see_where_tag', 'can_add_where_tag'],
        'owner',
      );
      await grant(users.owner, '_shared');
      const shared = `${base('5.1.0', '_shared')}/transactions/${transactions[4]}/metadata`;
      const owner = `${base('5.1.0', 'owner')}/transactions/${transactions[4]}/metadata`;
      const comment = (await send('post', `${shared}/comments`, users.owner, { value: 'a note seen through the custom view' }).expect(201)).body;
      expect((await send('get', `${owner}/comments`, users.owner).expect(200)).body).toEqual(
        (await send('get', `${shared}/comments`, users.owner).expect(200)).body,
      );
      expect((await send('get', `${owner}/comments`, users.owner).expect(200)).body.comments).toContainEqual(comment);
      expect(
        (await send('get', `${base('5.1.0', '_public')}/transactions/${transactions[4]}/metadata/comments`, users.owner).expect(200)).body.comments,
      ).not.toContainEqual(comment);
      await send('post', `${shared}/where`, users.owner, { where: location }).expect(201);
      expect((await send('get', `${owner}/where`, users.owner).expect(200)).body.where).toMatchObject(location);
      // And the transaction JSON carries it through owner.
      const transaction = await send('get', `${base('5.1.0', 'owner')}/transactions/${transactions[4]}/transaction`, users.owner).expect(200);
      expect(transaction.body.metadata.comments).toContainEqual(comment);
      expect(transaction.body.metadata.where).toMatchObject(location);
    });
  });
});
