import { EnvReader, type Env } from './env-parsers';

/**
 * Typed configuration. OBP props have environment twins named OBP_<KEY> with dots as
 * underscores (allow_customer_firehose -> OBP_ALLOW_CUSTOMER_FIREHOSE); defaults follow OBP
 * unless noted.
 */
export interface AppConfig {
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  database: {
    /** Set: use this PostgreSQL server. Unset: start the embedded PGlite. */
    url: string | undefined;
    poolSize: number;
    /** Embedded data directory; "memory://" keeps everything in memory. */
    embeddedDataDir: string;
    migrateOnStart: boolean;
  };
  redisUrl: string | undefined;
  apiInfo: {
    connector: string;
    hostname: string;
    localIdentityProvider: string;
    gitCommit: string;
    stage: string | undefined;
    hostedBy: { organisation: string; email: string; phone: string; organisationWebsite: string };
    hostedAt: { organisation: string; organisationWebsite: string };
    energySource: { organisation: string; organisationWebsite: string };
  };
  resourceDocsRequiresRole: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const port = read.int('PORT', 8080, 0, 65535);
  const hostname = read.string('OBP_HOSTNAME', `http://localhost:${port}`);

  const config: AppConfig = {
    port,
    host: read.string('HOST', '0.0.0.0'),
    logLevel: read.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    bodyLimitBytes: read.int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    database: {
      url: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      poolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200),
      embeddedDataDir: read.string('PGLITE_DATA_DIR', './.data/pglite'),
      migrateOnStart: read.bool('DATABASE_MIGRATE_ON_START', true),
    },
    redisUrl: read.url('REDIS_URL', ['redis:', 'rediss:']),
    apiInfo: {
      connector: read.string('OBP_CONNECTOR', 'mapped'),
      hostname,
      localIdentityProvider: read.string('OBP_LOCAL_IDENTITY_PROVIDER', hostname),
      gitCommit: read.string('OBP_GIT_COMMIT', ''),
      stage: read.optionalString('OBP_RUN_MODE'),
      hostedBy: {
        organisation: read.string('OBP_HOSTED_BY_ORGANISATION', 'TESOBE'),
        email: read.string('OBP_HOSTED_BY_EMAIL', 'contact@tesobe.com'),
        phone: read.string('OBP_HOSTED_BY_PHONE', '+49 (0)30 8145 3994'),
        organisationWebsite: read.string('OBP_ORGANISATION_WEBSITE', 'https://www.tesobe.com'),
      },
      hostedAt: {
        organisation: read.string('OBP_HOSTED_AT_ORGANISATION', ''),
        organisationWebsite: read.string('OBP_HOSTED_AT_ORGANISATION_WEBSITE', ''),
      },
      energySource: {
        organisation: read.string('OBP_ENERGY_SOURCE_ORGANISATION', ''),
        organisationWebsite: read.string('OBP_ENERGY_SOURCE_ORGANISATION_WEBSITE', ''),
      },
    },
    resourceDocsRequiresRole: read.bool('OBP_RESOURCE_DOCS_REQUIRES_ROLE', false),
  };

  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
