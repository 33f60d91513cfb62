import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { since } from '../../src/common/versioning/api-versions';
import { implicitCounterpartyId } from '../../src/modules/counterparties/implicit-counterparty';
import { importGrantedViewIds, publicViewPermissions } from '../../src/modules/views/system-views';
import { createConsumer, directLogin, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { readSandboxFixture, SANDBOX_PASSWORD, sandboxRowCounts, syntheticSandbox } from '../support/sandbox';
import { createTestApp } from '../support/test-app';

const IMPORT = '/obp/v5.1.0/sandbox/data-import';
const GRANTED_VIEWS = importGrantedViewIds(loadConfig(process.env).features.allowAccountFirehose);

describe('Sandbox data import: POST /sandbox/data-import (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let consumerKey: string;
  let importer: TestUser;
  let someone: TestUser;

  const post = (body: unknown, user: TestUser = importer, path = IMPORT) =>
    request(http)
      .post(path)
      .set(user.auth)
      .send(body as object);

  /** Posts a payload that must be refused and checks that no table changed. */
  async function expectRefused(body: unknown, code: string, message: RegExp) {
    const before = await sandboxRowCounts(app);
    const response = await post(body);
    expectObpError(response, 400, code);
    expect(response.body.message).toMatch(message);
    expect(await sandboxRowCounts(app)).toEqual(before);
    return response;
  }

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true', OBP_ALLOW_PUBLIC_VIEWS: 'true' } });
    http = app.getHttpServer();
    db = app.get(DataSource);
    consumerKey = (await createConsumer(app)).key;
    importer = await signUpAndLogin(app, consumerKey);
    someone = await signUpAndLogin(app, consumerKey);
    await grantRole(app, importer.userId, 'CanCreateSandbox');
  });

  afterAll(async () => {
    await app.close();
  });

  describe('gate: login, instance switch, role, then the body', () => {
    it.each(since('2.1.0').map((v) => [v]))('v%s: 401 anonymous', async (version) => {
      const response = await request(http).post(`/obp/v${version}/sandbox/data-import`).send(syntheticSandbox().data);
      expectObpError(response, 401, 'OBP-20001');
    });

    it('is not served before v2.1.0', async () => {
      await post(syntheticSandbox().data, importer, '/obp/v2.0.0/sandbox/data-import').expect(404);
    });

    it('400 OBP-10001 for a body that is not a SandboxDataImport, naming the path (after the role check)', async () => {
      const { data } = syntheticSandbox();
      const cases: [unknown, RegExp][] = [
        [{ ...data, crm_events: undefined }, /SandboxDataImport crm_events: is required/],
        [{ ...data, banks: {} }, /banks: must be a list/],
        [{ ...data, accounts: [{ ...data.accounts[0], balance: { currency: 'EUR', amount: 12 } }] }, /accounts\[0\]\.balance\.amount: must be a string/],
        [{ ...data, accounts: [{ ...data.accounts[0], generate_public_view: 'yes' }] }, /accounts\[0\]\.generate_public_view: must be true or false/],
        [{ ...data, branches: [{ ...data.branches[0], location: { latitude: '52', longitude: 13 } }] }, /branches\[0\]\.location\.latitude: must be a number/],
        [{ ...data, banks: [{ ...data.banks[0], id: 'x'.repeat(256) }] }, /banks\[0\]\.id: must be at most 255 characters/],
        [[], /body: must be a JSON object/],
        // Refused for every endpoint by the JSON input limits (still after the role check), naming the path.
        [
          { ...data, banks: [{ ...data.banks[0], full_name: 'nul\u0000' }] },
          /^OBP-10001: Incorrect json format\. banks\[0\]\.full_name contains a NUL character/,
        ],
      ];
      for (const [body, message] of cases) {
        const response = await post(body, importer);
        expectObpError(response, 400, 'OBP-10001');
        if (!message.source.startsWith('^')) {
          expect(response.body.message).toMatch(/^OBP-10001: Incorrect json format\. The Json body should be the SandboxDataImport /);
        }
        expect(response.body.message).toMatch(message);
        // Fail closed: without the role the body is never looked at.
        expectObpError(await post(body, someone), 403, 'OBP-20006');
      }
    });

    it('403 OBP-00002 when OBP_ALLOW_SANDBOX_DATA_IMPORT is off (the default), before the role check', async () => {
      const closed = await createTestApp();
      try {
        for (const user of [importer, someone]) {
          const response = await request(closed.getHttpServer()).post(IMPORT).set(user.auth).send(syntheticSandbox().data);
          expectObpError(response, 403, 'OBP-00002');
          expect(response.body.message).toBe('OBP-00002: Data import is disabled for this API instance.');
        }
      } finally {
        await closed.close();
      }
    });

    it('403 OBP-20006 naming CanCreateSandbox without the role; nothing saved', async () => {
      const { data, bank } = syntheticSandbox();
      const response = await post(data, someone);
      expectObpError(response, 403, 'OBP-20006');
      expect(response.body.message).toBe('OBP-20006: User is missing one or more roles: CanCreateSandbox');
      expect(await db.query('SELECT 1 FROM banks WHERE bank_id = $1', [bank])).toEqual([]);
    });

    it('documents the role and the errors in the resource docs', async () => {
      const docs = await request(http).get('/obp/v5.1.0/resource-docs/v5.1.0/obp').expect(200);
      const doc = docs.body.resource_docs.find((item: { operation_id: string }) => item.operation_id === 'OBPv2.1.0-sandboxDataImport');
      expect(doc).toMatchObject({
        request_verb: 'POST',
        request_url: '/obp/v2.1.0/sandbox/data-import',
        roles: [{ role: 'CanCreateSandbox', requires_bank_id: false }],
      });
      expect(doc.error_response_bodies).toEqual(expect.arrayContaining(['OBP-00002: Data import is disabled for this API instance.']));
    });
  });

  describe('a small import', () => {
    it('201 {"success":"Success"} and every row as sandbox_import.md describes it', async () => {
      const { data, bank, alice, bob, crmEventId } = syntheticSandbox();
      const response = await post(data, importer, '/obp/v2.1.0/sandbox/data-import').expect(201);
      expect(response.body).toEqual({ success: 'Success' });

      expect(await db.query('SELECT bank_id, short_name, full_name, logo_url, website_url FROM banks WHERE bank_id = $1', [bank])).toEqual([
        { bank_id: bank, short_name: 'Sbx', full_name: data.banks[0].full_name, logo_url: 'https://example.com/logo.png', website_url: 'https://example.com' },
      ]);
      const users: { user_id: string; username: string; email: string; first_name: string; validated: boolean }[] = await db.query(
        'SELECT user_id, username, email, first_name, validated FROM users WHERE username = ANY($1) ORDER BY username',
        [[alice, bob]],
      );
      expect(users.map(({ username, email, first_name, validated }) => ({ username, email, first_name, validated }))).toEqual([
        { username: alice, email: `${alice}@example.com`, first_name: alice, validated: true },
        { username: bob, email: bob, first_name: bob, validated: true },
      ]);
      const [aliceId, bobId] = users.map((user) => user.user_id);
      await directLogin(app, alice, SANDBOX_PASSWORD, consumerKey).expect(201);
      await directLogin(app, bob, SANDBOX_PASSWORD, consumerKey).expect(201);

      expect(
        await db.query('SELECT account_id, number, label, account_type, currency, balance FROM accounts WHERE bank_id = $1 ORDER BY account_id', [bank]),
      ).toEqual([
        { account_id: 'acc-1', number: '1001', label: 'Main', account_type: 'CURRENT', currency: 'EUR', balance: '123456' },
        { account_id: 'acc-2', number: '1002', label: 'Yen', account_type: 'SAVINGS', currency: 'JPY', balance: '5000' },
      ]);
      expect(await db.query('SELECT account_id, scheme, address FROM account_routings WHERE bank_id = $1 ORDER BY account_id', [bank])).toEqual([
        { account_id: 'acc-1', scheme: 'IBAN', address: data.accounts[0].IBAN },
        { account_id: 'acc-2', scheme: 'IBAN', address: data.accounts[1].IBAN },
      ]);
      const holders = await db.query('SELECT account_id, user_id FROM account_holders WHERE bank_id = $1', [bank]);
      expect(holders).toHaveLength(3);
      expect(holders).toEqual(
        expect.arrayContaining([
          { account_id: 'acc-1', user_id: aliceId },
          { account_id: 'acc-1', user_id: bobId },
          { account_id: 'acc-2', user_id: bobId },
        ]),
      );
      // generate_accountants_view / generate_auditors_view are ignored: the same views everywhere.
      const access: { account_id: string; user_id: string; views: string[] }[] = await db.query(
        `SELECT account_id, user_id, array_agg(view_id ORDER BY view_id) AS views FROM account_access
          WHERE bank_id = $1 AND consumer_id = 'ALL_CONSUMERS' GROUP BY account_id, user_id`,
        [bank],
      );
      expect(access).toHaveLength(3);
      for (const row of access) expect(row.views).toEqual([...GRANTED_VIEWS].sort());
      expect(GRANTED_VIEWS).toHaveLength(13);
      expect(
        await db.query(
          'SELECT account_id, view_id, name, is_public, is_firehose, which_alias_to_use, hide_metadata_if_alias_used, metadata_view, permissions FROM custom_views WHERE bank_id = $1',
          [bank],
        ),
      ).toEqual([
        {
          account_id: 'acc-1',
          view_id: '_public',
          name: '_Public',
          is_public: true,
          is_firehose: true,
          which_alias_to_use: 'public',
          hide_metadata_if_alias_used: true,
          metadata_view: '_public',
          permissions: publicViewPermissions(),
        },
      ]);

      const transactions: Record<string, string>[] = await db.query(
        `SELECT account_id, transaction_id, amount, new_balance, currency, counterparty_name, counterparty_account_number, counterparty_id,
                to_char(posted AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS posted, to_char(completed AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS completed
           FROM transactions WHERE bank_id = $1 ORDER BY account_id, transaction_id`,
        [bank],
      );
      expect(
        transactions.map(({ account_id, transaction_id, amount, new_balance, currency, counterparty_account_number }) => [
          account_id,
          transaction_id,
          amount,
          new_balance,
          currency,
          counterparty_account_number,
        ]),
      ).toEqual([
        ['acc-1', 't1', '-350', '123106', 'EUR', '111'],
        ['acc-1', 't2', '-410', '122696', 'EUR', ''],
        ['acc-1', 't3', '10000', '132696', 'EUR', 'NL-42'],
        ['acc-1', 't4', '5050', '137746', 'EUR', 'NL-42'],
        ['acc-2', 't1', '-250', '4750', 'JPY', ''],
      ]);
      expect(transactions[0]).toMatchObject({ posted: '2024-01-02T03:04:05.000', completed: '2024-01-03T03:04:05.123' });
      const [t1, t2, t3, t4, yen] = transactions;
      expect([t1.counterparty_name, t2.counterparty_name]).toEqual(['Coffee Shop', 'Coffee Shop']);
      expect(t3.counterparty_name).toMatch(/^unknown_[0-9a-f-]{36}$/);
      expect(t4.counterparty_name).toBe(t3.counterparty_name); // nameless, same account number: one counterparty
      expect(yen.counterparty_name).toMatch(/^unknown_[0-9a-f-]{36}$/);
      expect(yen.counterparty_name).not.toBe(t3.counterparty_name);
      for (const t of transactions) expect(t.counterparty_id).toBe(implicitCounterpartyId(bank, t.account_id, t.counterparty_name));

      const metadata: { counterparty_id: string; account_id: string; counterparty_name: string; public_alias: string }[] = await db.query(
        'SELECT counterparty_id, account_id, counterparty_name, public_alias FROM counterparty_metadata WHERE bank_id = $1 ORDER BY counterparty_name',
        [bank],
      );
      expect(metadata.map((row) => row.counterparty_id).sort()).toEqual([...new Set(transactions.map((t) => t.counterparty_id))].sort());
      for (const row of metadata) expect(row.public_alias).toMatch(/^ALIAS_[0-9A-F]{6}$/);

      expect(
        await db.query('SELECT branch_id, name, lobby_hours, drive_up_hours, latitude, license_name, address FROM branches WHERE bank_id = $1', [bank]),
      ).toEqual([
        {
          branch_id: 'br-1',
          name: 'Head Office',
          lobby_hours: '9-5',
          drive_up_hours: '',
          latitude: 52.5,
          license_name: 'PDDL',
          address: data.branches[0].address,
        },
      ]);
      expect(await db.query('SELECT atm_id, name FROM atms WHERE bank_id = $1', [bank])).toEqual([{ atm_id: 'atm-1', name: 'Lobby ATM' }]);
      expect(await db.query('SELECT product_code, name, super_family FROM products WHERE bank_id = $1', [bank])).toEqual([
        { product_code: data.products[0].code, name: 'Saver', super_family: 'Retail' },
      ]);
      const crm = await request(http).get(`/obp/v1.4.0/banks/${bank}/crm-events`).set(importer.auth).expect(200);
      expect(crm.body.crm_events).toEqual([
        {
          id: crmEventId,
          bank_id: bank,
          customer_name: 'Eve',
          customer_number: '42',
          category: 'Call',
          detail: 'Hello',
          channel: 'Phone',
          scheduled_date: null,
          actual_date: '2024-02-01T10:00:00Z',
          result: '',
        },
      ]);
    });

    it('grants no entitlements to the importer or the imported users, and creates no _public view when public views are off', async () => {
      const closed = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true' } });
      try {
        const { data, bank, alice } = syntheticSandbox();
        await request(closed.getHttpServer()).post(IMPORT).set(importer.auth).send(data).expect(201);
        expect(await db.query('SELECT count(*)::int AS n FROM custom_views WHERE bank_id = $1', [bank])).toEqual([{ n: 0 }]);
        expect(await db.query('SELECT count(*)::int AS n FROM entitlements e JOIN users u USING (user_id) WHERE u.username = $1', [alice])).toEqual([{ n: 0 }]);
        expect(await db.query('SELECT count(*)::int AS n FROM entitlements WHERE bank_id = $1', [bank])).toEqual([{ n: 0 }]);
      } finally {
        await closed.close();
      }
    });

    it('accepts the same IBAN, account id and number at two banks, and branches/products at an existing bank', async () => {
      const first = syntheticSandbox();
      const { data } = syntheticSandbox();
      const second = { ...data.banks[0], id: `${data.banks[0].id}-2` };
      const payload = {
        ...data,
        banks: [...data.banks, second],
        accounts: [...data.accounts, { ...data.accounts[0], bank: second.id, owners: [data.users[0].user_name] }],
        branches: [{ ...data.branches[0], id: 'br-2', bank_id: first.bank }],
        products: [],
        crm_events: [],
      };
      await post(first.data).expect(201);
      await post(payload).expect(201);
      expect(await db.query('SELECT bank_id FROM account_routings WHERE address = $1 ORDER BY bank_id', [data.accounts[0].IBAN])).toEqual([
        { bank_id: data.banks[0].id },
        { bank_id: second.id },
      ]);
      expect(await db.query('SELECT branch_id FROM branches WHERE bank_id = $1 ORDER BY branch_id', [first.bank])).toEqual([
        { branch_id: 'br-1' },
        { branch_id: 'br-2' },
      ]);
    });
  });

  describe('refusals: 400 naming the offending item, nothing saved', () => {
    it('sandbox-small.json: weak passwords, OBP-30207 naming the users', async () => {
      const response = await expectRefused(readSandboxFixture('sandbox-small.json'), 'OBP-30207', /^OBP-30207: Invalid Password Format\./);
      expect(response.body.message).toContain('(users[0] "robert.xuk.x@example.com", users[1] "susan.xuk.x@example.com"');
      expect(response.body.message).toContain('users[7] "ellie.yuk.y@example.com")');
    });

    const refusals: [string, (s: ReturnType<typeof syntheticSandbox>) => unknown, string, RegExp][] = [
      [
        'a duplicate account id at one bank',
        ({ data }) => ({ ...data, accounts: [data.accounts[0], { ...data.accounts[1], id: 'acc-1' }] }),
        'OBP-30094',
        /^OBP-30094: Cannot import the sandbox data: accounts\[1\]\.id "acc-1" repeats accounts\[0\]\.id at bank "sbx-/,
      ],
      [
        'an account at a bank not in the import',
        ({ data }) => ({ ...data, accounts: [{ ...data.accounts[0], bank: 'no-such-bank' }], transactions: [] }),
        'OBP-30094',
        /accounts\[0\]\.bank "no-such-bank" is not a bank of this import$/,
      ],
      [
        'an owner who is not an imported user',
        ({ data }) => ({ ...data, accounts: [{ ...data.accounts[0], owners: ['mallory.outsider'] }] }),
        'OBP-30094',
        /accounts\[0\]\.owners\[0\] "mallory\.outsider" is not a user_name of this import$/,
      ],
      [
        'an account without owners',
        ({ data }) => ({ ...data, accounts: [{ ...data.accounts[0], owners: [] }] }),
        'OBP-30094',
        /accounts\[0\]\.owners is empty/,
      ],
      [
        'a date without milliseconds',
        ({ data }) => ({ ...data, transactions: [{ ...data.transactions[0], details: { ...data.transactions[0].details, posted: '2024-01-02T03:04:05Z' } }] }),
        'OBP-30094',
        /transactions\[0\]\.details\.posted "2024-01-02T03:04:05Z" is not a valid date: expected yyyy-MM-dd'T'HH:mm:ss\.SSS'Z'$/,
      ],
      [
        'an impossible date',
        ({ data }) => ({
          ...data,
          transactions: [{ ...data.transactions[0], details: { ...data.transactions[0].details, completed: '2024-02-30T00:00:00.000Z' } }],
        }),
        'OBP-30094',
        /transactions\[0\]\.details\.completed "2024-02-30T00:00:00\.000Z"/,
      ],
      [
        'a duplicate IBAN at one bank',
        ({ data }) => ({ ...data, accounts: [data.accounts[0], { ...data.accounts[1], IBAN: data.accounts[0].IBAN }] }),
        'OBP-30094',
        /accounts\[1\]\.IBAN "DE00SBX\w+1" repeats accounts\[0\]\.IBAN at bank "sbx-\w+"$/,
      ],
      [
        'a duplicate bank id',
        ({ data }) => ({ ...data, banks: [data.banks[0], data.banks[0]] }),
        'OBP-30094',
        /banks\[1\]\.id "sbx-\w+" repeats banks\[0\]\.id$/,
      ],
      [
        'a duplicate user name',
        ({ data }) => ({ ...data, users: [data.users[0], data.users[0]] }),
        'OBP-30094',
        /users\[1\]\.user_name "alice\.\w+" repeats users\[0\]\.user_name$/,
      ],
      [
        'an invalid user name',
        ({ data }) => ({ ...data, users: [{ ...data.users[0], user_name: 'User 1' }] }),
        'OBP-30094',
        /users\[0\]\.user_name "User 1" must be an e-mail address or 8 to 100/,
      ],
      [
        'an invalid e-mail',
        ({ data }) => ({ ...data, users: [{ ...data.users[0], email: 'not-an-email' }] }),
        'OBP-30094',
        /users\[0\]\.email "not-an-email" is not a valid e-mail address$/,
      ],
      [
        'a balance that is not a number',
        ({ data }) => ({ ...data, accounts: [{ ...data.accounts[0], balance: { currency: 'EUR', amount: '12,50' } }] }),
        'OBP-30094',
        /accounts\[0\]\.balance\.amount "12,50" is not a decimal number/,
      ],
      [
        'a transaction value that is not a number',
        ({ data }) => ({ ...data, transactions: [{ ...data.transactions[0], details: { ...data.transactions[0].details, value: 'ten' } }] }),
        'OBP-30094',
        /transactions\[0\]\.details\.value "ten" is not a decimal number$/,
      ],
      [
        'a transaction on an account not in the import',
        ({ data }) => ({ ...data, transactions: [{ ...data.transactions[0], this_account: { id: 'acc-9', bank: data.banks[0].id } }] }),
        'OBP-30094',
        /transactions\[0\]\.this_account \(bank "sbx-\w+", id "acc-9"\) is not an account of this import$/,
      ],
      [
        'a duplicate transaction id on one account',
        ({ data }) => ({ ...data, transactions: [data.transactions[0], data.transactions[0]] }),
        'OBP-30094',
        /transactions\[1\]\.id "t1" repeats transactions\[0\]\.id on account/,
      ],
      [
        'a branch at an unknown bank',
        ({ data }) => ({ ...data, branches: [{ ...data.branches[0], bank_id: 'no-such-bank' }] }),
        'OBP-30094',
        /branches\[0\]\.bank_id "no-such-bank" is neither a bank of this import nor an existing bank$/,
      ],
      [
        'a duplicate ATM id',
        ({ data }) => ({ ...data, atms: [data.atms[0], data.atms[0]] }),
        'OBP-30094',
        /atms\[1\]\.id "atm-1" repeats atms\[0\]\.id at bank/,
      ],
      [
        'a product code used twice (at any bank)',
        ({ data }) => ({ ...data, products: [data.products[0], data.products[0]] }),
        'OBP-30094',
        /products\[1\]\.code "P-\w+" repeats products\[0\]\.code$/,
      ],
      [
        'a CRM event id that is not a UUID',
        ({ data }) => ({ ...data, crm_events: [{ ...data.crm_events[0], id: 'crm-1' }] }),
        'OBP-30094',
        /crm_events\[0\]\.id "crm-1" is not a UUID$/,
      ],
      [
        'a CRM event date that does not parse',
        ({ data }) => ({ ...data, crm_events: [{ ...data.crm_events[0], actual_date: 'yesterday' }] }),
        'OBP-30094',
        /crm_events\[0\]\.actual_date "yesterday" is not a valid date/,
      ],
    ];

    it.each(refusals)('%s', async (_, change, code, message) => {
      await expectRefused(change(syntheticSandbox()), code, message);
    });

    it('all or nothing: a row rejected while writing (the last one, a CRM event) rolls back everything and answers 400, not 500', async () => {
      const { data, bank } = syntheticSandbox();
      // Stands in for a concurrent writer that took the id after the checks ran.
      await db.query(`CREATE FUNCTION sbx_reject_crm() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE unique_violation USING MESSAGE = 'taken meanwhile', CONSTRAINT = 'PK_crm_events'; END $$`);
      await db.query(`CREATE TRIGGER sbx_reject_crm BEFORE INSERT ON crm_events FOR EACH ROW WHEN (NEW.bank_id = '${bank}') EXECUTE FUNCTION sbx_reject_crm()`);
      try {
        await expectRefused(data, 'OBP-30094', /data written while the import ran conflicts with it \(constraint PK_crm_events\); nothing was imported$/);
      } finally {
        await db.query('DROP TRIGGER sbx_reject_crm ON crm_events');
        await db.query('DROP FUNCTION sbx_reject_crm()');
      }
      await post(data).expect(201);
    });

    it('names ids that already exist in the database: bank, user, branch, product, CRM event', async () => {
      const existing = syntheticSandbox();
      await post(existing.data).expect(201);
      const { data } = syntheticSandbox();
      await expectRefused(
        { ...data, banks: [data.banks[0], existing.data.banks[0]] },
        'OBP-30094',
        new RegExp(`banks\\[1\\]\\.id "${existing.bank}" already exists$`),
      );
      await expectRefused(
        { ...data, users: [data.users[0], existing.data.users[1]] },
        'OBP-30094',
        /users\[1\]\.user_name "bob\.\w+@example\.com" already exists$/,
      );
      await expectRefused(
        { ...data, branches: [{ ...existing.data.branches[0] }] },
        'OBP-30094',
        new RegExp(`branches\\[0\\]\\.id "br-1" already exists at bank "${existing.bank}"$`),
      );
      await expectRefused({ ...data, products: [{ ...existing.data.products[0] }] }, 'OBP-30094', /products\[0\]\.code "P-\w+" already exists at bank/);
      await expectRefused(
        { ...data, crm_events: [{ ...data.crm_events[0], id: existing.crmEventId.toUpperCase() }] },
        'OBP-30094',
        /crm_events\[0\]\.id "[0-9A-F-]{36}" already exists$/,
      );
      // An account must come with its bank, even when the bank exists (OBP's rule).
      await expectRefused(
        { ...data, accounts: [{ ...data.accounts[0], bank: existing.bank }], transactions: [] },
        'OBP-30094',
        /is not a bank of this import \(accounts can only be imported together with their bank\)$/,
      );
    });
  });

  describe('sandbox-large.json (the only spec importing it: its ids are fixed)', () => {
    const large = readSandboxFixture('sandbox-large.json');
    const bankIds = large.banks.map((bank) => bank.id);

    beforeAll(async () => {
      // Re-runnable on a kept database: remove what an earlier run of this spec imported.
      await db.query('DELETE FROM users WHERE username = ANY($1)', [large.users.map((user) => user.user_name)]);
      await db.query('DELETE FROM banks WHERE bank_id = ANY($1)', [bankIds]);
    });

    it('imports completely: the counts of the file, holders, 13 grants per owner and account, aliases, balances', async () => {
      const before = await sandboxRowCounts(app);
      const started = Date.now();
      await post(large).expect(201, { success: 'Success' });
      console.log(
        `sandbox-large.json imported over HTTP in ${Date.now() - started} ms (${process.env.OBP_TEST_EMBEDDED_DATABASE === 'true' ? 'PGlite' : 'PostgreSQL'})`,
      );
      const after = await sandboxRowCounts(app);
      const added = Object.fromEntries(Object.entries(after).map(([table, n]) => [table, n - before[table]]));
      const counterparties = new Set(large.transactions.map((t) => `${t.this_account.bank}/${t.this_account.id}/${t.counterparty?.name || Math.random()}`))
        .size;
      expect(added).toEqual({
        banks: 2,
        users: 8,
        accounts: 14,
        account_routings: 14,
        account_holders: 14,
        account_access: 14 * GRANTED_VIEWS.length,
        custom_views: 14,
        transactions: 688,
        counterparty_metadata: counterparties,
        branches: 3,
        atms: 3,
        products: 20,
        crm_events: 2,
      });

      const perOwner: { n: number }[] = await db.query(
        'SELECT count(*)::int AS n FROM account_access a JOIN account_holders h USING (bank_id, account_id, user_id) WHERE a.bank_id = ANY($1) GROUP BY a.bank_id, a.account_id, a.user_id',
        [bankIds],
      );
      expect(perOwner).toHaveLength(14);
      expect(new Set(perOwner.map((row) => row.n))).toEqual(new Set([13]));
      const aliases: { bank_id: string; account_id: string; public_alias: string }[] = await db.query(
        'SELECT bank_id, account_id, public_alias FROM counterparty_metadata WHERE bank_id = ANY($1)',
        [bankIds],
      );
      for (const row of aliases) expect(row.public_alias).toMatch(/^ALIAS_[0-9A-F]{6}$/);
      expect(new Set(aliases.map((row) => `${row.bank_id}/${row.account_id}/${row.public_alias}`)).size).toBe(aliases.length);
      const unknown = await db.query(
        `SELECT count(DISTINCT counterparty_name)::int AS n FROM transactions WHERE bank_id = ANY($1) AND counterparty_name LIKE 'unknown\\_%'`,
        [bankIds],
      );
      expect(unknown).toEqual([{ n: 20 }]);

      expect(
        await db.query('SELECT currency, balance FROM accounts WHERE bank_id = $1 AND account_id = $2', [
          'obp-bank-x-gh',
          'f65e28a5-9abe-428f-85bb-6c3c38122adb',
        ]),
      ).toEqual([{ currency: 'GBP', balance: '659963' }]);
      const login = await directLogin(app, 'Robert.X.0.GH', 'X!d1edcafd', consumerKey).expect(201);
      const crm = await request(http)
        .get('/obp/v1.4.0/banks/obp-bank-x-gh/crm-events')
        .set({ DirectLogin: `token=${login.body.token}` })
        .expect(200);
      expect(crm.body.crm_events).toEqual([
        expect.objectContaining({ id: '42f69509-3de6-402b-aa1e-c9e919828824', customer_name: 'Dennis X.0.GH', actual_date: '2015-02-14T00:00:00Z' }),
      ]);
    });

    it('a second import of the same file is refused naming the existing banks; nothing changes', async () => {
      await expectRefused(
        large,
        'OBP-30094',
        /^OBP-30094: Cannot import the sandbox data: banks\[0\]\.id "obp-bank-x-gh" already exists; banks\[1\]\.id "obp-bank-y-gh" already exists$/,
      );
    });
  });
});
