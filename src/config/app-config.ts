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
    /**
     * Hot-path reads use named (server-side prepared) statements: PostgreSQL parses and plans
     * them once per connection instead of on every call. Always off on the embedded PGlite.
     */
    preparedStatements: boolean;
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
  /** Instance-level switches OBP keeps in props. */
  features: {
    /** allow_customer_firehose (OBP alias: allow_firehose_views); default false */
    allowCustomerFirehose: boolean;
    /** allow_public_views: public views (e.g. `_public`) can be created and used; default false */
    allowPublicViews: boolean;
    /** allow_account_firehose (OBP alias: allow_firehose_views): the `firehose` view with the firehose roles; default false */
    allowAccountFirehose: boolean;
    /** allow_sandbox_data_import: POST /sandbox/data-import; default false */
    allowSandboxDataImport: boolean;
  };
  consumers: {
    /** consumers_enabled_by_default: also the state a redirect-URL update leaves a consumer in (OBP also skips that endpoint's role when on; we always require it: docs/COMPATIBILITY.md); default false */
    enabledByDefault: boolean;
  };
  /** Consumer scopes in role checks (OBP props require_scopes_for_all_roles, require_scopes_for_listed_roles, allow_entitlements_or_scopes). */
  scopes: {
    requireForAllRoles: boolean;
    requireForRoles: string[];
    allowEntitlementsOrScopes: boolean;
  };
  rateLimits: {
    /** use_consumer_limits: enforce call limits (and send X-Rate-Limit-* headers); default false */
    enabled: boolean;
    /** user_consumer_limit_anonymous_access: calls per hour per client IP without a consumer; default 1000 */
    anonymousPerHour: number;
    /** rate_limiting.exclude_endpoints: OBP function names never limited; default root */
    excludedEndpoints: string[];
    /** Seconds this instance reuses a consumer's limit records (a PUT on this instance applies at once). */
    limitsCacheSeconds: number;
  };
  auth: {
    /** HMAC key for DirectLogin tokens; unset = a random key generated once and kept in the database. */
    jwtSecret: string | undefined;
    tokenExpirationWeeks: number;
    /** max.bad.login.attempts: failed logins that lock an account; default 5 */
    maxBadLoginAttempts: number;
    /** First automatic lock after too many failed logins, in seconds; each further lock (until a successful login) lasts twice as long. Default 900. */
    loginLockSeconds: number;
    /** Ceiling of the doubling lock period, in seconds; default 86400 (one day). */
    loginLockMaxSeconds: number;
    /**
     * Failed-login throttling over a sliding window (429 OBP-10018 with Retry-After): failures per
     * client IP and per username; 0 turns either off. Counted in Redis when REDIS_URL is set.
     */
    loginThrottle: { windowSeconds: number; perIp: number; perUsername: number };
    superAdminUserIds: string[];
    /** Seconds a resolved user/consumer/entitlement context may be reused (changes on this instance invalidate at once). */
    contextCacheSeconds: number;
    userAccountValidated: boolean;
    oauth2: { jwkSetUrl: string; issuers: string[]; audiences: string[] } | undefined;
  };
  bootstrap: {
    superAdminUsername: string | undefined;
    superAdminPassword: string | undefined;
    superAdminEmail: string | undefined;
    consumerKey: string | undefined;
    consumerSecret: string | undefined;
    /** On a database without users and nothing else configured, create a first admin and print it once. */
    onEmptyDatabase: boolean;
  };
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
      preparedStatements: read.bool('DATABASE_PREPARED_STATEMENTS', true),
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
    features: {
      allowCustomerFirehose: read.bool('OBP_ALLOW_CUSTOMER_FIREHOSE', read.bool('OBP_ALLOW_FIREHOSE_VIEWS', false)),
      allowPublicViews: read.bool('OBP_ALLOW_PUBLIC_VIEWS', false),
      allowAccountFirehose: read.bool('OBP_ALLOW_ACCOUNT_FIREHOSE', read.bool('OBP_ALLOW_FIREHOSE_VIEWS', false)),
      allowSandboxDataImport: read.bool('OBP_ALLOW_SANDBOX_DATA_IMPORT', false),
    },
    consumers: {
      enabledByDefault: read.bool('OBP_CONSUMERS_ENABLED_BY_DEFAULT', false),
    },
    scopes: {
      requireForAllRoles: read.bool('OBP_REQUIRE_SCOPES_FOR_ALL_ROLES', read.bool('OBP_REQUIRE_SCOPES', false)),
      requireForRoles: read.list('OBP_REQUIRE_SCOPES_FOR_LISTED_ROLES'),
      allowEntitlementsOrScopes: read.bool('OBP_ALLOW_ENTITLEMENTS_OR_SCOPES', false),
    },
    rateLimits: {
      enabled: read.bool('OBP_USE_CONSUMER_LIMITS', false),
      anonymousPerHour: read.int('OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS', 1000, -1, 1_000_000_000),
      excludedEndpoints: env.OBP_RATE_LIMITING_EXCLUDE_ENDPOINTS === undefined ? ['root'] : read.list('OBP_RATE_LIMITING_EXCLUDE_ENDPOINTS'),
      limitsCacheSeconds: read.int('OBP_RATE_LIMIT_CACHE_SECONDS', 1, 0, 3600),
    },
    auth: {
      jwtSecret: read.optionalString('OBP_JWT_SECRET'),
      tokenExpirationWeeks: read.int('OBP_TOKEN_EXPIRATION_WEEKS', 4, 1, 520),
      maxBadLoginAttempts: read.int('OBP_MAX_BAD_LOGIN_ATTEMPTS', 5, 1, 1000),
      loginLockSeconds: read.int('OBP_LOGIN_LOCK_SECONDS', 900, 1, 31_536_000),
      loginLockMaxSeconds: read.int('OBP_LOGIN_LOCK_MAX_SECONDS', 86_400, 1, 31_536_000),
      loginThrottle: {
        windowSeconds: read.int('OBP_LOGIN_THROTTLE_WINDOW_SECONDS', 300, 1, 86_400),
        perIp: read.int('OBP_LOGIN_THROTTLE_FAILURES_PER_IP', 20, 0, 1_000_000),
        perUsername: read.int('OBP_LOGIN_THROTTLE_FAILURES_PER_USERNAME', 10, 0, 1_000_000),
      },
      superAdminUserIds: read.list('OBP_SUPER_ADMIN_USER_IDS'),
      contextCacheSeconds: read.int('OBP_AUTH_CONTEXT_CACHE_SECONDS', 5, 0, 3600),
      userAccountValidated: read.bool('OBP_USER_ACCOUNT_VALIDATED', true),
      oauth2: readOauth2(read),
    },
    bootstrap: {
      superAdminUsername: read.optionalString('OBP_SUPER_ADMIN_USERNAME'),
      superAdminPassword: read.optionalString('OBP_SUPER_ADMIN_PASSWORD'),
      superAdminEmail: read.optionalString('OBP_SUPER_ADMIN_EMAIL'),
      consumerKey: read.optionalString('OBP_BOOTSTRAP_CONSUMER_KEY'),
      consumerSecret: read.optionalString('OBP_BOOTSTRAP_CONSUMER_SECRET'),
      onEmptyDatabase: read.bool('OBP_BOOTSTRAP_ON_EMPTY_DATABASE', true),
    },
  };

  if (config.auth.jwtSecret !== undefined && config.auth.jwtSecret.length < 32) {
    read.problems.push('OBP_JWT_SECRET must be at least 32 characters');
  }
  if (config.auth.loginLockMaxSeconds < config.auth.loginLockSeconds) {
    read.problems.push('OBP_LOGIN_LOCK_MAX_SECONDS must not be smaller than OBP_LOGIN_LOCK_SECONDS');
  }
  if (config.bootstrap.consumerKey !== undefined && !/^[A-Za-z0-9-]{1,512}$/.test(config.bootstrap.consumerKey)) {
    read.problems.push('OBP_BOOTSTRAP_CONSUMER_KEY may only contain A-Z, a-z, 0-9 and -');
  }

  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/** OAuth2/OIDC bearer login is on when a JWKS URL is set; issuer and audience are then required (fail closed). */
function readOauth2(read: EnvReader): AppConfig['auth']['oauth2'] {
  const jwkSetUrl = read.url('OBP_OAUTH2_JWK_SET_URL', ['http:', 'https:']);
  if (!jwkSetUrl) return undefined;
  const issuers = read.list('OBP_OAUTH2_ISSUER');
  const audiences = read.list('OBP_OAUTH2_AUDIENCE');
  if (issuers.length === 0) read.problems.push('OBP_OAUTH2_ISSUER is required when OBP_OAUTH2_JWK_SET_URL is set');
  if (audiences.length === 0) read.problems.push('OBP_OAUTH2_AUDIENCE is required when OBP_OAUTH2_JWK_SET_URL is set');
  return { jwkSetUrl, issuers, audiences };
}
