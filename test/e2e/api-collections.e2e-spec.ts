import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { since } from '../../src/common/versioning/api-versions';
import { createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('API collections (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let consumerKey: string;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    consumerKey = (await createConsumer(app)).key;
    owner = await signUpAndLogin(app, consumerKey);
    other = await signUpAndLogin(app, consumerKey);
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(since('4.0.0').map((v) => [v]))('v%s', (version) => {
    const base = `/obp/v${version}`;
    const create = (user: TestUser, body: object) => request(http).post(`${base}/my/api-collections`).set(user.auth).send(body);

    it('create: 401 anonymous, 400 bad body, 201 stored with OBP shape, 400 OBP-30086 for a taken name, names unique per user only', async () => {
      const name = uniqueName('Favourites-');
      expectObpError(await request(http).post(`${base}/my/api-collections`).send({ api_collection_name: name, is_sharable: true }), 401, 'OBP-20001');
      const noFlag = await create(owner, { api_collection_name: name });
      expectObpError(noFlag, 400, 'OBP-10001');
      expect(noFlag.body.message).toContain('PostApiCollectionJson400');
      // lift-json reads a number as its text but never a string as a boolean (docs/COMPATIBILITY.md).
      expectObpError(await create(owner, { api_collection_name: name, is_sharable: 'yes' }), 400, 'OBP-10001');
      const emptyBody = await request(http).post(`${base}/my/api-collections`).set(owner.auth).set('Content-Type', 'application/json').send('');
      expectObpError(emptyBody, 400, 'OBP-10001');
      expectObpError(await create(owner, { api_collection_name: 'x'.repeat(101), is_sharable: true }), 400, 'OBP-30080');
      expectObpError(await create(owner, { api_collection_name: name, is_sharable: true, description: 'd'.repeat(2001) }), 400, 'OBP-30080');

      const created = await create(owner, { api_collection_name: name, is_sharable: true }).expect(201);
      expect(created.body).toEqual({
        api_collection_id: expect.stringMatching(UUID),
        user_id: owner.userId,
        api_collection_name: name,
        is_sharable: true,
        description: '',
      });
      const [row] = await db.query('SELECT user_id, name, is_sharable, description FROM api_collections WHERE api_collection_id = $1', [
        created.body.api_collection_id,
      ]);
      expect(row).toEqual({ user_id: owner.userId, name, is_sharable: true, description: '' });

      const taken = await create(owner, { api_collection_name: name, is_sharable: false });
      expectObpError(taken, 400, 'OBP-30086');
      expect(taken.body.message).toBe(
        `OBP-30086: The ApiCollection is already exists. Current api_collection_name(${name}) is already existing for the log in user.`,
      );
      const othersSameName = await create(other, { api_collection_name: name, is_sharable: false, description: 'mine' }).expect(201);
      expect(othersSameName.body).toMatchObject({ user_id: other.userId, api_collection_name: name, is_sharable: false, description: 'mine' });
    });

    it("list mine, get by name and by id: only the caller's own (400 OBP-30079 otherwise)", async () => {
      const name = uniqueName('mine-');
      const mine = (await create(owner, { api_collection_name: name, is_sharable: false, description: 'private list' }).expect(201)).body;
      const theirs = (await create(other, { api_collection_name: uniqueName('theirs-'), is_sharable: true }).expect(201)).body;

      expectObpError(await request(http).get(`${base}/my/api-collections`), 401, 'OBP-20001');
      const listed = await request(http).get(`${base}/my/api-collections`).set(owner.auth).expect(200);
      expect(listed.body.api_collections).toContainEqual(mine);
      expect(listed.body.api_collections.every((c: { user_id: string }) => c.user_id === owner.userId)).toBe(true);
      const newcomer = await signUpAndLogin(app, consumerKey);
      expect((await request(http).get(`${base}/my/api-collections`).set(newcomer.auth).expect(200)).body).toEqual({ api_collections: [] });

      expectObpError(await request(http).get(`${base}/my/api-collections/name/${name}`), 401, 'OBP-20001');
      expect((await request(http).get(`${base}/my/api-collections/name/${name}`).set(owner.auth).expect(200)).body).toEqual(mine);
      const missingName = await request(http).get(`${base}/my/api-collections/name/${name}`).set(other.auth);
      expectObpError(missingName, 400, 'OBP-30079');
      expect(missingName.body.message).toBe(
        `OBP-30079: ApiCollection not found. Please specify a valid value for API_COLLECTION_NAME. Current API_COLLECTION_NAME(${name}) `,
      );

      expectObpError(await request(http).get(`${base}/my/api-collections/${mine.api_collection_id}`), 401, 'OBP-20001');
      expect((await request(http).get(`${base}/my/api-collections/${mine.api_collection_id}`).set(owner.auth).expect(200)).body).toEqual(mine);
      // Another user's collection by id: not found, sharable or not (docs/COMPATIBILITY.md).
      expectObpError(await request(http).get(`${base}/my/api-collections/${theirs.api_collection_id}`).set(owner.auth), 400, 'OBP-30079');
      expectObpError(await request(http).get(`${base}/my/api-collections/${randomUUID()}`).set(owner.auth), 400, 'OBP-30079');
      expectObpError(await request(http).get(`${base}/my/api-collections/not-a-uuid`).set(owner.auth), 400, 'OBP-30079');
    });

    it('sharable read: no login needed, 400 OBP-30082 when not sharable, 400 OBP-30079 when unknown', async () => {
      const shared = (await create(owner, { api_collection_name: uniqueName('shared-'), is_sharable: true }).expect(201)).body;
      const hidden = (await create(owner, { api_collection_name: uniqueName('hidden-'), is_sharable: false }).expect(201)).body;
      expect((await request(http).get(`${base}/api-collections/sharable/${shared.api_collection_id}`).expect(200)).body).toEqual(shared);
      expect((await request(http).get(`${base}/api-collections/sharable/${shared.api_collection_id}`).set(other.auth).expect(200)).body).toEqual(shared);
      const notSharable = await request(http).get(`${base}/api-collections/sharable/${hidden.api_collection_id}`);
      expectObpError(notSharable, 400, 'OBP-30082');
      expect(notSharable.body.message).toBe(
        `OBP-30082: ApiCollectionEndpoint not found. Current api_collection_id(${hidden.api_collection_id}) is not sharable.`,
      );
      expectObpError(await request(http).get(`${base}/api-collections/sharable/${randomUUID()}`), 400, 'OBP-30079');
    });

    it("public endpoints read: a sharable collection's for anyone, a private one for its owner only, 400 OBP-30079 otherwise", async () => {
      const shared = (await create(owner, { api_collection_name: uniqueName('pub-'), is_sharable: true }).expect(201)).body;
      const hidden = (await create(owner, { api_collection_name: uniqueName('priv-'), is_sharable: false }).expect(201)).body;
      const addTo = async (collection: { api_collection_id: string }, operation_id: string) =>
        (
          await request(http)
            .post(`${base}/my/api-collection-ids/${collection.api_collection_id}/api-collection-endpoints`)
            .set(owner.auth)
            .send({ operation_id })
            .expect(201)
        ).body;
      const sharedEntries = [await addTo(shared, 'OBPv4.0.0-getBanks'), await addTo(shared, 'OBPv2.1.0-getRoles')];
      const hiddenEntries = [await addTo(hidden, 'OBPv4.0.0-getBanks')];
      const read = (id: string, user?: TestUser) => {
        const call = request(http).get(`${base}/api-collections/${id}/api-collection-endpoints`);
        return user ? call.set(user.auth) : call;
      };

      expect((await read(shared.api_collection_id).expect(200)).body).toEqual({ api_collection_endpoints: sharedEntries });
      expect((await read(shared.api_collection_id, other).expect(200)).body).toEqual({ api_collection_endpoints: sharedEntries });
      expect((await read(hidden.api_collection_id, owner).expect(200)).body).toEqual({ api_collection_endpoints: hiddenEntries });
      for (const caller of [undefined, other]) {
        const refused = await read(hidden.api_collection_id, caller);
        expectObpError(refused, 400, 'OBP-30079');
        expect(refused.body.message).toBe(
          `OBP-30079: ApiCollection not found. Please specify a valid value for API_COLLECTION_ID. Current API_COLLECTION_ID(${hidden.api_collection_id}) `,
        );
      }
      expectObpError(await read(randomUUID()), 400, 'OBP-30079');
      expectObpError(await read('not-a-uuid', owner), 400, 'OBP-30079');
      // Sent credentials are still checked on a public read.
      expectObpError(
        await request(http).get(`${base}/api-collections/${shared.api_collection_id}/api-collection-endpoints`).set('DirectLogin', 'token=nope'),
        401,
        'OBP-20003',
      );
    });

    it("resource docs ?api-collection-id: the collection's endpoints in its order, any version, other filters ignored; nothing for a collection the caller may not read", async () => {
      const shared = (await create(owner, { api_collection_name: uniqueName('docs-'), is_sharable: true }).expect(201)).body;
      const hidden = (await create(owner, { api_collection_name: uniqueName('docs-priv-'), is_sharable: false }).expect(201)).body;
      for (const [collection, operationIds] of [
        [shared, ['OBPv4.0.0-getBanks', 'OBPv2.1.0-getRoles', 'OBPv5.1.0-root']],
        [hidden, ['OBPv2.1.0-getRoles']],
      ] as const) {
        for (const operation_id of operationIds) {
          await request(http)
            .post(`${base}/my/api-collection-ids/${collection.api_collection_id}/api-collection-endpoints`)
            .set(owner.auth)
            .send({ operation_id })
            .expect(201);
        }
      }
      const docs = async (query: string, user?: TestUser) => {
        const call = request(http).get(`${base}/resource-docs/v${version}/obp?${query}`);
        const response = await (user ? call.set(user.auth) : call).expect(200);
        expect(response.body.meta.count).toBe(response.body.resource_docs.length);
        return response.body.resource_docs as { operation_id: string; specified_url: string; request_url: string }[];
      };

      const listed = await docs(`api-collection-id=${shared.api_collection_id}`);
      expect(listed.map((doc) => doc.operation_id)).toEqual(['OBPv4.0.0-getBanks', 'OBPv2.1.0-getRoles', 'OBPv5.1.0-root']);
      // OBPv5.1.0-root is served at v5.1.0 only, so it is documented there whatever version is asked.
      expect(listed.map((doc) => doc.specified_url)).toEqual([`/obp/v${version}/banks`, `/obp/v${version}/roles`, '/obp/v5.1.0/root']);
      expect(await docs(`api-collection-id=${shared.api_collection_id}&tags=Customer&functions=getCustomers`)).toEqual(listed);
      // The older resource-docs shape (v1.4.0-v3.1.0, no meta) filters the same way.
      const older = await request(http).get(`/obp/v3.1.0/resource-docs/v3.1.0/obp?api-collection-id=${shared.api_collection_id}`).expect(200);
      expect(older.body.resource_docs.map((doc: { operation_id: string }) => doc.operation_id)).toEqual([
        'OBPv4.0.0-getBanks',
        'OBPv2.1.0-getRoles',
        'OBPv5.1.0-root',
      ]);
      expect(await docs(`api-collection-id=${shared.api_collection_id}&content=dynamic`)).toEqual(listed);

      expect((await docs(`api-collection-id=${hidden.api_collection_id}`, owner)).map((doc) => doc.operation_id)).toEqual(['OBPv2.1.0-getRoles']);
      expect(await docs(`api-collection-id=${hidden.api_collection_id}`)).toEqual([]);
      expect(await docs(`api-collection-id=${hidden.api_collection_id}`, other)).toEqual([]);
      expect(await docs(`api-collection-id=${randomUUID()}`)).toEqual([]);
      // Without the parameter every endpoint of the version is listed.
      expect((await docs('')).length).toBeGreaterThan(100);
    });

    it("another user's collections: 401, 403 naming CanGetApiCollectionsForUser, 404 OBP-20005 unknown user, then all of them", async () => {
      const a = (await create(owner, { api_collection_name: uniqueName('a-'), is_sharable: true }).expect(201)).body;
      const b = (await create(owner, { api_collection_name: uniqueName('b-'), is_sharable: false }).expect(201)).body;
      const path = `${base}/users/${owner.userId}/api-collections`;
      expectObpError(await request(http).get(path), 401, 'OBP-20001');
      const refused = await request(http).get(path).set(other.auth);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanGetApiCollectionsForUser');
      const admin = await signUpAndLogin(app, consumerKey);
      await grantRole(app, admin.userId, 'CanGetApiCollectionsForUser');
      expectObpError(await request(http).get(`${base}/users/${randomUUID()}/api-collections`).set(admin.auth), 404, 'OBP-20005');
      const listed = await request(http).get(path).set(admin.auth).expect(200);
      expect(listed.body.api_collections).toEqual(expect.arrayContaining([a, b]));
      expect(listed.body.api_collections.every((c: { user_id: string }) => c.user_id === owner.userId)).toBe(true);
    });

    it('endpoints by name: add (400 OBP-40048 unknown operation id, OBP-30079 unknown collection, OBP-30085 twice), list, get one, delete', async () => {
      const name = uniqueName('fav-');
      const collection = (await create(owner, { api_collection_name: name, is_sharable: false }).expect(201)).body;
      const endpoints = `${base}/my/api-collections/${name}/api-collection-endpoints`;
      const add = (user: TestUser | undefined, operation_id: unknown, path = endpoints) => {
        const call = request(http).post(path);
        return (user ? call.set(user.auth) : call).send({ operation_id });
      };

      expectObpError(await add(undefined, 'OBPv4.0.0-getBanks'), 401, 'OBP-20001');
      // A number would be read as its text (lift-json leniency), then refused as an unknown operation id.
      expectObpError(await add(owner, 42), 400, 'OBP-40048');
      expectObpError(await add(owner, null), 400, 'OBP-10001');
      const unknownOperation = await add(owner, 'OBPv4.0.0-flyToTheMoon');
      expectObpError(unknownOperation, 400, 'OBP-40048');
      expect(unknownOperation.body.message).toBe(
        'OBP-40048: Invalid operation_id, please specify valid operation_id. Current OPERATION_ID(OBPv4.0.0-flyToTheMoon)',
      );
      expectObpError(await add(other, 'OBPv4.0.0-getBanks'), 400, 'OBP-30079');

      const added = await add(owner, ' OBPv4.0.0-getBanks ').expect(201);
      expect(added.body).toEqual({
        api_collection_endpoint_id: expect.stringMatching(UUID),
        api_collection_id: collection.api_collection_id,
        operation_id: 'OBPv4.0.0-getBanks',
      });
      const second = (await add(owner, 'OBPv2.1.0-getRoles').expect(201)).body;
      const twice = await add(owner, 'OBPv4.0.0-getBanks');
      expectObpError(twice, 400, 'OBP-30085');
      expect(twice.body.message).toBe(
        `OBP-30085: The ApiCollectionEndpoint is already exists. Current OPERATION_ID(OBPv4.0.0-getBanks) is already in API_COLLECTION_NAME(${name}) `,
      );

      expectObpError(await request(http).get(endpoints), 401, 'OBP-20001');
      expectObpError(await request(http).get(endpoints).set(other.auth), 400, 'OBP-30079');
      expect((await request(http).get(endpoints).set(owner.auth).expect(200)).body).toEqual({ api_collection_endpoints: [added.body, second] });
      expect((await request(http).get(`${endpoints}/OBPv2.1.0-getRoles`).set(owner.auth).expect(200)).body).toEqual(second);
      expectObpError(await request(http).get(`${endpoints}/OBPv5.1.0-root`).set(owner.auth), 400, 'OBP-30082');

      expectObpError(await request(http).delete(`${endpoints}/OBPv4.0.0-getBanks`), 401, 'OBP-20001');
      expectObpError(await request(http).delete(`${endpoints}/OBPv4.0.0-getBanks`).set(other.auth), 400, 'OBP-30079');
      const deleted = await request(http).delete(`${endpoints}/OBPv4.0.0-getBanks`).set(owner.auth).expect(204);
      expect(deleted.text).toBe('');
      const gone = await request(http).delete(`${endpoints}/OBPv4.0.0-getBanks`).set(owner.auth);
      expectObpError(gone, 400, 'OBP-30082');
      expect(gone.body.message).toBe(
        `OBP-30082: ApiCollectionEndpoint not found. Current API_COLLECTION_ID(${collection.api_collection_id}) and OPERATION_ID(OBPv4.0.0-getBanks) `,
      );
      const rows = await db.query('SELECT operation_id FROM api_collection_endpoints WHERE api_collection_id = $1', [collection.api_collection_id]);
      expect(rows).toEqual([{ operation_id: 'OBPv2.1.0-getRoles' }]);
    });

    it("endpoints by collection id: only in the caller's own collection; delete by operation id and by entry id", async () => {
      const collection = (await create(owner, { api_collection_name: uniqueName('ids-'), is_sharable: true }).expect(201)).body;
      const byId = `${base}/my/api-collection-ids/${collection.api_collection_id}/api-collection-endpoints`;
      expectObpError(await request(http).post(byId).send({ operation_id: 'OBPv4.0.0-getBanks' }), 401, 'OBP-20001');
      expectObpError(await request(http).post(byId).set(owner.auth).send({ operation_id: 'nope' }), 400, 'OBP-40048');
      // Sharable does not mean writable, or listable by id, for others.
      expectObpError(await request(http).post(byId).set(other.auth).send({ operation_id: 'OBPv4.0.0-getBanks' }), 400, 'OBP-30079');
      expectObpError(await request(http).get(byId).set(other.auth), 400, 'OBP-30079');

      const banks = (await request(http).post(byId).set(owner.auth).send({ operation_id: 'OBPv4.0.0-getBanks' }).expect(201)).body;
      const roles = (await request(http).post(byId).set(owner.auth).send({ operation_id: 'OBPv2.1.0-getRoles' }).expect(201)).body;
      const twice = await request(http).post(byId).set(owner.auth).send({ operation_id: 'OBPv2.1.0-getRoles' });
      expectObpError(twice, 400, 'OBP-30085');
      expect(twice.body.message).toContain(`is already in API_COLLECTION_ID(${collection.api_collection_id})`);
      expectObpError(await request(http).get(byId), 401, 'OBP-20001');
      expect((await request(http).get(byId).set(owner.auth).expect(200)).body).toEqual({ api_collection_endpoints: [banks, roles] });

      expectObpError(await request(http).delete(`${byId}/OBPv4.0.0-getBanks`).set(other.auth), 400, 'OBP-30079');
      await request(http).delete(`${byId}/OBPv4.0.0-getBanks`).set(owner.auth).expect(204);
      const entryPath = `${base}/my/api-collection-ids/${collection.api_collection_id}/api-collection-endpoint-ids/${roles.api_collection_endpoint_id}`;
      expectObpError(await request(http).delete(entryPath), 401, 'OBP-20001');
      expectObpError(await request(http).delete(entryPath).set(other.auth), 400, 'OBP-30079');
      await request(http).delete(entryPath).set(owner.auth).expect(204);
      expectObpError(await request(http).delete(entryPath).set(owner.auth), 400, 'OBP-30082');
      expect((await request(http).get(byId).set(owner.auth).expect(200)).body).toEqual({ api_collection_endpoints: [] });
    });

    it("delete a collection: 401, 400 OBP-30079 for another user's, 204 and its endpoints go too", async () => {
      const name = uniqueName('doomed-');
      const collection = (await create(owner, { api_collection_name: name, is_sharable: true }).expect(201)).body;
      await request(http)
        .post(`${base}/my/api-collections/${name}/api-collection-endpoints`)
        .set(owner.auth)
        .send({ operation_id: 'OBPv4.0.0-getBanks' })
        .expect(201);
      const path = `${base}/my/api-collections/${collection.api_collection_id}`;
      expectObpError(await request(http).delete(path), 401, 'OBP-20001');
      expectObpError(await request(http).delete(path).set(other.auth), 400, 'OBP-30079');
      const deleted = await request(http).delete(path).set(owner.auth).expect(204);
      expect(deleted.text).toBe('');
      expectObpError(await request(http).delete(path).set(owner.auth), 400, 'OBP-30079');
      expectObpError(await request(http).get(`${base}/my/api-collections/name/${name}`).set(owner.auth), 400, 'OBP-30079');
      const counts = await db.query(
        'SELECT (SELECT count(*) FROM api_collections WHERE api_collection_id = $1)::int AS collections, (SELECT count(*) FROM api_collection_endpoints WHERE api_collection_id = $1)::int AS endpoints',
        [collection.api_collection_id],
      );
      expect(counts).toEqual([{ collections: 0, endpoints: 0 }]);
      // The name is free again.
      await create(owner, { api_collection_name: name, is_sharable: false }).expect(201);
    });
  });

  describe('v5.1.0 only', () => {
    const create = (user: TestUser, body: object) => request(http).post('/obp/v5.1.0/my/api-collections').set(user.auth).send(body);

    it("PUT /my/api-collections/ID: 401, 400 bad body, 400 OBP-30079 another user's or unknown, OBP-30086 a taken name, OBP-3008A too long, 200 stored", async () => {
      const name = uniqueName('before-');
      const collection = (await create(owner, { api_collection_name: name, is_sharable: false, description: 'old' }).expect(201)).body;
      const takenName = (await create(owner, { api_collection_name: uniqueName('taken-'), is_sharable: false }).expect(201)).body.api_collection_name;
      await request(http)
        .post(`/obp/v5.1.0/my/api-collection-ids/${collection.api_collection_id}/api-collection-endpoints`)
        .set(owner.auth)
        .send({ operation_id: 'OBPv4.0.0-getBanks' })
        .expect(201);
      const path = `/obp/v5.1.0/my/api-collections/${collection.api_collection_id}`;
      const put = (user: TestUser | undefined, body: object | string, to = path) => {
        const call = request(http).put(to).set('Content-Type', 'application/json');
        return (user ? call.set(user.auth) : call).send(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const renamed = uniqueName('after-');

      expectObpError(await put(undefined, { api_collection_name: renamed, is_sharable: true }), 401, 'OBP-20001');
      expectObpError(await put(undefined, '{"api_collection_name":'), 401, 'OBP-20001');
      const malformed = await put(owner, '{"api_collection_name":');
      expectObpError(malformed, 400, 'OBP-10001');
      const noFlag = await put(owner, { api_collection_name: renamed });
      expectObpError(noFlag, 400, 'OBP-10001');
      expect(noFlag.body.message).toContain('PostApiCollectionJson400');
      expectObpError(await put(other, { api_collection_name: renamed, is_sharable: true }), 400, 'OBP-30079');
      expectObpError(await put(owner, { api_collection_name: renamed, is_sharable: true }, `/obp/v5.1.0/my/api-collections/${randomUUID()}`), 400, 'OBP-30079');
      const taken = await put(owner, { api_collection_name: takenName, is_sharable: true });
      expectObpError(taken, 400, 'OBP-30086');
      const tooLong = await put(owner, { api_collection_name: 'x'.repeat(101), is_sharable: true });
      expectObpError(tooLong, 400, 'OBP-3008A');
      expect(tooLong.body.message).toBe('OBP-3008A: Could not update ApiCollection. api_collection_name must be at most 100 characters.');

      const updated = await put(owner, { api_collection_name: renamed, is_sharable: true }).expect(200);
      expect(updated.body).toEqual({
        api_collection_id: collection.api_collection_id,
        user_id: owner.userId,
        api_collection_name: renamed,
        is_sharable: true,
        description: '',
      });
      const [row] = await db.query('SELECT name, is_sharable, description FROM api_collections WHERE api_collection_id = $1', [collection.api_collection_id]);
      expect(row).toEqual({ name: renamed, is_sharable: true, description: '' });
      // Its endpoints stay, and being sharable now, anyone may read them.
      const entries = await request(http).get(`/obp/v5.1.0/api-collections/${collection.api_collection_id}/api-collection-endpoints`).expect(200);
      expect(entries.body.api_collection_endpoints.map((e: { operation_id: string }) => e.operation_id)).toEqual(['OBPv4.0.0-getBanks']);
      // Keeping its own name is not a clash.
      await put(owner, { api_collection_name: renamed, is_sharable: false, description: 'again' }).expect(200);
      expect((await request(http).put(path.replace('v5.1.0', 'v5.0.0')).set(owner.auth).send({ api_collection_name: renamed, is_sharable: true })).status).toBe(
        404,
      );
    });

    it("GET /management/api-collections: 401, 403 naming CanGetAllApiCollections, then every user's collections, private ones too", async () => {
      const mine = (await create(owner, { api_collection_name: uniqueName('all-'), is_sharable: false }).expect(201)).body;
      const theirs = (await create(other, { api_collection_name: uniqueName('all-'), is_sharable: true }).expect(201)).body;
      const path = '/obp/v5.1.0/management/api-collections';
      expectObpError(await request(http).get(path), 401, 'OBP-20001');
      const refused = await request(http).get(path).set(other.auth);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanGetAllApiCollections');
      const admin = await signUpAndLogin(app, consumerKey);
      await grantRole(app, admin.userId, 'CanGetAllApiCollections');
      const listed = (await request(http).get(path).set(admin.auth).expect(200)).body.api_collections;
      expect(listed).toEqual(expect.arrayContaining([mine, theirs]));
      const [{ count }] = await db.query('SELECT count(*)::int AS count FROM api_collections');
      expect(listed).toHaveLength(count);
      expect((await request(http).get('/obp/v5.0.0/management/api-collections').set(admin.auth)).status).toBe(404);
    });
  });

  describe('GET /api-collections/featured', () => {
    it('is an empty list when no collection is featured, on every version from v4.0.0', async () => {
      for (const version of since('4.0.0')) {
        expect((await request(http).get(`/obp/v${version}/api-collections/featured`).expect(200)).body).toEqual({ api_collections: [] });
      }
      expect((await request(http).get('/obp/v3.1.0/api-collections/featured')).status).toBe(404);
    });

    it('lists the configured sharable collections once each, by name, skipping unknown and private ids', async () => {
      const create = (body: object) => request(http).post('/obp/v4.0.0/my/api-collections').set(owner.auth).send(body);
      const prefix = uniqueName('featured-');
      const b = (await create({ api_collection_name: `${prefix}-b`, is_sharable: true }).expect(201)).body;
      const a = (await create({ api_collection_name: `${prefix}-a`, is_sharable: true, description: 'first' }).expect(201)).body;
      const hidden = (await create({ api_collection_name: `${prefix}-c`, is_sharable: false }).expect(201)).body;
      const ids = [b.api_collection_id, a.api_collection_id, ` ${b.api_collection_id} `, hidden.api_collection_id, randomUUID(), 'not-a-uuid'];
      const featuring = await createTestApp({ env: { OBP_FEATURED_API_COLLECTION_IDS: ids.join(',') } });
      try {
        for (const version of ['4.0.0', '5.1.0']) {
          const listed = await request(featuring.getHttpServer()).get(`/obp/v${version}/api-collections/featured`).expect(200);
          expect(listed.body).toEqual({ api_collections: [a, b] });
        }
      } finally {
        await featuring.close();
      }
    });
  });

  it('is not served before v4.0.0', async () => {
    expect((await request(http).get('/obp/v3.1.0/my/api-collections').set(owner.auth)).status).toBe(404);
  });
});
