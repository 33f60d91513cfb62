import type { ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app.setup';
import { loadConfig } from '../../src/config/app-config';
import { runLogDestination } from './run-log';

export interface TestAppOptions {
  /** Environment overrides on top of the test process environment. */
  env?: Record<string, string>;
  extraImports?: ModuleMetadata['imports'];
  logDestination?: DestinationStream;
}

/**
 * The real application (same setup as main.ts) on the test database, ready for supertest
 * through app.getHttpServer(). Close it in afterAll.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<NestFastifyApplication> {
  // Without a destination of its own the app logs into the run's log (run-log.ts) at info level,
  // access log included, unless the spec chose a level or the run was started with one.
  const runLog = options.logDestination ? undefined : runLogDestination();
  const level = runLog && process.env.LOG_LEVEL === 'silent' ? { LOG_LEVEL: 'info' } : {};
  const config = loadConfig({ ...process.env, ...level, ...options.env });
  const databaseUrl = config.database.url;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: jest globalSetup provides it');
  return createApp({
    config,
    databaseUrl,
    migrationsRun: false,
    extraImports: options.extraImports,
    logDestination: options.logDestination ?? runLog,
  });
}
