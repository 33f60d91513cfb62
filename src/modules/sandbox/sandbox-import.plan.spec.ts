import { ObpException } from '../../common/errors/obp.exception';
import { implicitCounterpartyId } from '../counterparties/implicit-counterparty';
import { exampleOfDto } from '../../common/openapi/dto-example';
import { SandboxDataImportJson } from './dto/sandbox-import-body.json';
import { SANDBOX_IMPORT_EXAMPLE, type SandboxDataImport, type SandboxTransactionImport } from './dto/sandbox-import.json';
import { parseSandboxImport } from './sandbox-import.parser';
import { buildImportPlan, countsOf } from './sandbox-import.plan';
import { isValidImportUsername, parseImportDate, validateSandboxImport, type ExistingData } from './sandbox-import.validator';

const NOTHING: ExistingData = {
  bankIds: new Set(),
  usernames: new Set(),
  branchKeys: new Set(),
  atmKeys: new Set(),
  productKeys: new Set(),
  crmEventIds: new Set(),
};
const SETTINGS = { localProvider: 'local', allowAccountFirehose: false, allowPublicViews: true };

function withTransactions(counterparties: SandboxTransactionImport['counterparty'][]): SandboxDataImport {
  const [template] = SANDBOX_IMPORT_EXAMPLE.transactions;
  return { ...SANDBOX_IMPORT_EXAMPLE, transactions: counterparties.map((counterparty, i) => ({ ...template, id: `t${i}`, counterparty })) };
}

function refusal(data: SandboxDataImport, existing = NOTHING): string {
  try {
    validateSandboxImport(data, existing);
  } catch (error) {
    return (error as ObpException).message;
  }
  return 'accepted';
}

describe('sandbox import: parsing, rules and rows', () => {
  it('documents the accepted example file through the body DTO (the resource docs and OpenAPI example)', () => {
    expect(exampleOfDto(SandboxDataImportJson)).toEqual(SANDBOX_IMPORT_EXAMPLE);
  });

  it('accepts its own documentation example, round-tripping through the parser', () => {
    const parsed = parseSandboxImport(JSON.parse(JSON.stringify({ ...SANDBOX_IMPORT_EXAMPLE, extra: 1 })));
    expect(parsed).toEqual(SANDBOX_IMPORT_EXAMPLE);
    expect(refusal(parsed)).toBe('accepted');
    expect(countsOf(buildImportPlan(parsed, SETTINGS))).toEqual({
      banks: 1,
      users: 1,
      accounts: 1,
      transactions: 1,
      branches: 1,
      atms: 1,
      products: 1,
      crmEvents: 1,
      accountHolders: 1,
      viewGrants: 13,
      publicViews: 1,
      counterparties: 1,
    });
    expect(countsOf(buildImportPlan(parsed, { ...SETTINGS, allowAccountFirehose: true, allowPublicViews: false }))).toMatchObject({
      viewGrants: 14,
      publicViews: 0,
    });
  });

  it('names counterparties as OBP: given name; one unknown_<uuid> per account number; else one per transaction', () => {
    const plan = buildImportPlan(
      withTransactions([{ name: 'Shop' }, { account_number: 'A' }, { name: '', account_number: 'A' }, { account_number: 'B' }, undefined, {}, { name: '' }]),
      SETTINGS,
    );
    const names = plan.transactions.map((t) => t.counterpartyName);
    expect(names[0]).toBe('Shop');
    expect(names[1]).toMatch(/^unknown_[0-9a-f-]{36}$/);
    expect(names[2]).toBe(names[1]);
    expect(new Set(names.slice(3)).size).toBe(4);
    for (const t of plan.transactions) expect(t.counterpartyId).toBe(implicitCounterpartyId(t.bankId, t.accountId, t.counterpartyName));
    expect(plan.counterparties).toHaveLength(6);
  });

  it('keeps money in minor units of the upper-cased account currency, truncating extra digits', () => {
    const [account] = SANDBOX_IMPORT_EXAMPLE.accounts;
    const data = { ...withTransactions([{ name: 'x' }]), accounts: [{ ...account, balance: { currency: 'jpy', amount: '1234.99' } }] };
    data.transactions[0].details = { ...data.transactions[0].details, value: '-10.999', new_balance: '1224' };
    const plan = buildImportPlan(data, SETTINGS);
    expect(plan.accounts[0]).toMatchObject({ currency: 'JPY', balance: '1234' });
    expect(plan.transactions[0]).toMatchObject({ currency: 'JPY', amount: '-10', newBalance: '1224' });
  });

  it('needs milliseconds in dates and rejects impossible ones', () => {
    expect(parseImportDate('2015-07-01T00:00:00.000Z')?.toISOString()).toBe('2015-07-01T00:00:00.000Z');
    expect(parseImportDate('2015-07-01T00:00:00Z')).toBeUndefined();
    expect(parseImportDate('2015-07-01T00:00:00.00Z')).toBeUndefined();
    expect(parseImportDate('2015-02-29T00:00:00.000Z')).toBeUndefined();
  });

  it("applies OBP's user name rule", () => {
    for (const name of ['user.name_1', 'Robert.X.0.GH', 'a@b.example']) expect(isValidImportUsername(name)).toBe(true);
    for (const name of ['User 1', 'short', '.leading.dot', 'double..dot', 'trailing_', 'x'.repeat(101)]) expect(isValidImportUsername(name)).toBe(false);
  });

  it('stops at the first failing stage, naming up to ten items', () => {
    const many = {
      ...SANDBOX_IMPORT_EXAMPLE,
      users: Array.from({ length: 12 }, (_, i) => ({ email: `u${i}@example.com`, password: 'weak', user_name: `user.number${i}` })),
    };
    expect(refusal(many)).toMatch(/^OBP-30207: .*\(users\[0\] "user\.number0", .*users\[9\] "user\.number9"; and 2 more\)$/);
    const existingBank = { ...NOTHING, bankIds: new Set(['bank1']) };
    expect(refusal(many, existingBank)).toBe('OBP-30094: Cannot import the sandbox data: banks[0].id "bank1" already exists');
  });

  it('refuses bodies of the wrong shape with OBP-10001 naming the path', () => {
    expect(() => parseSandboxImport(null)).toThrow(
      'OBP-10001: Incorrect json format. The Json body should be the SandboxDataImport body: must be a JSON object',
    );
    const [account] = SANDBOX_IMPORT_EXAMPLE.accounts;
    expect(() => parseSandboxImport({ ...SANDBOX_IMPORT_EXAMPLE, accounts: [{ ...account, owners: ['ok', 7] }] })).toThrow(
      'accounts[0].owners[1]: must be a string',
    );
    expect(() => parseSandboxImport({ ...SANDBOX_IMPORT_EXAMPLE, transactions: [{ ...SANDBOX_IMPORT_EXAMPLE.transactions[0], details: null }] })).toThrow(
      'transactions[0].details: is required',
    );
    // Option fields: null means absent.
    expect(
      parseSandboxImport({ ...SANDBOX_IMPORT_EXAMPLE, transactions: [{ ...SANDBOX_IMPORT_EXAMPLE.transactions[0], counterparty: null }] }).transactions[0]
        .counterparty,
    ).toBeUndefined();
  });
});
