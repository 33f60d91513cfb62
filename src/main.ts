import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { configFor, openDatabase } from './database/database-connection';
import { createApp } from './app.setup';
import { AppMetrics, startMetricsServer } from './common/metrics/metrics';

async function main(): Promise<void> {
  const loaded = loadConfigOrExit();
  const database = await openDatabase(loaded);
  const config = configFor(loaded, database);
  const app = await createApp({ config, databaseUrl: database.url, migrationsRun: config.database.migrateOnStart });
  await app.listen({ port: config.port, host: config.host });

  const logger = new Logger('Main');
  const base = publicBaseUrl(app.getHttpServer().address(), config);
  logger.log(`OBP API listening on ${base}/obp/v5.1.0/root`);
  logger.log(`API docs: ${base}/obp/docs (OpenAPI: ${base}/obp/openapi.json)`);
  if (database.embedded) logger.log(`Embedded database (PGlite) in ${config.database.embeddedDataDir}`);
  // Metrics only on their own port (METRICS_PORT), never on the API port.
  const metricsServer = config.metrics.port === undefined ? undefined : await startMetricsServer(app.get(AppMetrics), config.metrics.port, config.metrics.host);
  if (metricsServer) logger.log(`Prometheus metrics on port ${(metricsServer.address() as { port: number }).port} at /metrics`);

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

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
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
