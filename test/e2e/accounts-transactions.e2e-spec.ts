import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { between, since } from '../../src/common/versioning/api-versions';
import { implicitCounterpartyId } from '../../src/modules/counterparties/implicit-counterparty';
import { createConsumer, directLogin, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { renamedSandboxLarge, type SandboxFile } from '../support/sandbox-copy';
import { createTestApp } from '../support/test-app';

type Transaction = SandboxFile['transactions'][number];

/** The order OBP lists transactions in: by completed date, ties by id, in the requested direction. */
function ordered(transactions: Transaction[], direction: 'ASC' | 'DESC'): string[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return [...transactions]
    .sort((a, b) => sign * (a.details.completed.localeCompare(b.details.completed) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    .map((t) => t.id);
}

describe('Accounts, views, transactions and other accounts over imported sandbox data (e2e, issue 7)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let data: SandboxFile;
  let owner: TestUser;
  let stranger: TestUser;
  let bankId: string;
  let accountId: string;
  let accountTransactions: Transaction[];

  const accountPath = (version: string, view: string) => `/obp/v${version}/banks/${bankId}/accounts/${accountId}/${view}`;

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true', OBP_ALLOW_PUBLIC_VIEWS: 'true' } });
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    const importer = await signUpAndLogin(app, consumerKey);
    await grantRole(app, importer.userId, 'CanCreateSandbox');
    data = renamedSandboxLarge(uniqueName('t'));
    await request(http).post('/obp/v5.1.0/sandbox/data-import').set(importer.auth).send(data).expect(201);

    // The account with the most transactions, and its (only) owner, logging in with the file's password.
    const counts = new Map<string, Transaction[]>();
    for (const t of data.transactions)
      counts.set(`${t.this_account.bank} ${t.this_account.id}`, [...(counts.get(`${t.this_account.bank} ${t.this_account.id}`) ?? []), t]);
    const [key, transactions] = [...counts].sort((a, b) => b[1].length - a[1].length)[0];
    [bankId, accountId] = key.split(' ');
    accountTransactions = transactions;
    const account = data.accounts.find((a) => a.bank === bankId && a.id === accountId);
    const user = data.users.find((u) => u.user_name === account?.owners[0]);
    if (!user) throw new Error('fixture: account without owner');
    const login = await directLogin(app, user.user_name, user.password, consumerKey).expect(201);
    const userId = (
      await request(http)
        .get('/obp/v5.1.0/users/current')
        .set({ DirectLogin: `token=${login.body.token}` })
        .expect(200)
    ).body.user_id;
    owner = { userId, username: user.user_name, password: user.password, token: login.body.token, auth: { DirectLogin: `token=${login.body.token}` } };
    stranger = await signUpAndLogin(app, consumerKey);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('accounts of the logged-in owner', () => {
    it('/my/accounts lists exactly the accounts the file gives the user, with their IBAN and views', async () => {
      const expected = data.accounts.filter((a) => a.owners.includes(owner.username));
      const response = await request(http).get('/obp/v5.1.0/my/accounts').set(owner.auth).expect(200);
      expect(response.body.accounts.map((a: { id: string }) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
      const mine = response.body.accounts.find((a: { id: string }) => a.id === accountId);
      const file = expected.find((a) => a.id === accountId);
      expect(mine).toMatchObject({
        bank_id: bankId,
        label: file?.label,
        account_type: file?.type,
        account_routings: [{ scheme: 'IBAN', address: file?.IBAN }],
      });
      expect(mine.views.map((v: { id: string }) => v.id)).toEqual(
        expect.arrayContaining(['owner', 'auditor', 'accountant', 'ReadAccountsBasic', 'ReadTransactionsBerlinGroup']),
      );
      expect(mine.views.map((v: { id: string }) => v.id)).not.toContain('_public');
    });

    it('accounts at one bank in the v1.2.1 object form and the v2.0.0 / v4.0.0 bare-array form', async () => {
      const expected = data.accounts
        .filter((a) => a.bank === bankId && a.owners.includes(owner.username))
        .map((a) => a.id)
        .sort();
      const v121 = await request(http).get(`/obp/v1.2.1/banks/${bankId}/accounts`).set(owner.auth).expect(200);
      expect(v121.body.accounts.map((a: { id: string }) => a.id).sort()).toEqual(expected);
      expect(v121.body.accounts[0].views_available[0]).toHaveProperty('can_see_transaction_amount');
      for (const version of ['2.0.0', '4.0.0', '5.1.0']) {
        const list = await request(http).get(`/obp/v${version}/banks/${bankId}/accounts`).set(owner.auth).expect(200);
        expect(Array.isArray(list.body)).toBe(true);
        expect(list.body.map((a: { id: string }) => a.id).sort()).toEqual(expected);
        expect(Object.keys(list.body[0].views_available[0]).sort()).toEqual(['id', 'is_public', 'short_name']);
      }
      expect(await request(http).get(`/obp/v5.1.0/banks/${bankId}/accounts`).set(stranger.auth).expect(200)).toHaveProperty('body', []);
      expectObpError(await request(http).get(`/obp/v5.1.0/banks/${bankId}/accounts`), 401, 'OBP-20001');
    });

    it('one account through owner: balance from minor units, currency, IBAN, owners', async () => {
      const file = data.accounts.find((a) => a.bank === bankId && a.id === accountId);
      const v300 = await request(http)
        .get(`${accountPath('5.1.0', 'owner')}/account`)
        .set(owner.auth)
        .expect(200);
      expect(v300.body).toMatchObject({
        id: accountId,
        bank_id: bankId,
        label: file?.label,
        number: file?.number,
        type: file?.type,
        balance: { currency: file?.balance.currency, amount: file?.balance.amount },
        account_routings: [{ scheme: 'IBAN', address: file?.IBAN }],
        owners: [{ id: owner.userId, display_name: owner.username }],
      });
      const v121 = await request(http)
        .get(`${accountPath('1.2.1', 'owner')}/account`)
        .set(owner.auth)
        .expect(200);
      expect(v121.body).toMatchObject({ id: accountId, IBAN: file?.IBAN, balance: { amount: file?.balance.amount } });
      expect(v121.body.views_available.map((v: { id: string }) => v.id)).toContain('owner');
    });

    it('a view hides what it may not show: Berlin Group balances view has no owners or number', async () => {
      const response = await request(http)
        .get(`${accountPath('5.1.0', 'ReadBalancesBerlinGroup')}/account`)
        .set(owner.auth)
        .expect(200);
      expect(response.body).toMatchObject({ id: accountId, number: null, owners: null, label: null });
      expect(response.body.balance.amount).not.toBeNull();
    });
  });

  describe('access checks', () => {
    it('403 OBP-20017 through a view the caller has no access to, and for unknown views', async () => {
      expectObpError(
        await request(http)
          .get(`${accountPath('5.1.0', 'owner')}/transactions`)
          .set(stranger.auth),
        403,
        'OBP-20017',
      );
      expectObpError(
        await request(http)
          .get(`${accountPath('5.1.0', 'nosuchview')}/transactions`)
          .set(owner.auth),
        403,
        'OBP-20017',
      );
      expectObpError(
        await request(http)
          .get(`${accountPath('5.1.0', 'owner')}/account`)
          .set(stranger.auth),
        403,
        'OBP-20017',
      );
    });

    it('404 OBP-30018 for an unknown account, 404 OBP-30001 for an unknown bank', async () => {
      expectObpError(await request(http).get(`/obp/v5.1.0/banks/${bankId}/accounts/nope/owner/transactions`).set(owner.auth), 404, 'OBP-30018');
      expectObpError(await request(http).get(`/obp/v5.1.0/banks/no-such-bank-x/accounts/${accountId}/owner/transactions`).set(owner.auth), 404, 'OBP-30001');
    });

    it('anonymous callers: v1.2.1 reads work through _public only; v3.0.0 on need login', async () => {
      await request(http)
        .get(`${accountPath('1.2.1', '_public')}/transactions`)
        .expect(200);
      expectObpError(await request(http).get(`${accountPath('1.2.1', 'owner')}/transactions`), 401, 'OBP-20001');
      expectObpError(await request(http).get(`${accountPath('3.0.0', '_public')}/transactions`), 401, 'OBP-20001');
    });
  });

  describe('transactions through owner', () => {
    const list = (version: string, headers: Record<string, string> = {}) =>
      request(http)
        .get(`${accountPath(version, 'owner')}/transactions`)
        .set(owner.auth)
        .set(headers);

    it('is served on every version, newest first by default, 50 per page', async () => {
      const expected = ordered(accountTransactions, 'DESC').slice(0, 50);
      for (const version of [...between('1.2.1', '2.2.0'), ...since('3.0.0')]) {
        const response = await list(version).expect(200);
        expect(response.body.transactions.map((t: { id: string }) => t.id)).toEqual(expected);
      }
    });

    it('pages with obp_limit / obp_offset and sorts with obp_sort_direction (headers)', async () => {
      const asc = ordered(accountTransactions, 'ASC');
      const page = await list('1.2.1', { obp_limit: '5', obp_offset: '5', obp_sort_direction: 'asc' }).expect(200);
      expect(page.body.transactions.map((t: { id: string }) => t.id)).toEqual(asc.slice(5, 10));
      const desc = await list('5.1.0', { limit: '7', sort_direction: 'DESC', obp_limit: '3' }).expect(200);
      expect(desc.body.transactions.map((t: { id: string }) => t.id)).toEqual(ordered(accountTransactions, 'DESC').slice(0, 7));
      expect((await list('1.2.1', { obp_offset: '2000' }).expect(200)).body.transactions).toEqual([]);
    });

    it('bounds the completed date with obp_from_date / obp_to_date, inclusive', async () => {
      const dates = accountTransactions.map((t) => t.details.completed).sort();
      const from = dates[Math.floor(dates.length / 3)];
      const to = dates[Math.floor((2 * dates.length) / 3)];
      const expected = accountTransactions.filter((t) => t.details.completed >= from && t.details.completed <= to);
      const response = await list('3.0.0', { obp_from_date: from, obp_to_date: to, obp_limit: '1000', obp_sort_direction: 'ASC' }).expect(200);
      expect(response.body.transactions.map((t: { id: string }) => t.id)).toEqual(ordered(expected, 'ASC'));
      expect((await list('3.0.0', { obp_to_date: '2000-01-01T00:00:00.000Z' }).expect(200)).body.transactions).toEqual([]);
    });

    it('refuses bad filter headers with 400 and the OBP code', async () => {
      expectObpError(await list('1.2.1', { obp_sort_direction: 'foo' }), 400, 'OBP-10023');
      expectObpError(await list('1.2.1', { obp_offset: '-100' }), 400, 'OBP-10024');
      expectObpError(await list('1.2.1', { obp_limit: '0' }), 400, 'OBP-10025');
      expectObpError(await list('5.1.0', { obp_from_date: 'foo' }), 400, 'OBP-10026');
      expectObpError(await list('5.1.0', { obp_to_date: '2015-13-01T00:00:00.000Z' }), 400, 'OBP-10026');
    });

    it('renders amounts from minor units and the counterparty with its implicit id', async () => {
      const sample = accountTransactions.find((t) => t.counterparty?.name) as Transaction;
      const response = await request(http)
        .get(`${accountPath('1.2.1', 'owner')}/transactions/${sample.id}/transaction`)
        .set(owner.auth)
        .expect(200);
      const currency = data.accounts.find((a) => a.id === accountId && a.bank === bankId)?.balance.currency;
      expect(response.body).toMatchObject({
        id: sample.id,
        this_account: { id: accountId, holders: [{ name: owner.username, is_alias: false }] },
        other_account: {
          id: implicitCounterpartyId(bankId, accountId, sample.counterparty?.name ?? ''),
          holder: { name: sample.counterparty?.name, is_alias: false },
        },
        details: {
          type: sample.details.type,
          description: sample.details.description,
          completed: sample.details.completed.replace('.000Z', 'Z'),
          value: { currency, amount: Number(sample.details.value).toFixed(2) },
          new_balance: { currency, amount: Number(sample.details.new_balance).toFixed(2) },
        },
        metadata: { narrative: null, comments: [], tags: [], images: [], where: null },
      });
      expect(response.body.other_account.metadata.public_alias).toMatch(/^ALIAS_[0-9A-F]{6}$/);
      const v310 = await request(http)
        .get(`${accountPath('3.1.0', 'owner')}/transactions/${sample.id}/transaction`)
        .set(owner.auth)
        .expect(200);
      expect(v310.body).toMatchObject({
        id: sample.id,
        this_account: { id: accountId, bank_routing: { scheme: 'OBP', address: bankId } },
        transaction_attributes: [],
      });
      expectObpError(
        await request(http)
          .get(`${accountPath('3.1.0', 'owner')}/transactions/nope/transaction`)
          .set(owner.auth),
        400,
        'OBP-30067',
      );
    });
  });

  describe('other accounts', () => {
    it('lists one entry per counterparty name of the account through owner (real names)', async () => {
      const names = new Set(accountTransactions.filter((t) => t.counterparty?.name).map((t) => t.counterparty?.name));
      const nameless = accountTransactions.filter((t) => !t.counterparty?.name).length;
      const response = await request(http)
        .get(`${accountPath('1.2.1', 'owner')}/other_accounts`)
        .set(owner.auth)
        .expect(200);
      expect(response.body.other_accounts).toHaveLength(names.size + nameless);
      const real = response.body.other_accounts.filter((o: { holder: { name: string } }) => names.has(o.holder.name));
      expect(real).toHaveLength(names.size);
      for (const other of real) expect(other.id).toBe(implicitCounterpartyId(bankId, accountId, other.holder.name));
    });

    it('shows unique public aliases through _public, with the metadata hidden behind them', async () => {
      const response = await request(http)
        .get(`${accountPath('3.0.0', '_public')}/other_accounts`)
        .set(stranger.auth)
        .expect(200);
      const labels = response.body.other_accounts.map((o: { holder: { name: string; is_alias: boolean } }) => o.holder);
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) expect(label).toEqual({ name: expect.stringMatching(/^ALIAS_[0-9A-F]{6}$/), is_alias: true });
      expect(new Set(labels.map((l: { name: string }) => l.name)).size).toBe(labels.length);
      expect(response.body.other_accounts.every((o: { metadata: unknown }) => o.metadata === null)).toBe(true);
      // The alias shown through _public is the one owner sees in the metadata.
      const first = response.body.other_accounts[0];
      const throughOwner = await request(http)
        .get(`${accountPath('3.0.0', 'owner')}/other_accounts/${first.id}`)
        .set(owner.auth)
        .expect(200);
      expect(throughOwner.body.metadata.public_alias).toBe(first.holder.name);
    });

    it('400 OBP-50200 for an unknown other account', async () => {
      expectObpError(
        await request(http)
          .get(`${accountPath('1.2.1', 'owner')}/other_accounts/nope`)
          .set(owner.auth),
        400,
        'OBP-50200',
      );
    });
  });

  describe('views and account access', () => {
    it('lists the account views (system and _public) to the owner, 403 to others', async () => {
      const v121 = await request(http).get(`/obp/v1.2.1/banks/${bankId}/accounts/${accountId}/views`).set(owner.auth).expect(200);
      expect(v121.body.views.map((v: { id: string }) => v.id)).toEqual(expect.arrayContaining(['owner', 'auditor', 'firehose', '_public']));
      const v500 = await request(http).get(`/obp/v5.0.0/banks/${bankId}/accounts/${accountId}/views`).set(owner.auth).expect(200);
      const ownerView = v500.body.views.find((v: { id: string }) => v.id === 'owner');
      expect(ownerView).toMatchObject({ is_system: true, is_public: false, metadata_view: 'owner', can_see_transaction_amount: true });
      expect(ownerView.can_grant_access_to_views).toContain('auditor');
      const publicView = v500.body.views.find((v: { id: string }) => v.id === '_public');
      expect(publicView).toMatchObject({
        is_public: true,
        alias: 'public',
        hide_metadata_if_alias_used: true,
        can_delete_comment: false,
        can_add_comment: true,
      });
      expectObpError(await request(http).get(`/obp/v3.0.0/banks/${bankId}/accounts/${accountId}/views`).set(stranger.auth), 403, 'OBP-30022');
    });

    it("grant and revoke (v4.0.0 body form) open and close the stranger's access to auditor", async () => {
      const base = `/obp/v4.0.0/banks/${bankId}/accounts/${accountId}/account-access`;
      const body = { user_id: stranger.userId, view: { view_id: 'auditor', is_system: true } };
      expectObpError(await request(http).post(`${base}/grant`).set(stranger.auth).send(body), 403, 'OBP-20047');
      const granted = await request(http).post(`${base}/grant`).set(owner.auth).send(body).expect(201);
      expect(granted.body).toMatchObject({ id: 'auditor', is_system: true });
      await request(http).post(`${base}/grant`).set(owner.auth).send(body).expect(201); // idempotent
      await request(http)
        .get(`${accountPath('4.0.0', 'auditor')}/transactions`)
        .set(stranger.auth)
        .expect(200);
      expect((await request(http).post(`${base}/revoke`).set(owner.auth).send(body).expect(201)).body).toEqual({ revoked: true });
      expectObpError(
        await request(http)
          .get(`${accountPath('4.0.0', 'auditor')}/transactions`)
          .set(stranger.auth),
        403,
        'OBP-20017',
      );
      expectObpError(
        await request(http)
          .post(`${base}/grant`)
          .set(owner.auth)
          .send({ user_id: stranger.userId, view: { view_id: 'nosuch', is_system: true } }),
        400,
        'OBP-30005',
      );
      expectObpError(await request(http).post(`${base}/grant`).set(owner.auth).send({ user_id: stranger.userId }), 400, 'OBP-10001');
    });

    it("grant by the caller's view (v5.1.0) and the v1.2.1 provider form", async () => {
      const byId = `/obp/v5.1.0/banks/${bankId}/accounts/${accountId}/views/owner/account-access`;
      await request(http).post(`${byId}/grant`).set(owner.auth).send({ user_id: stranger.userId, view_id: 'accountant' }).expect(201);
      await request(http)
        .get(`${accountPath('5.1.0', 'accountant')}/transactions`)
        .set(stranger.auth)
        .expect(200);
      // auditor's own grant list is empty: granting through it is refused.
      expectObpError(
        await request(http)
          .post(`/obp/v5.1.0/banks/${bankId}/accounts/${accountId}/views/auditor/account-access/grant`)
          .set(owner.auth)
          .send({ user_id: stranger.userId, view_id: 'owner' }),
        403,
        'OBP-20047',
      );
      await request(http).post(`${byId}/revoke`).set(owner.auth).send({ user_id: stranger.userId, view_id: 'accountant' }).expect(201);
      expectObpError(
        await request(http)
          .get(`${accountPath('5.1.0', 'accountant')}/transactions`)
          .set(stranger.auth),
        403,
        'OBP-20017',
      );

      const provider = encodeURIComponent((await request(http).get('/obp/v3.0.0/users/current').set(stranger.auth)).body.provider);
      const permission = `/obp/v1.2.1/banks/${bankId}/accounts/${accountId}/permissions/${provider}/${stranger.username}/views/auditor`;
      expect((await request(http).post(permission).set(owner.auth).expect(201)).body).toMatchObject({ id: 'auditor' });
      await request(http)
        .get(`${accountPath('1.2.1', 'auditor')}/transactions`)
        .set(stranger.auth)
        .expect(200);
      await request(http).delete(permission).set(owner.auth).expect(204);
      expectObpError(
        await request(http)
          .get(`${accountPath('1.2.1', 'auditor')}/transactions`)
          .set(stranger.auth),
        403,
        'OBP-20017',
      );
    });

    it('a custom view shows only its flags (created after granting ManageCustomViews)', async () => {
      const views = `/obp/v3.0.0/banks/${bankId}/accounts/${accountId}/views`;
      const body = {
        name: '_limited',
        description: 'amounts only',
        metadata_view: '',
        is_public: false,
        which_alias_to_use: 'private',
        hide_metadata_if_alias_used: false,
        allowed_actions: ['can_see_transaction_amount', 'can_see_transaction_currency'],
      };
      expectObpError(await request(http).post(views).set(owner.auth).send(body), 403, 'OBP-30022');
      await request(http)
        .post(`/obp/v4.0.0/banks/${bankId}/accounts/${accountId}/account-access/grant`)
        .set(owner.auth)
        .send({ user_id: owner.userId, view: { view_id: 'ManageCustomViews', is_system: true } })
        .expect(201);
      const created = await request(http).post(views).set(owner.auth).send(body).expect(201);
      expect(created.body).toMatchObject({
        id: '_limited',
        is_system: false,
        metadata_view: '_limited',
        can_see_transaction_amount: true,
        can_see_transaction_description: false,
      });
      expectObpError(await request(http).post(views).set(owner.auth).send(body), 400, 'OBP-30095');
      await request(http)
        .post(`/obp/v4.0.0/banks/${bankId}/accounts/${accountId}/account-access/grant`)
        .set(owner.auth)
        .send({ user_id: stranger.userId, view: { view_id: '_limited', is_system: false } })
        .expect(201);
      const seen = await request(http)
        .get(`${accountPath('5.1.0', '_limited')}/transactions`)
        .set(stranger.auth)
        .set({ obp_limit: '1' })
        .expect(200);
      expect(seen.body.transactions[0]).toMatchObject({
        this_account: null,
        other_account: null,
        metadata: null,
        details: { description: null, type: null, value: { amount: expect.any(String) } },
      });
    });

    it('public views need OBP_ALLOW_PUBLIC_VIEWS; the firehose view needs OBP_ALLOW_ACCOUNT_FIREHOSE and a firehose role', async () => {
      await request(http)
        .post(`/obp/v4.0.0/banks/${bankId}/accounts/${accountId}/account-access/grant`)
        .set(owner.auth)
        .send({ user_id: owner.userId, view: { view_id: 'ManageCustomViews', is_system: true } })
        .expect(201);
      const closed = await createTestApp();
      try {
        const closedHttp = closed.getHttpServer();
        // The same imported _public view is refused, to everyone, when public views are off.
        expectObpError(
          await request(closedHttp)
            .get(`${accountPath('5.1.0', '_public')}/transactions`)
            .set(stranger.auth),
          403,
          'OBP-20017',
        );
        const body = {
          name: '_open',
          description: 'd',
          metadata_view: '',
          is_public: true,
          which_alias_to_use: 'public',
          hide_metadata_if_alias_used: true,
          allowed_actions: [],
        };
        expectObpError(await request(closedHttp).post(`/obp/v3.0.0/banks/${bankId}/accounts/${accountId}/views`).set(owner.auth).send(body), 400, 'OBP-00005');
        // Firehose: off by default even with the role.
        await grantRole(app, stranger.userId, 'CanUseAccountFirehoseAtAnyBank');
        expectObpError(
          await request(closedHttp)
            .get(`${accountPath('5.1.0', 'firehose')}/transactions`)
            .set(stranger.auth),
          403,
          'OBP-20017',
        );
      } finally {
        await closed.close();
      }
      const firehose = await createTestApp({ env: { OBP_ALLOW_ACCOUNT_FIREHOSE: 'true' } });
      try {
        await request(firehose.getHttpServer())
          .get(`${accountPath('5.1.0', 'firehose')}/transactions`)
          .set(stranger.auth)
          .expect(200);
        const withoutRole = await signUpAndLogin(app, consumerKey);
        expectObpError(
          await request(firehose.getHttpServer())
            .get(`${accountPath('5.1.0', 'firehose')}/transactions`)
            .set(withoutRole.auth),
          403,
          'OBP-20017',
        );
      } finally {
        await firehose.close();
      }
    });

    it('system views need CanGetSystemView', async () => {
      expectObpError(await request(http).get('/obp/v5.1.0/system-views/owner').set(stranger.auth), 403, 'OBP-20006');
      const admin = await signUpAndLogin(app, consumerKey);
      await grantRole(app, admin.userId, 'CanGetSystemView');
      expect((await request(http).get('/obp/v5.1.0/system-views/owner').set(admin.auth).expect(200)).body).toMatchObject({
        id: 'owner',
        can_grant_access_to_views: expect.arrayContaining(['auditor']),
      });
      expect((await request(http).get('/obp/v3.1.0/system-views/auditor').set(admin.auth).expect(200)).body).toMatchObject({ id: 'auditor', is_system: true });
      expect((await request(http).get('/obp/v5.0.0/system-views-ids').set(admin.auth).expect(200)).body.views).toEqual(
        expect.arrayContaining([{ id: 'owner' }, { id: 'ReadBalancesBerlinGroup' }]),
      );
      expectObpError(await request(http).get('/obp/v5.1.0/system-views/nosuch').set(admin.auth), 400, 'OBP-30005');
    });
  });

  describe('explicit counterparties', () => {
    let counterpartyId: string;

    beforeAll(async () => {
      const [row] = await app.get(DataSource).query(
        `INSERT INTO counterparties (counterparty_id, bank_id, account_id, view_id, created_by_user_id, name, currency, other_account_routing_scheme, other_account_routing_address)
         VALUES (gen_random_uuid(), $1, $2, 'owner', $3, 'Landlord', 'EUR', 'IBAN', 'DE89370400440532013000') RETURNING counterparty_id`,
        [bankId, accountId, owner.userId],
      );
      counterpartyId = row.counterparty_id;
    });

    it('lists and gets them with metadata and a generated public alias', async () => {
      const listed = await request(http)
        .get(`${accountPath('4.0.0', 'owner')}/counterparties`)
        .set(owner.auth)
        .expect(200);
      expect(listed.body.counterparties).toEqual([
        expect.objectContaining({ counterparty_id: counterpartyId, name: 'Landlord', currency: 'EUR', bespoke: [] }),
      ]);
      const one = await request(http)
        .get(`${accountPath('5.1.0', 'owner')}/counterparties/${counterpartyId}`)
        .set(owner.auth)
        .expect(200);
      expect(one.body).toMatchObject({
        counterparty_id: counterpartyId,
        this_bank_id: bankId,
        metadata: { public_alias: expect.stringMatching(/^ALIAS_[0-9A-F]{6}$/) },
      });
      const v220 = await request(http)
        .get(`${accountPath('2.2.0', 'owner')}/counterparties/${counterpartyId}`)
        .set(owner.auth)
        .expect(200);
      expect(v220.body).not.toHaveProperty('currency');
      // Explicit counterparties are other accounts too.
      await request(http)
        .get(`${accountPath('3.0.0', 'owner')}/other_accounts/${counterpartyId}`)
        .set(owner.auth)
        .expect(200);
    });

    it('needs can_get_counterparty (403 in v4.0.0, 400 in v2.2.0) and a known id (400 OBP-30017)', async () => {
      expectObpError(
        await request(http)
          .get(`${accountPath('4.0.0', 'ReadBalancesBerlinGroup')}/counterparties/${counterpartyId}`)
          .set(owner.auth),
        403,
        'OBP-30022',
      );
      expectObpError(
        await request(http)
          .get(`${accountPath('3.1.0', 'ReadBalancesBerlinGroup')}/counterparties/${counterpartyId}`)
          .set(owner.auth),
        400,
        'OBP-30022',
      );
      expectObpError(
        await request(http)
          .get(`${accountPath('4.0.0', 'owner')}/counterparties/00000000-0000-4000-8000-000000000000`)
          .set(owner.auth),
        400,
        'OBP-30017',
      );
    });
  });

  describe('creating accounts', () => {
    const put = (version: string, id: string) => `/obp/v${version}/banks/${bankId}/accounts/${id}`;
    const v310Body = (overrides: Record<string, unknown> = {}) => ({
      user_id: '',
      label: 'Savings',
      product_code: 'SAVINGS',
      balance: { currency: 'EUR', amount: '0' },
      branch_id: 'B1',
      account_routings: [],
      ...overrides,
    });

    it('creates for oneself (v3.1.0 PUT, v4.0.0 POST, v2.0.0 PUT) and the owner then sees it', async () => {
      const id = uniqueName('acc-');
      const created = await request(http)
        .put(put('3.1.0', id))
        .set(stranger.auth)
        .send(v310Body({ account_routings: [{ scheme: 'AccountNumber', address: id }] }))
        .expect(201);
      expect(created.body).toMatchObject({
        account_id: id,
        user_id: stranger.userId,
        product_code: 'SAVINGS',
        balance: { currency: 'EUR', amount: '0.00' },
        account_attributes: [],
      });
      const mine = await request(http).get('/obp/v5.1.0/my/accounts').set(stranger.auth).expect(200);
      expect(mine.body.accounts.find((a: { id: string }) => a.id === id).views.map((v: { id: string }) => v.id)).toEqual(
        expect.arrayContaining(['owner', 'ManageCustomViews']),
      );
      expectObpError(await request(http).put(put('3.1.0', id)).set(stranger.auth).send(v310Body()), 400, 'OBP-30208');
      expectObpError(
        await request(http)
          .put(put('3.1.0', uniqueName('acc-')))
          .set(stranger.auth)
          .send(v310Body({ account_routings: [{ scheme: 'AccountNumber', address: id }] })),
        400,
        'OBP-30115',
      );

      const posted = await request(http).post(`/obp/v4.0.0/banks/${bankId}/accounts`).set(stranger.auth).send(v310Body()).expect(201);
      expect(posted.body.account_id).toMatch(/^[0-9a-f-]{36}$/);
      const v200Id = uniqueName('acc-');
      const v200Body = { user_id: '', label: 'L', type: 'CURRENT', balance: { currency: 'GBP', amount: '0' } };
      const v200 = await request(http).put(put('2.0.0', v200Id)).set(stranger.auth).send(v200Body).expect(200);
      expect(v200.body).toMatchObject({ id: v200Id, label: 'L', bank_id: bankId });
      // v2.x PUT on an existing account answers it unchanged (OBP has no "exists" error there).
      expect(
        (
          await request(http)
            .put(put('2.1.0', v200Id))
            .set(stranger.auth)
            .send({ ...v200Body, label: 'changed' })
            .expect(200)
        ).body,
      ).toMatchObject({ id: v200Id, label: 'L' });
      expectObpError(
        await request(http)
          .put(put('2.1.0', v200Id))
          .set(stranger.auth)
          .send({ ...v200Body, user_id: owner.userId }),
        403,
        'OBP-20006',
      );
    });

    it('refuses a non-zero balance, a bad currency, a bad id, and creating for someone else without CanCreateAccount', async () => {
      expectObpError(
        await request(http)
          .put(put('3.1.0', uniqueName('acc-')))
          .set(stranger.auth)
          .send(v310Body({ balance: { currency: 'EUR', amount: '10' } })),
        400,
        'OBP-30109',
      );
      expectObpError(
        await request(http)
          .put(put('3.1.0', uniqueName('acc-')))
          .set(stranger.auth)
          .send(v310Body({ balance: { currency: 'EUR', amount: 'ten' } })),
        400,
        'OBP-30112',
      );
      expectObpError(
        await request(http)
          .put(put('3.1.0', uniqueName('acc-')))
          .set(stranger.auth)
          .send(v310Body({ balance: { currency: 'ZZZ', amount: '0' } })),
        400,
        'OBP-10003',
      );
      expectObpError(await request(http).put(put('3.1.0', 'bad%20id')).set(stranger.auth).send(v310Body()), 400, 'OBP-30110');
      expectObpError(
        await request(http)
          .put(put('3.1.0', uniqueName('acc-')))
          .set(stranger.auth)
          .send(v310Body({ user_id: owner.userId })),
        403,
        'OBP-20006',
      );
      expectObpError(
        await request(http)
          .put(put('5.1.0', uniqueName('acc-')))
          .set(stranger.auth)
          .send({ label: 'x', product_code: 'y' }),
        403,
        'OBP-20006',
      );
      expectObpError(
        await request(http)
          .put(put('3.1.0', uniqueName('acc-')))
          .set(stranger.auth)
          .send({ label: 'x' }),
        400,
        'OBP-10001',
      );
    });

    it('with CanCreateAccount at the bank: for another user, and the v5.0.0 form with defaults', async () => {
      const manager = await signUpAndLogin(app, consumerKey);
      await grantRole(app, manager.userId, 'CanCreateAccount', bankId);
      const id = uniqueName('acc-');
      await request(http)
        .put(put('3.1.0', id))
        .set(manager.auth)
        .send(v310Body({ user_id: stranger.userId }))
        .expect(201);
      const account = await request(http).get(`/obp/v3.0.0/banks/${bankId}/accounts/${id}/owner/account`).set(stranger.auth).expect(200);
      expect(account.body.owners).toEqual([expect.objectContaining({ id: stranger.userId })]);
      const v500 = await request(http)
        .put(put('5.1.0', uniqueName('acc-')))
        .set(manager.auth)
        .send({ label: 'x', product_code: 'y' })
        .expect(201);
      expect(v500.body).toMatchObject({ user_id: manager.userId, balance: { currency: 'EUR', amount: '0.00' }, branch_id: '' });
    });
  });
});
