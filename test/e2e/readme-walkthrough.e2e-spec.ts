import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { call, ensureBuilt } from '../support/server-process';
import { startFirstTime, type FirstStartServer } from '../support/first-start';

/**
 * README "First steps": the walkthrough's bash block, taken from README.md as written, runs with
 * bash, curl and jq against the built server on a new embedded database, with the credentials its
 * first start printed. A README that no longer works fails here.
 */
const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const HEADING = '## First steps: the first five minutes after login';

function walkthroughScript(): string {
  const section = README.slice(README.indexOf(HEADING));
  expect(section.startsWith(HEADING)).toBe(true);
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README "First steps" has no bash block');
  return block;
}

/** The block with its three placeholders filled in; each must still be there, as the README shows it. */
function filledIn(script: string, server: FirstStartServer): string {
  const { password, consumerKey } = server.credentials();
  const placeholders: [RegExp, string][] = [
    [/^BASE=http:\/\/localhost:8080$/m, `BASE=${server.url}`],
    [/^ADMIN_PASSWORD='\.\.\.'.*$/m, `ADMIN_PASSWORD='${password}'`],
    [/^CONSUMER_KEY='\.\.\.'$/m, `CONSUMER_KEY='${consumerKey}'`],
  ];
  let filled = script;
  for (const [placeholder, value] of placeholders) {
    expect(filled).toMatch(placeholder);
    filled = filled.replace(placeholder, value);
  }
  // What the walkthrough leaves in its variables, for the checks below.
  return `${filled}\nprintf '\\nWALKTHROUGH %s %s %s\\n' "$USER_ID" "$CUSTOMER_ID" "$TOKEN"\n`;
}

describe('README walkthrough (First steps), run as written against a first start', () => {
  let server: FirstStartServer;
  beforeAll(async () => {
    ensureBuilt();
    server = await startFirstTime();
  }, 300_000);
  afterAll(() => server?.stop());

  it('logs in, grants the roles, creates a bank and a customer, and reads the customer back', async () => {
    const { stdout } = await promisify(execFile)('bash', ['-c', filledIn(walkthroughScript(), server)], { timeout: 60_000 });
    const [, userId, customerId, token] = /^WALKTHROUGH (\S+) (\S+) (\S+)$/m.exec(stdout) ?? [];

    // No step answered with an OBP error.
    expect(stdout).not.toMatch(/OBP-\d{5}/);
    // Step 2 shows the one role the admin starts with.
    expect(stdout).toContain('"CanCreateEntitlementAtAnyBank"');
    // Step 3: the grant and the bank.
    expect(stdout).toMatch(/"role_name":"CanCreateBank"/);
    expect(stdout).toMatch(/"id":"demo\.bank\.1"/);
    // Step 5 read the customer back (jq's pretty print).
    expect(stdout).toContain(`"customer_id": "${customerId}"`);
    expect(stdout).toContain('"legal_name": "Jane Doe"');
    expect(stdout).toMatch(/"customer_number": "\S+"/);

    // And the server holds what the walkthrough says it made.
    const auth = { headers: { DirectLogin: `token=${token}` } };
    const current = await call(server.url, 'GET', '/obp/v5.1.0/users/current', undefined, auth);
    expect(current.body).toMatchObject({ user_id: userId, username: 'admin' });
    const grants = (current.body as { entitlements: { list: { role_name: string; bank_id: string }[] } }).entitlements.list;
    expect(grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role_name: 'CanCreateBank', bank_id: '' }),
        expect.objectContaining({ role_name: 'CanCreateCustomer', bank_id: 'demo.bank.1' }),
        expect.objectContaining({ role_name: 'CanGetCustomer', bank_id: 'demo.bank.1' }),
      ]),
    );
    const customer = await call(server.url, 'GET', `/obp/v5.1.0/banks/demo.bank.1/customers/${customerId}`, undefined, auth);
    expect(customer.status).toBe(200);
    expect(customer.body).toMatchObject({ customer_id: customerId, legal_name: 'Jane Doe', email: 'jane@example.com' });
  }, 120_000);
});
