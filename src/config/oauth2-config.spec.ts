import { ConfigError, loadConfig } from './app-config';

describe('OAuth2 configuration', () => {
  it('is off without a JWKS URL', () => {
    expect(loadConfig({}).auth.oauth2).toBeUndefined();
  });

  it('needs issuer and audience once a JWKS URL is set (fail closed)', () => {
    expect(() => loadConfig({ OBP_OAUTH2_JWK_SET_URL: 'https://idp.example/jwks' })).toThrow(ConfigError);
    expect(() => loadConfig({ OBP_OAUTH2_JWK_SET_URL: 'https://idp.example/jwks', OBP_OAUTH2_ISSUER: 'https://idp.example' })).toThrow(/OBP_OAUTH2_AUDIENCE/);
  });

  it('reads comma-separated issuers and audiences', () => {
    const config = loadConfig({ OBP_OAUTH2_JWK_SET_URL: 'https://idp.example/jwks', OBP_OAUTH2_ISSUER: 'https://a, https://b', OBP_OAUTH2_AUDIENCE: 'app' });
    expect(config.auth.oauth2).toEqual({ jwkSetUrl: 'https://idp.example/jwks', issuers: ['https://a', 'https://b'], audiences: ['app'] });
  });

  it('refuses a JWKS URL that is not http(s)', () => {
    expect(() => loadConfig({ OBP_OAUTH2_JWK_SET_URL: 'file:///etc/passwd', OBP_OAUTH2_ISSUER: 'x', OBP_OAUTH2_AUDIENCE: 'y' })).toThrow(/must use http/);
  });
});
