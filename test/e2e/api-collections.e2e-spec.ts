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

  it('is not served before v4.0.0', async () => {
    expect((await request(http).get('/obp/v3.1.0/my/api-collections').set(owner.auth)).status).toBe(404);
  });
});
