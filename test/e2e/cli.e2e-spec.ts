import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CliUsageError, parseOptions, runCli } from '../../src/cli/cli-commands';
import { createBank, directLogin, uniqueName } from '../support/identity';
import { createTestApp } from '../support/test-app';

describe('Admin CLI commands (e2e against the test database)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates a user and a consumer that can log in, and grants roles with the API rules', async () => {
    const username = uniqueName('cli');
    const [createdUser] = await runCli(['create-user', '--username', username, '--password', 'Cl1-Passw0rd!', '--email', `${username}@example.com`], app);
    expect(createdUser).toMatch(new RegExp(`^created user ${username} \\(user_id [0-9a-f-]{36}\\)$`));

    const consumerLines = await runCli(['create-consumer', '--app-name', 'CLI app'], app);
    const key = /consumer key:\s+(\S+)/.exec(consumerLines.join('\n'))?.[1] as string;
    expect(consumerLines.join('\n')).toMatch(/consumer secret: [a-z0-9]{40}/);
    await directLogin(app, username, 'Cl1-Passw0rd!', key).expect(201);

    const bank = await createBank(app);
    await runCli(['grant-role', '--username', username, '--role', 'CanGetCustomer', '--bank-id', bank], app);
    await runCli(['grant-role', '--username', username, '--role', 'CanGetAnyUser'], app);
    const rows = await app.get(DataSource).query('SELECT role_name, bank_id FROM entitlements e JOIN users u USING (user_id) WHERE u.username = $1 ORDER BY role_name', [username]);
    expect(rows).toEqual([
      { role_name: 'CanGetAnyUser', bank_id: '' },
      { role_name: 'CanGetCustomer', bank_id: bank },
    ]);
    await expect(runCli(['grant-role', '--username', username, '--role', 'CanGetCustomer'], app)).rejects.toThrow(/OBP-30205/);
    await expect(runCli(['grant-role', '--username', username, '--role', 'CanFly'], app)).rejects.toThrow(/OBP-10007/);
    await expect(runCli(['create-user', '--username', uniqueName('w'), '--password', 'weak', '--email', 'w@example.com'], app)).rejects.toThrow(/OBP-30207/);
  });

  it('lists roles with their level', async () => {
    const lines = await runCli(['list-roles'], app);
    expect(lines).toContain('CanGetAnyUser');
    expect(lines).toContain('CanCreateCustomer (bank role: needs --bank-id)');
  });

  it('refuses unknown commands and malformed options as usage errors', async () => {
    await expect(runCli(['launch-rockets'], app)).rejects.toBeInstanceOf(CliUsageError);
    await expect(runCli(['create-user', '--username'], app)).rejects.toBeInstanceOf(CliUsageError);
    await expect(runCli(['create-consumer'], app)).rejects.toThrow('Missing --app-name');
    expect(() => parseOptions(['username', 'x'])).toThrow(CliUsageError);
  });
});
