import type { INestApplicationContext } from '@nestjs/common';
import { ROLE_NAMES, ROLES } from '../common/auth/roles';
import { ObpException } from '../common/errors/obp.exception';
import { ConsumersService } from '../modules/consumers/consumers.service';
import { EntitlementsService } from '../modules/entitlements/entitlements.service';
import { UsersService } from '../modules/users/users.service';

export class CliUsageError extends Error {}

export const USAGE = `Usage: npm run obp -- <command> [options]
  create-user --username U --password P --email E [--first-name F] [--last-name L]
  create-consumer --app-name NAME [--key K] [--secret S] [--developer-email E]
  grant-role (--username U | --user-id ID) --role ROLE [--bank-id BANK_ID]
  list-roles`;

type Options = Record<string, string>;

/** "--name value" pairs; a flag without a value is a usage error. */
export function parseOptions(argv: string[]): Options {
  const options: Options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--')) throw new CliUsageError(`Expected "--option value" at "${flag}"`);
    options[flag.slice(2)] = value;
  }
  return options;
}

function required(options: Options, name: string): string {
  const value = options[name];
  if (!value) throw new CliUsageError(`Missing --${name}`);
  return value;
}

/**
 * Runs one admin command against the application's services (the same validation as the API)
 * and returns the lines to print.
 */
export async function runCli(argv: string[], app: INestApplicationContext): Promise<string[]> {
  const [command, ...rest] = argv;
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
