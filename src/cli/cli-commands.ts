import type { INestApplicationContext } from '@nestjs/common';
import { ROLE_NAMES, ROLES } from '../common/auth/roles';
import { ObpException } from '../common/errors/obp.exception';
import { ConsumersService } from '../modules/consumers/consumers.service';
import { EntitlementsService } from '../modules/entitlements/entitlements.service';
import { UsersService } from '../modules/users/users.service';
import { CliUsageError, parseOptions, type Options } from './cli-options';
import { importIntoDatabase, parseImportArguments, type ProgressStream } from './import-command';

export { CliCommandError, CliUsageError, parseOptions } from './cli-options';

export const USAGE = `Usage: npm run obp -- <command> [options]
  create-user --username U --password P --email E [--first-name F] [--last-name L]
  create-consumer --app-name NAME [--key K] [--secret S] [--developer-email E]
  grant-role (--username U | --user-id ID) --role ROLE [--bank-id BANK_ID]
  list-roles
  migrate
      Applies pending database migrations (whatever DATABASE_MIGRATE_ON_START says) and
      names the latest one: the release step when instances start without migrating.
  import FILE [--url http://host:port --username U --password P --consumer-key K]
      Loads a sandbox data file (POST /sandbox/data-import's JSON): all or nothing.
      Without --url: straight into the configured database (DATABASE_URL, else the
      embedded one), with the API's rules; OBP_ALLOW_SANDBOX_DATA_IMPORT is not needed.
      With --url: logs in by DirectLogin and posts the file to that server's
      /obp/v5.1.0/sandbox/data-import (the user needs the role CanCreateSandbox).`;

function required(options: Options, name: string): string {
  const value = options[name];
  if (!value) throw new CliUsageError(`Missing --${name}`);
  return value;
}

/**
 * Runs one admin command against the application's services (the same validation as the API)
 * and returns the lines to print.
 */
export async function runCli(argv: string[], app: INestApplicationContext, progress: ProgressStream = process.stderr): Promise<string[]> {
  const [command, ...rest] = argv;
  if (command === 'import') return importIntoDatabase(app, parseImportArguments(rest), progress);
  const options = parseOptions(rest);
  try {
    switch (command) {
      case 'create-user': {
        const created = await app.get(UsersService).createLocalUser({
          username: required(options, 'username'),
          password: required(options, 'password'),
          email: required(options, 'email'),
          first_name: options['first-name'] ?? required(options, 'username'),
          last_name: options['last-name'] ?? '-',
        });
        return [`created user ${created.user.username} (user_id ${created.user.userId})`];
      }
      case 'create-consumer': {
        const created = await app.get(ConsumersService).create({
          appName: required(options, 'app-name'),
          key: options.key,
          secret: options.secret,
          developerEmail: options['developer-email'],
        });
        return [
          `created consumer ${created.consumer.appName} (consumer_id ${created.consumer.consumerId})`,
          `consumer key:    ${created.consumer.key}`,
          `consumer secret: ${created.secret}  (shown once: store it now)`,
        ];
      }
      case 'grant-role': {
        const users = app.get(UsersService);
        const userId = options['user-id'] ?? (await users.getByProviderAndUsername(users.localProvider, required(options, 'username'))).user.userId;
        const granted = await app.get(EntitlementsService).grantAsOperator(userId, required(options, 'role'), options['bank-id'] ?? '', 'cli');
        return [`granted ${granted.roleName}${granted.bankId ? ` at ${granted.bankId}` : ''} to ${userId} (entitlement_id ${granted.entitlementId})`];
      }
      case 'list-roles':
        return [...ROLE_NAMES].sort().map((role) => `${role}${ROLES[role].requiresBankId ? ' (bank role: needs --bank-id)' : ''}`);
      default:
        throw new CliUsageError(command ? `Unknown command "${command}"` : 'No command given');
    }
  } catch (error) {
    // OBP errors are the same validation messages the API gives; show them as they are.
    if (error instanceof ObpException) throw new CliUsageError(error.message);
    throw error;
  }
}
