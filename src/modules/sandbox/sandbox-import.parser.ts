import { ObpException } from '../../common/errors/obp.exception';
import type {
  SandboxAccountImport,
  SandboxBankImport,
  SandboxBranchImport,
  SandboxCrmEventImport,
  SandboxDataImport,
  SandboxProductImport,
  SandboxSiteImport,
  SandboxTransactionImport,
  SandboxUserImport,
} from './dto/sandbox-import.json';

/** Longest accepted strings: ids and names, URLs and free text. Nothing longer reaches the database. */
export const MAX_ID = 255;
const MAX_URL = 2000;
const MAX_TEXT = 4000;
const MAX_AMOUNT = 64;

function invalid(path: string, problem: string): ObpException {
  return ObpException.of('InvalidJsonFormat', `The Json body should be the SandboxDataImport ${path}: ${problem}`);
}

/**
 * A JSON value at a path ("accounts[2].balance"), with typed reads that fail as 400 OBP-10001
 * naming the path: the body must have SandboxDataImport's shape before any rule is checked.
 */
class JsonNode {
  constructor(
    private readonly value: unknown,
    readonly path: string,
  ) {}

  private get fields(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) throw invalid(this.path || 'body', 'must be a JSON object');
    return this.value as Record<string, unknown>;
  }

  private at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  child(key: string): JsonNode {
    const value = this.fields[key];
    if (value === undefined || value === null) throw invalid(this.at(key), 'is required');
    return new JsonNode(value, this.at(key));
  }

  /** Option[...] in OBP: absent and null both mean "none". */
  optionalChild(key: string): JsonNode | undefined {
    const value = this.fields[key];
    return value === undefined || value === null ? undefined : new JsonNode(value, this.at(key));
  }

  string(key: string, maxLength = MAX_ID): string {
    return this.child(key).asString(maxLength);
  }

  optionalString(key: string, maxLength = MAX_ID): string | undefined {
    return this.optionalChild(key)?.asString(maxLength);
  }

  boolean(key: string): boolean {
    const node = this.child(key);
    if (typeof node.value !== 'boolean') throw invalid(node.path, 'must be true or false');
    return node.value;
  }

  number(key: string): number {
    const node = this.child(key);
    if (typeof node.value !== 'number' || !Number.isFinite(node.value)) throw invalid(node.path, 'must be a number');
    return node.value;
  }

  list(key: string): JsonNode[] {
    const node = this.child(key);
    if (!Array.isArray(node.value)) throw invalid(node.path, 'must be a list');
    return node.value.map((item, index) => new JsonNode(item, `${node.path}[${index}]`));
  }

  asString(maxLength: number): string {
    if (typeof this.value !== 'string') throw invalid(this.path, 'must be a string');
    if (this.value.length > maxLength) throw invalid(this.path, `must be at most ${maxLength} characters`);
    // PostgreSQL text cannot hold NUL.
    if (this.value.includes('\u0000')) throw invalid(this.path, 'must not contain the NUL character');
    return this.value;
  }
}

function license(node: JsonNode) {
  const meta = node.child('meta');
  const licence = meta.child('license');
  return { license: { id: licence.string('id'), name: licence.string('name', MAX_TEXT) } };
}

function bank(node: JsonNode): SandboxBankImport {
  return {
    id: node.string('id'),
    short_name: node.string('short_name'),
    full_name: node.string('full_name'),
    logo: node.string('logo', MAX_URL),
    website: node.string('website', MAX_URL),
  };
}

function user(node: JsonNode): SandboxUserImport {
  // The password rule allows up to 512 characters; longer ones fail it with OBP-30207, not here.
  return { email: node.string('email'), password: node.string('password', 4096), user_name: node.string('user_name') };
}

function account(node: JsonNode): SandboxAccountImport {
  const balance = node.child('balance');
  return {
    id: node.string('id'),
    bank: node.string('bank'),
    label: node.string('label'),
    number: node.string('number'),
    type: node.string('type'),
    balance: { currency: balance.string('currency', 16), amount: balance.string('amount', MAX_AMOUNT) },
    IBAN: node.string('IBAN'),
    owners: node.list('owners').map((owner) => owner.asString(MAX_ID)),
    generate_public_view: node.boolean('generate_public_view'),
    generate_accountants_view: node.boolean('generate_accountants_view'),
    generate_auditors_view: node.boolean('generate_auditors_view'),
  };
}

function transaction(node: JsonNode): SandboxTransactionImport {
  const thisAccount = node.child('this_account');
  const counterparty = node.optionalChild('counterparty');
  const details = node.child('details');
  return {
    id: node.string('id'),
    this_account: { id: thisAccount.string('id'), bank: thisAccount.string('bank') },
    ...(counterparty ? { counterparty: { name: counterparty.optionalString('name'), account_number: counterparty.optionalString('account_number') } } : {}),
    details: {
      type: details.string('type'),
      description: details.string('description', MAX_TEXT),
      posted: details.string('posted', 64),
      completed: details.string('completed', 64),
      new_balance: details.string('new_balance', MAX_AMOUNT),
      value: details.string('value', MAX_AMOUNT),
    },
  };
}

function site(node: JsonNode): SandboxSiteImport {
  const address = node.child('address');
  const location = node.child('location');
  return {
    id: node.string('id'),
    bank_id: node.string('bank_id'),
    name: node.string('name'),
    address: {
      line_1: address.string('line_1'),
      line_2: address.string('line_2'),
      line_3: address.string('line_3'),
      city: address.string('city'),
      county: address.string('county'),
      state: address.string('state'),
      post_code: address.string('post_code'),
      country_code: address.string('country_code'),
    },
    location: { latitude: location.number('latitude'), longitude: location.number('longitude') },
    meta: license(node),
  };
}

function hours(node: JsonNode | undefined): { hours: string } | undefined {
  return node ? { hours: node.string('hours', MAX_TEXT) } : undefined;
}

function branch(node: JsonNode): SandboxBranchImport {
  const lobby = hours(node.optionalChild('lobby'));
  const driveUp = hours(node.optionalChild('driveUp'));
  return { ...site(node), ...(lobby ? { lobby } : {}), ...(driveUp ? { driveUp } : {}) };
}

function product(node: JsonNode): SandboxProductImport {
  return {
    bank_id: node.string('bank_id'),
    code: node.string('code'),
    name: node.string('name'),
    category: node.string('category'),
    family: node.string('family'),
    super_family: node.string('super_family'),
    more_info_url: node.string('more_info_url', MAX_URL),
    meta: license(node),
  };
}

function crmEvent(node: JsonNode): SandboxCrmEventImport {
  const customer = node.child('customer');
  return {
    id: node.string('id'),
    bank_id: node.string('bank_id'),
    customer: { name: customer.string('name'), number: customer.string('number') },
    category: node.string('category'),
    detail: node.string('detail', MAX_TEXT),
    channel: node.string('channel'),
    actual_date: node.string('actual_date', 64),
  };
}

/**
 * Reads a request body as SandboxDataImport (all eight lists required, fields typed, lengths
 * bounded), dropping unknown fields. Throws 400 OBP-10001 naming the first offending path.
 */
export function parseSandboxImport(body: unknown): SandboxDataImport {
  const root = new JsonNode(body, '');
  return {
    banks: root.list('banks').map(bank),
    users: root.list('users').map(user),
    accounts: root.list('accounts').map(account),
    transactions: root.list('transactions').map(transaction),
    branches: root.list('branches').map(branch),
    atms: root.list('atms').map(site),
    products: root.list('products').map(product),
    crm_events: root.list('crm_events').map(crmEvent),
  };
}
