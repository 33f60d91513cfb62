import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies OBP defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database.url).toBeUndefined();
    expect(config.database.embeddedDataDir).toBe('./.data/pglite');
    expect(config.apiInfo.hostedBy.organisation).toBe('TESOBE');
    expect(config.apiInfo.hostname).toBe('http://localhost:8080');
    // The local identity provider is decided with the database (src/modules/identity-provider); only an explicit value is config.
    expect(config.apiInfo.localIdentityProvider).toBeUndefined();
    expect(loadConfig({ OBP_LOCAL_IDENTITY_PROVIDER: 'https://idp.example' }).apiInfo.localIdentityProvider).toBe('https://idp.example');
  });

  it('reports every bad value at once, without echoing URL contents', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url:secret', OBP_RESOURCE_DOCS_REQUIRES_ROLE: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('PORT="eighty" is not an integer');
    expect(problems.join('\n')).not.toContain('secret');
  });

  it('uses prepared statements unless DATABASE_PREPARED_STATEMENTS=false', () => {
    expect(loadConfig({}).database.preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).database.preparedStatements).toBe(false);
  });

  it('rejects a non-PostgreSQL DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL must use postgres/);
  });

  it('allows any CORS origin by default, or the listed origins, and refuses what is not an origin', () => {
    expect(loadConfig({}).cors.allowedOrigins).toBe('*');
    expect(loadConfig({ OBP_CORS_ALLOWED_ORIGINS: '*' }).cors.allowedOrigins).toBe('*');
    expect(loadConfig({ OBP_CORS_ALLOWED_ORIGINS: 'https://app.example.com, http://localhost:3000' }).cors.allowedOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:3000',
    ]);
    for (const bad of [
      'https://app.example.com/',
      'app.example.com',
      'ftp://x.example',
      'https://A.example.com',
      '*,https://a.example',
      'https://a.example/path',
    ]) {
      expect(() => loadConfig({ OBP_CORS_ALLOWED_ORIGINS: bad })).toThrow(/OBP_CORS_ALLOWED_ORIGINS/);
    }
  });
});
