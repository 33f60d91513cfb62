import { TrustedProxies } from '../common/http/client-address';
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
  /** `pretty` (one readable line per entry) or `json` (JSON lines); auto = pretty when stdout is a terminal. */
  logFormat: 'auto' | 'json' | 'pretty';
  bodyLimitBytes: number;
  /** Node HTTP server timeouts (slow or idle clients are cut off). */
  http: {
    /** HTTP_HEADERS_TIMEOUT_MS: the whole header block must arrive within this (408, then closed); default 20 s */
    headersTimeoutMs: number;
    /** HTTP_REQUEST_TIMEOUT_MS: the whole request (headers and body) must arrive within this; default 60 s, never below the headers timeout */
    requestTimeoutMs: number;
    /** HTTP_KEEP_ALIVE_TIMEOUT_MS: an idle keep-alive connection is closed after this; default 72 s (above common load-balancer idle timeouts) */
    keepAliveTimeoutMs: number;
  };
  /**
   * OBP_TRUSTED_PROXIES: reverse proxies (IP addresses or CIDR ranges) whose X-Forwarded-For gives
   * the client address (login throttle, rate limits) and whose X-Forwarded-Proto / -Host give the
   * URL an OAuth 1.0a client signed. Read it through TrustedProxies.of (common/http/client-address).
   */
  trustedProxies: string[];
  /** METRICS_PORT: serve Prometheus metrics on this port only (never on the API port); unset = no metrics endpoint. */
  metrics: { port: number | undefined; host: string };
  /** Outgoing e-mail (address validation). */
  mail: {
    /** SMTP_URL (smtp:// or smtps://, credentials in the URL); unset = links are written to the log for the operator */
    smtpUrl: string | undefined;
    /** MAIL_FROM; default no-reply@<hostname of OBP_HOSTNAME> */
    from: string;
    /** OBP_PORTAL_HOSTNAME (OBP's portal_hostname): base of the invitation link e-mailed to invitees; default OBP_HOSTNAME */
    portalHostname: string;
  };
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
    /**
     * OBP_LOCAL_IDENTITY_PROVIDER when set. Unset: the provider kept in the database since its first
     * start, else the hostname (src/modules/identity-provider). Read it through LocalIdentityProvider.
     */
    localIdentityProvider: string | undefined;
    gitCommit: string;
    stage: string | undefined;
    hostedBy: { organisation: string; email: string; phone: string; organisationWebsite: string };
    hostedAt: { organisation: string; organisationWebsite: string };
    energySource: { organisation: string; organisationWebsite: string };
  };
  resourceDocsRequiresRole: boolean;
  /** glossary_requires_role: GET /api/glossary needs a login and the system role CanReadGlossary; default false */
  glossaryRequiresRole: boolean;
  /**
   * featured_api_collection_ids: the API collections GET /api-collections/featured lists (API
   * Explorer's home page); unknown and non-sharable ids are skipped. Default none.
   */
  featuredApiCollectionIds: string[];
  /** Cross-origin (browser) access. */
  cors: {
    /** cors.allowed_origins: '*' (any origin, as OBP) or the exact origins (scheme://host[:port]) browsers may call from. */
    allowedOrigins: '*' | string[];
  };
  /** OBP's apiOptions.*IsPublic props: false = the reads need a login. */
  apiOptions: {
    /** apiOptions.getBranchesIsPublic; default true */
    getBranchesIsPublic: boolean;
    /** apiOptions.getAtmsIsPublic; default true */
    getAtmsIsPublic: boolean;
    /** apiOptions.getProductsIsPublic; default true */
    getProductsIsPublic: boolean;
  };
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
    /** user_account_validated: new local users may log in before validating their e-mail; default true (OBP: false). Their e-mail counts as verified only after validation either way. */
    userAccountValidated: boolean;
    /** OBP_EMAIL_VALIDATION_TOKEN_TTL_SECONDS: how long an e-mail validation link works; default 24 h */
    emailValidationTokenTtlSeconds: number;
    oauth2: { jwkSetUrl: string; issuers: string[]; audiences: string[] } | undefined;
    oauth1: {
      /** How far an oauth_timestamp may lie from the server's clock, in seconds. */
      timestampWindowSeconds: number;
      /** Key material for sealing consumer and token secrets; unset = a random key kept in the database. */
      encryptionKey: string | undefined;
    };
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
const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const port = read.int('PORT', 8080, 0, 65535);
  const hostname = read.string('OBP_HOSTNAME', `http://localhost:${port}`);

  const headersTimeoutMs = read.int('HTTP_HEADERS_TIMEOUT_MS', 20_000, 1_000, 600_000);
  const config: AppConfig = {
    port,
    host: read.string('HOST', '0.0.0.0'),
    logLevel: read.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    logFormat: read.oneOf('LOG_FORMAT', 'auto', LOG_FORMATS),
    bodyLimitBytes: read.int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    http: {
      headersTimeoutMs,
      requestTimeoutMs: read.int('HTTP_REQUEST_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
      keepAliveTimeoutMs: read.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, 1_000, 600_000),
    },
    trustedProxies: read.list('OBP_TRUSTED_PROXIES'),
    metrics: {
      port: read.optionalInt('METRICS_PORT', 0, 65535),
      host: read.string('METRICS_HOST', read.string('HOST', '0.0.0.0')),
    },
    mail: {
      smtpUrl: read.url('SMTP_URL', ['smtp:', 'smtps:']),
      from: read.string('MAIL_FROM', `no-reply@${hostOf(hostname)}`),
      portalHostname: read.string('OBP_PORTAL_HOSTNAME', hostname),
    },
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
      localIdentityProvider: read.optionalString('OBP_LOCAL_IDENTITY_PROVIDER'),
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
    glossaryRequiresRole: read.bool('OBP_GLOSSARY_REQUIRES_ROLE', false),
    featuredApiCollectionIds: read.list('OBP_FEATURED_API_COLLECTION_IDS'),
    cors: { allowedOrigins: readAllowedOrigins(read) },
    apiOptions: {
      getBranchesIsPublic: read.bool('OBP_APIOPTIONS_GETBRANCHESISPUBLIC', true),
      getAtmsIsPublic: read.bool('OBP_APIOPTIONS_GETATMSISPUBLIC', true),
      getProductsIsPublic: read.bool('OBP_APIOPTIONS_GETPRODUCTSISPUBLIC', true),
    },
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
      emailValidationTokenTtlSeconds: read.int('OBP_EMAIL_VALIDATION_TOKEN_TTL_SECONDS', 24 * 3600, 60, 30 * 24 * 3600),
      oauth2: readOauth2(read),
      oauth1: {
        timestampWindowSeconds: read.int('OBP_OAUTH1_TIMESTAMP_WINDOW_SECONDS', 300, 30, 3600),
        encryptionKey: read.optionalString('OBP_OAUTH1_ENCRYPTION_KEY'),
      },
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

  if (config.http.requestTimeoutMs < config.http.headersTimeoutMs) {
    read.problems.push('HTTP_REQUEST_TIMEOUT_MS must not be below HTTP_HEADERS_TIMEOUT_MS');
  }
  if (config.metrics.port !== undefined && config.metrics.port !== 0 && config.metrics.port === config.port) {
    read.problems.push('METRICS_PORT must differ from PORT (metrics are never served on the API port)');
  }
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(config.mail.from)) read.problems.push('MAIL_FROM must be an e-mail address');
  const badProxies = TrustedProxies.invalidEntries(config.trustedProxies);
  if (badProxies.length > 0) read.problems.push(`OBP_TRUSTED_PROXIES must list IP addresses or CIDR ranges: ${badProxies.join(', ')}`);

  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/**
 * OBP_CORS_ALLOWED_ORIGINS: unset, empty or `*` = any origin (OBP answers `*`); otherwise a
 * comma-separated list of origins, each exactly `scheme://host[:port]` (no path, no trailing slash),
 * compared byte for byte with the browser's Origin header.
 */
function readAllowedOrigins(read: EnvReader): '*' | string[] {
  const origins = read.list('OBP_CORS_ALLOWED_ORIGINS');
  if (origins.length === 0 || (origins.length === 1 && origins[0] === '*')) return '*';
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      read.problems.push(
        `OBP_CORS_ALLOWED_ORIGINS: "${origin.slice(0, 100)}" is not an origin (scheme://host[:port], lower case, no path; or * alone for any)`,
      );
    }
  }
  return origins;
}

/**
 * OAuth2/OIDC bearer login is on when a JWKS URL is set; issuer and audience are then required (fail closed).
 * All three are read in every case, so that every setting is read on every path (settings.ts lists them so).
 */
function readOauth2(read: EnvReader): AppConfig['auth']['oauth2'] {
  const jwkSetUrl = read.url('OBP_OAUTH2_JWK_SET_URL', ['http:', 'https:']);
  const issuers = read.list('OBP_OAUTH2_ISSUER');
  const audiences = read.list('OBP_OAUTH2_AUDIENCE');
  if (!jwkSetUrl) return undefined;
  if (issuers.length === 0) read.problems.push('OBP_OAUTH2_ISSUER is required when OBP_OAUTH2_JWK_SET_URL is set');
  if (audiences.length === 0) read.problems.push('OBP_OAUTH2_AUDIENCE is required when OBP_OAUTH2_JWK_SET_URL is set');
  return { jwkSetUrl, issuers, audiences };
}
