import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, type AppConfig } from './config/app-config';
import { loadEnvFile } from './config/env-file';
import { unknownSettingWarnings } from './config/settings';
import { createLogger, writeAfterLogLines } from './common/logging/logging';
import { configFor, openDatabase } from './database/database-connection';
import { BootstrapService, firstAdminBanner } from './modules/bootstrap/bootstrap.service';
import { createApp } from './app.setup';
import { AppMetrics, startMetricsServer } from './common/metrics/metrics';

async function main(): Promise<void> {
  const loaded = loadConfigOrExit();
  const startLogger = createLogger(loaded);
  for (const warning of unknownSettingWarnings()) startLogger.warn(warning);
  const database = await openDatabase(loaded, (line) => startLogger.info(line));
  const config = configFor(loaded, database);
  const app = await createApp({ config, databaseUrl: database.url, migrationsRun: config.database.migrateOnStart, logger: startLogger });
  await app.listen({ port: config.port, host: config.host });

  const logger = new Logger('Main');
  const base = publicBaseUrl(app.getHttpServer().address(), config);
  logger.log(`OBP API listening on ${base}/obp/v5.1.0/root`);
  logger.log(`API docs: ${base}/obp/docs (OpenAPI: ${base}/obp/openapi.json)`);
  if (database.embedded) logger.log(`Embedded database (PGlite) in ${config.database.embeddedDataDir}`);
  // Metrics only on their own port (METRICS_PORT), never on the API port.
  const metricsServer = config.metrics.port === undefined ? undefined : await startMetricsServer(app.get(AppMetrics), config.metrics.port, config.metrics.host);
  if (metricsServer) logger.log(`Prometheus metrics on port ${(metricsServer.address() as { port: number }).port} at /metrics`);
  // Last, and plain: the first admin's credentials, once (see BootstrapService).
  const firstAdmin = app.get(BootstrapService).takeFirstAdmin();
  if (firstAdmin) {
    // Nest's Logger writes through startLogger too: the lines above go out first, in JSON mode as well.
    writeAfterLogLines(startLogger, firstAdminBanner(firstAdmin, base));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests, then closing`);
    try {
      metricsServer?.close();
      await app.close(); // stops accepting, drains in-flight requests, closes the DB pool
      await database.embedded?.stop();
      process.exit(0);
    } catch (error) {
      logger.error(error);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** `.env` first (the environment wins over it), then the validated configuration. */
function loadConfigOrExit(): AppConfig {
  try {
    loadEnvFile();
    return loadConfig();
  } catch (error) {
    // A bad value or an unreadable ENV_FILE: the message names it; no stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

function publicBaseUrl(address: unknown, config: AppConfig): string {
  const port = typeof address === 'object' && address && 'port' in address ? (address as { port: number }).port : config.port;
  return `http://localhost:${port}`;
}

main().catch((error: unknown) => {
  console.error('Start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
