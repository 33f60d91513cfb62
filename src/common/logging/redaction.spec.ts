import { isSecretParameterName, REDACTED, redactUrl, registerSecretRoute } from './redaction';

describe('URL redaction for logs', () => {
  it('drops every query value, keeping the names', () => {
    expect(redactUrl('/obp/v5.1.0/root?oauth_token=abc&oauth_verifier=def&limit=5')).toBe('/obp/v5.1.0/root?oauth_token=…&oauth_verifier=…&limit=…');
    expect(redactUrl('/obp/v5.1.0/root')).toBe('/obp/v5.1.0/root');
  });

  it('redacts the validation page token, wherever the path puts it', () => {
    expect(redactUrl('/user_mgt/validate_user/abcDEF123_-')).toBe(`/user_mgt/validate_user/${REDACTED}`);
    expect(redactUrl('/obp/v5.1.0/user_mgt/validate_user/abc/extra?x=1')).toBe(`/obp/v5.1.0/user_mgt/validate_user/${REDACTED}/extra?x=…`);
  });

  it('redacts parameters declared secret, and those secret by name, after the last literal segment', () => {
    registerSecretRoute('banks/:BANK_ID/unit-invitations/:SECRET_LINK');
    registerSecretRoute('unit/:KIND/:PIN/check', ['PIN']);
    expect(redactUrl('/obp/v4.0.0/banks/gh.29.uk/unit-invitations/12345678901234567890')).toBe(`/obp/v4.0.0/banks/gh.29.uk/unit-invitations/${REDACTED}`);
    expect(redactUrl('/obp/v9.9.9/banks//unit-invitations/1234/more')).toBe(`/obp/v9.9.9/banks//unit-invitations/${REDACTED}/more`);
    expect(redactUrl('/obp/v5.1.0/unit/card/4711/check')).toBe(`/obp/v5.1.0/unit/card/${REDACTED}/check`);
    // Listing routes without the secret segment stay as they are.
    expect(redactUrl('/obp/v4.0.0/banks/gh.29.uk/unit-invitations')).toBe('/obp/v4.0.0/banks/gh.29.uk/unit-invitations');
  });

  it('recognises secret-looking parameter names only', () => {
    for (const name of ['SECRET_LINK', 'RESET_TOKEN', 'token', 'OAUTH_VERIFIER', 'PASSWORD', 'OTP']) expect(isSecretParameterName(name)).toBe(true);
    for (const name of ['BANK_ID', 'CUSTOMER_ID', 'USERNAME', 'PROVIDER', 'OTHER_ACCOUNT_ID', 'VIEW_ID']) expect(isSecretParameterName(name)).toBe(false);
  });

  it('leaves non-strings alone', () => {
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
