import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadEnvFile } from '../config/env-file';
import { unknownSettingWarnings } from '../config/settings';
import { configFor, openDatabase } from '../database/database-connection';
import { EmbeddedDatabaseInUseError } from '../database/embedded-postgres';
import { CliCommandError, CliUsageError, runCli, USAGE } from './cli-commands';
import { importThroughServer, parseImportArguments } from './import-command';
import { migrateDatabase } from './migrate-command';

/** The server's configuration, quieter, and never bootstrapping an admin from a CLI run. */
function cliConfig() {
  return loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false' });
}

/** Runs the command against the application's services on the configured database. */
async function runLocally(argv: string[]): Promise<string[]> {
  const loaded = cliConfig();
  const database = await openDatabase(loaded);
  const config = configFor(loaded, database);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl: database.url, migrationsRun: config.database.migrateOnStart }),
    { logger: ['error', 'warn'] },
  );
  try {
    return await runCli(argv, app, process.stderr);
  } finally {
    await app.close();
    await database.embedded?.stop();
  }
}

/** `import FILE --url ...` talks to a running server: no database here. */
function remoteImport(argv: string[]) {
  if (argv[0] !== 'import') return undefined;
  const args = parseImportArguments(argv.slice(1));
  return args.url ? args : undefined;
}

/** One line on what to do when a server holds the embedded database (PGlite is single-process). */
function embeddedDatabaseInUseMessage(error: EmbeddedDatabaseInUseError): string {
  return (
    `The embedded database ${error.dataDir} is in use by process ${error.holderPid} (a running server?): stop it and run the command again, ` +
    'or set DATABASE_URL to a PostgreSQL server both use (import FILE --url http://localhost:8080 ... goes through the running server).'
  );
}

/** Admin CLI: `npm run obp -- <command>`. Uses the same configuration (and .env) and database as the server. */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  try {
    loadEnvFile();
    for (const warning of unknownSettingWarnings()) console.error(`warning: ${warning}`);
    const remote = remoteImport(argv);
    const lines =
      argv[0] === 'migrate' ? await migrateDatabase(cliConfig()) : remote ? await importThroughServer(remote, process.stderr) : await runLocally(argv);
    for (const line of lines) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Expected failures: one line, no stack trace.
    if (error instanceof CliCommandError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof EmbeddedDatabaseInUseError) {
      console.error(embeddedDatabaseInUseMessage(error));
      return 1;
    }
    throw error;
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
