import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { API_VERSIONS } from '../../src/common/versioning/api-versions';
import { createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { renamedSandboxSmall, type SandboxFile } from '../support/sandbox-copy';
import { createTestApp } from '../support/test-app';

const from = (first: string, last = '5.1.0') => API_VERSIONS.filter((version) => version >= first && version <= last);
const EMPTY_TIMES = { opening_time: '', closing_time: '' };
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

describe('Branches, ATMs and products (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let data: SandboxFile;
  let bankId: string;
  let user: TestUser;

  const get = (path: string, auth?: Record<string, string>) =>
    request(http)
      .get(path)
      .set(auth ?? {});

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true' } });
    http = app.getHttpServer();
    const consumerKey = (await createConsumer(app)).key;
    user = await signUpAndLogin(app, consumerKey);
    await grantRole(app, user.userId, 'CanCreateSandbox');
    data = renamedSandboxSmall(uniqueName('loc'));
    bankId = data.banks[0].id;
    await request(http).post('/obp/v5.1.0/sandbox/data-import').set(user.auth).send(data).expect(201);
  });
  afterAll(() => app.close());

  describe('branches (v3.0.0 on)', () => {
    it('lists the imported branches by id, anonymously, in BranchJsonV300', async () => {
      const imported = data.branches.filter((branch) => branch.bank_id === bankId).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(imported.length).toBeGreaterThan(1);
      for (const version of from('3.0.0')) {
        const response = await get(`/obp/v${version}/banks/${bankId}/branches`).expect(200);
        expect(response.body.branches.map((branch: { id: string }) => branch.id)).toEqual(imported.map((branch) => branch.id));
      }
      const [first] = imported;
      const one = await get(`/obp/v5.1.0/banks/${bankId}/branches/${first.id}`).expect(200);
      expect(one.body).toEqual({
        id: first.id,
        bank_id: bankId,
        name: first.name,
        address: {
          line_1: first.address.line_1,
          line_2: first.address.line_2,
          line_3: first.address.line_3,
          city: first.address.city,
          county: first.address.county,
          state: first.address.state,
          postcode: first.address.post_code,
          country_code: first.address.country_code,
        },
        location: { latitude: first.location.latitude, longitude: first.location.longitude },
        meta: { license: { id: first.meta.license.id, name: first.meta.license.name } },
        lobby: Object.fromEntries(DAYS.map((day) => [day, [EMPTY_TIMES]])),
        drive_up: Object.fromEntries(DAYS.map((day) => [day, EMPTY_TIMES])),
        branch_routing: { scheme: '', address: '' },
        is_accessible: '',
        accessibleFeatures: '',
        branch_type: '',
        more_info: '',
        phone_number: '',
      });
    });

    it('pages with limit/offset and refuses bad values', async () => {
      const all = (await get(`/obp/v3.0.0/banks/${bankId}/branches`).expect(200)).body.branches;
      const page = (await get(`/obp/v3.0.0/banks/${bankId}/branches?limit=1&offset=1`).expect(200)).body.branches;
      expect(page).toEqual([all[1]]);
      expectObpError(await get(`/obp/v3.0.0/banks/${bankId}/branches?limit=abc`), 400, 'OBP-10025');
      expectObpError(await get(`/obp/v3.0.0/banks/${bankId}/branches?offset=-1`), 400, 'OBP-10024');
    });

    it('unknown bank 404 OBP-30001, unknown branch 400 OBP-300010; not served before v3.0.0', async () => {
      expectObpError(await get('/obp/v3.0.0/banks/no-such-bank-loc/branches'), 404, 'OBP-30001');
      expectObpError(await get(`/obp/v4.0.0/banks/${bankId}/branches/no-such-branch`), 400, 'OBP-300010');
      expect((await get(`/obp/v2.0.0/banks/${bankId}/branches/${data.branches[0].id}`)).status).toBe(404);
      expect((await get(`/obp/v1.3.0/banks/${bankId}/branches`)).status).toBe(404);
    });

    it('v1.4.0–v2.2.0 list (and v2.1.0–v2.2.0 one) in the v1.4.0 BranchJson', async () => {
      const imported = data.branches.filter((branch) => branch.bank_id === bankId).sort((a, b) => (a.id < b.id ? -1 : 1));
      const [first] = imported;
      const expected = {
        id: first.id,
        name: first.name,
        address: {
          line_1: first.address.line_1,
          line_2: first.address.line_2,
          line_3: first.address.line_3,
          city: first.address.city,
          state: first.address.state,
          postcode: first.address.post_code,
          country: first.address.country_code,
        },
        location: { latitude: first.location.latitude, longitude: first.location.longitude },
        lobby: { hours: first.lobby?.hours ?? '' },
        drive_up: { hours: first.driveUp?.hours ?? '' },
        meta: { license: { id: first.meta.license.id, name: first.meta.license.name } },
        branch_routing: { scheme: '', address: '' },
      };
      for (const version of from('1.4.0', '2.2.0')) {
        const response = await get(`/obp/v${version}/banks/${bankId}/branches`).expect(200);
        expect(response.body.branches.map((branch: { id: string }) => branch.id)).toEqual(imported.map((branch) => branch.id));
        expect(response.body.branches[0]).toEqual(expected);
      }
      for (const version of from('2.1.0', '2.2.0')) {
        expect((await get(`/obp/v${version}/banks/${bankId}/branches/${first.id}`).expect(200)).body).toEqual(expected);
        expectObpError(await get(`/obp/v${version}/banks/${bankId}/branches/no-such-branch`), 400, 'OBP-300010');
      }
      expectObpError(await get('/obp/v1.4.0/banks/no-such-bank-loc/branches'), 404, 'OBP-30001');
    });
  });

  describe('ATMs (v1.4.0 on)', () => {
    it('lists and reads the imported ATMs in AtmJsonV300', async () => {
      const imported = data.atms.filter((atm) => atm.bank_id === bankId).sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const version of from('3.0.0', '3.1.0')) {
        const response = await get(`/obp/v${version}/banks/${bankId}/atms`).expect(200);
        expect(response.body.atms.map((atm: { id: string }) => atm.id)).toEqual(imported.map((atm) => atm.id));
      }
      const [first] = imported;
      const one = await get(`/obp/v3.1.0/banks/${bankId}/atms/${first.id}`).expect(200);
      expect(one.body).toEqual({
        id: first.id,
        bank_id: bankId,
        name: first.name,
        address: expect.objectContaining({
          line_1: first.address.line_1,
          city: first.address.city,
          postcode: first.address.post_code,
          country_code: first.address.country_code,
        }),
        location: { latitude: first.location.latitude, longitude: first.location.longitude },
        meta: { license: { id: first.meta.license.id, name: first.meta.license.name } },
        ...Object.fromEntries(DAYS.map((day) => [day, EMPTY_TIMES])),
        is_accessible: '',
        located_at: '',
        more_info: '',
        has_deposit_capability: '',
      });
    });

    it('unknown ATM 404 OBP-30009 (400 on the old-style v2.1.0–v2.2.0)', async () => {
      for (const version of ['3.0.0', '3.1.0', '4.0.0', '5.0.0', '5.1.0']) {
        expectObpError(await get(`/obp/v${version}/banks/${bankId}/atms/no-such-atm`), 404, 'OBP-30009');
      }
      for (const version of ['2.1.0', '2.2.0']) expectObpError(await get(`/obp/v${version}/banks/${bankId}/atms/no-such-atm`), 400, 'OBP-30009');
      expectObpError(await get('/obp/v4.0.0/banks/no-such-bank-loc/atms'), 404, 'OBP-30001');
      expect((await get(`/obp/v1.3.0/banks/${bankId}/atms`)).status).toBe(404);
      expect((await get(`/obp/v2.0.0/banks/${bankId}/atms/${data.atms[0].id}`)).status).toBe(404);
    });

    it('v1.4.0–v2.2.0 in the v1.4.0 AtmJson, v4.0.0–v5.0.0 in AtmJsonV400, v5.1.0 in AtmJsonV510', async () => {
      const imported = data.atms.filter((atm) => atm.bank_id === bankId).sort((a, b) => (a.id < b.id ? -1 : 1));
      const [first] = imported;
      const v140 = {
        id: first.id,
        name: first.name,
        address: {
          line_1: first.address.line_1,
          line_2: first.address.line_2,
          line_3: first.address.line_3,
          city: first.address.city,
          state: first.address.state,
          postcode: first.address.post_code,
          country: first.address.country_code,
        },
        location: { latitude: first.location.latitude, longitude: first.location.longitude },
        meta: { license: { id: first.meta.license.id, name: first.meta.license.name } },
      };
      for (const version of from('1.4.0', '2.2.0')) {
        const list = (await get(`/obp/v${version}/banks/${bankId}/atms`).expect(200)).body.atms;
        expect(list.map((atm: { id: string }) => atm.id)).toEqual(imported.map((atm) => atm.id));
        expect(list[0]).toEqual(v140);
      }
      for (const version of from('2.1.0', '2.2.0')) expect((await get(`/obp/v${version}/banks/${bankId}/atms/${first.id}`).expect(200)).body).toEqual(v140);

      const v300 = (await get(`/obp/v3.1.0/banks/${bankId}/atms/${first.id}`).expect(200)).body;
      const v400 = {
        ...v300,
        supported_languages: [],
        services: [],
        accessibility_features: [],
        supported_currencies: [],
        notes: [],
        location_categories: [],
        minimum_withdrawal: '',
        branch_identification: '',
        site_identification: '',
        site_name: '',
        cash_withdrawal_national_fee: '',
        cash_withdrawal_international_fee: '',
        balance_inquiry_fee: '',
      };
      for (const version of from('4.0.0', '5.0.0')) {
        const list = (await get(`/obp/v${version}/banks/${bankId}/atms`).expect(200)).body.atms;
        expect(list.map((atm: { id: string }) => atm.id)).toEqual(imported.map((atm) => atm.id));
        expect(list[0]).toEqual(v400);
        expect((await get(`/obp/v${version}/banks/${bankId}/atms/${first.id}`).expect(200)).body).toEqual(v400);
      }
      const v510 = { ...v400, atm_type: '', phone: '', attributes: [] };
      expect((await get(`/obp/v5.1.0/banks/${bankId}/atms`).expect(200)).body.atms[0]).toEqual(v510);
      expect((await get(`/obp/v5.1.0/banks/${bankId}/atms/${first.id}`).expect(200)).body).toEqual(v510);
      const page = (await get(`/obp/v5.1.0/banks/${bankId}/atms?limit=1&offset=${imported.length}`).expect(200)).body.atms;
      expect(page).toEqual([]);
      expectObpError(await get(`/obp/v4.0.0/banks/${bankId}/atms?limit=abc`), 400, 'OBP-10025');
    });
  });

  describe('products (v4.0.0 on)', () => {
    it('lists the imported products by code in ProductJsonV400 (no attributes/fees in the list)', async () => {
      const imported = data.products.filter((product) => product.bank_id === bankId).sort((a, b) => (a.code < b.code ? -1 : 1));
      expect(imported.length).toBeGreaterThan(1);
      for (const version of from('4.0.0')) {
        const response = await get(`/obp/v${version}/banks/${bankId}/products`).expect(200);
        expect(response.body.products).toEqual(
          imported.map((product) => ({
            bank_id: bankId,
            product_code: product.code,
            parent_product_code: '',
            name: product.name,
            more_info_url: product.more_info_url,
            terms_and_conditions_url: '',
            description: '',
            meta: { license: { id: product.meta.license.id, name: product.meta.license.name } },
          })),
        );
      }
      const one = await get(`/obp/v5.1.0/banks/${bankId}/products/${encodeURIComponent(imported[0].code)}`).expect(200);
      expect(one.body).toMatchObject({ bank_id: bankId, product_code: imported[0].code, name: imported[0].name, attributes: [], fees: [] });
    });

    it('unknown product 404 OBP-30011, unknown bank 404 OBP-30001', async () => {
      expectObpError(await get(`/obp/v4.0.0/banks/${bankId}/products/NO-SUCH-PRODUCT`), 404, 'OBP-30011');
      expectObpError(await get('/obp/v4.0.0/banks/no-such-bank-loc/products'), 404, 'OBP-30001');
    });
  });

  describe('default page size', () => {
    it('50 on the v1.4.0 lists (OBP Constant.Pagination.limit), 100 on v3.0.0 and later', async () => {
      const big = uniqueName('locbig');
      const [branch] = data.branches;
      const [atm] = data.atms;
      const pad = (i: number) => String(i).padStart(3, '0');
      const many: SandboxFile = {
        banks: [{ ...data.banks[0], id: big }],
        users: [],
        accounts: [],
        transactions: [],
        branches: Array.from({ length: 120 }, (_, i) => ({ ...branch, id: `branch-${pad(i)}`, bank_id: big })),
        atms: Array.from({ length: 60 }, (_, i) => ({ ...atm, id: `atm-${pad(i)}`, bank_id: big })),
        products: [],
        crm_events: [],
      };
      await request(http).post('/obp/v5.1.0/sandbox/data-import').set(user.auth).send(many).expect(201);
      const ids = async (path: string, key: 'branches' | 'atms') =>
        ((await get(`/obp/${path}`).expect(200)).body[key] as { id: string }[]).map((site) => site.id);
      expect(await ids(`v1.4.0/banks/${big}/branches`, 'branches')).toEqual(many.branches.slice(0, 50).map((b) => b.id));
      expect(await ids(`v2.2.0/banks/${big}/atms`, 'atms')).toEqual(many.atms.slice(0, 50).map((a) => a.id));
      expect(await ids(`v2.2.0/banks/${big}/branches?limit=70&offset=10`, 'branches')).toEqual(many.branches.slice(10, 80).map((b) => b.id));
      expect(await ids(`v3.0.0/banks/${big}/branches`, 'branches')).toHaveLength(100);
      expect(await ids(`v4.0.0/banks/${big}/atms`, 'atms')).toHaveLength(60);
    });
  });

  describe('products before v4.0.0', () => {
    const sorted = () => data.products.filter((product) => product.bank_id === bankId).sort((a, b) => (a.code < b.code ? -1 : 1));
    const licence = (product: SandboxFile['products'][number]) => ({ license: { id: product.meta.license.id, name: product.meta.license.name } });
    const v140 = (product: SandboxFile['products'][number]) => ({
      code: product.code,
      name: product.name,
      category: product.category,
      family: product.family,
      super_family: product.super_family,
      more_info_url: product.more_info_url,
      meta: licence(product),
    });
    const v210 = (product: SandboxFile['products'][number]) => ({ bank_id: bankId, ...v140(product), details: '', description: '' });

    it('v1.4.0–v2.0.0 list in ProductJson, not before', async () => {
      for (const version of from('1.4.0', '2.0.0')) {
        expect((await get(`/obp/v${version}/banks/${bankId}/products`).expect(200)).body).toEqual({ products: sorted().map(v140) });
      }
      expect((await get(`/obp/v1.3.0/banks/${bankId}/products`)).status).toBe(404);
      expect((await get(`/obp/v2.0.0/banks/${bankId}/products/${encodeURIComponent(sorted()[0].code)}`)).status).toBe(404);
    });

    it('v2.1.0–v3.0.0 in ProductJsonV210; unknown code 400 OBP-30011 (old-style)', async () => {
      const [first] = sorted();
      for (const version of from('2.1.0', '3.0.0')) {
        expect((await get(`/obp/v${version}/banks/${bankId}/products`).expect(200)).body).toEqual({ products: sorted().map(v210) });
        expect((await get(`/obp/v${version}/banks/${bankId}/products/${encodeURIComponent(first.code)}`).expect(200)).body).toEqual(v210(first));
        expectObpError(await get(`/obp/v${version}/banks/${bankId}/products/NO-SUCH-PRODUCT`), 400, 'OBP-30011');
      }
    });

    it('v3.1.0 in ProductJsonV310 (product_attributes on one product only); unknown code 404 OBP-30011', async () => {
      const [first] = sorted();
      const v310 = (product: SandboxFile['products'][number]) => ({ ...v210(product), parent_product_code: '' });
      expect((await get(`/obp/v3.1.0/banks/${bankId}/products`).expect(200)).body).toEqual({ products: sorted().map(v310) });
      expect((await get(`/obp/v3.1.0/banks/${bankId}/products/${encodeURIComponent(first.code)}`).expect(200)).body).toEqual({
        ...v310(first),
        product_attributes: [],
      });
      expectObpError(await get(`/obp/v3.1.0/banks/${bankId}/products/NO-SUCH-PRODUCT`), 404, 'OBP-30011');
      expectObpError(await get('/obp/v3.1.0/banks/no-such-bank-loc/products'), 404, 'OBP-30001');
    });
  });

  describe('apiOptions.*IsPublic=false', () => {
    let closed: NestFastifyApplication;

    beforeAll(async () => {
      closed = await createTestApp({
        env: { OBP_APIOPTIONS_GETBRANCHESISPUBLIC: 'false', OBP_APIOPTIONS_GETATMSISPUBLIC: 'false', OBP_APIOPTIONS_GETPRODUCTSISPUBLIC: 'false' },
      });
    });
    afterAll(() => closed.close());

    it('401 OBP-20001 anonymous, 200 with a login', async () => {
      const paths = [
        `/obp/v3.0.0/banks/${bankId}/branches`,
        `/obp/v3.0.0/banks/${bankId}/branches/${data.branches[0].id}`,
        `/obp/v3.0.0/banks/${bankId}/atms`,
        `/obp/v3.0.0/banks/${bankId}/atms/${data.atms[0].id}`,
        `/obp/v4.0.0/banks/${bankId}/products`,
        `/obp/v4.0.0/banks/${bankId}/products/${encodeURIComponent(data.products[0].code)}`,
        `/obp/v1.4.0/banks/${bankId}/branches`,
        `/obp/v2.1.0/banks/${bankId}/branches/${data.branches[0].id}`,
        `/obp/v1.4.0/banks/${bankId}/atms`,
        `/obp/v2.2.0/banks/${bankId}/atms/${data.atms[0].id}`,
        `/obp/v4.0.0/banks/${bankId}/atms`,
        `/obp/v5.0.0/banks/${bankId}/atms/${data.atms[0].id}`,
        `/obp/v5.1.0/banks/${bankId}/atms`,
        `/obp/v5.1.0/banks/${bankId}/atms/${data.atms[0].id}`,
        `/obp/v1.4.0/banks/${bankId}/products`,
        `/obp/v2.1.0/banks/${bankId}/products`,
        `/obp/v3.0.0/banks/${bankId}/products/${encodeURIComponent(data.products[0].code)}`,
        `/obp/v3.1.0/banks/${bankId}/products`,
        `/obp/v3.1.0/banks/${bankId}/products/${encodeURIComponent(data.products[0].code)}`,
      ];
      for (const path of paths) {
        const anonymous = await request(closed.getHttpServer()).get(path);
        expectObpError(anonymous, 401, 'OBP-20001');
        await request(closed.getHttpServer()).get(path).set(user.auth).expect(200);
      }
    });
  });
});
