import { chooseLocalIdentityProvider } from './local-identity-provider';

describe('chooseLocalIdentityProvider', () => {
  const hostname = 'http://localhost:9090';

  it('takes an explicit OBP_LOCAL_IDENTITY_PROVIDER over everything', () => {
    expect(chooseLocalIdentityProvider({ configured: 'https://idp', stored: 'http://localhost:8080', ofExistingUsers: 'x', hostname })).toEqual({
      value: 'https://idp',
      source: 'configured',
    });
  });

  it('keeps the provider stored at first start, whatever the hostname is now', () => {
    expect(chooseLocalIdentityProvider({ configured: undefined, stored: 'http://localhost:8080', ofExistingUsers: undefined, hostname })).toEqual({
      value: 'http://localhost:8080',
      source: 'stored',
    });
  });

  it('on a first start, adopts the provider existing local users have, else the hostname', () => {
    expect(chooseLocalIdentityProvider({ configured: undefined, stored: undefined, ofExistingUsers: 'http://old:8080', hostname }).value).toBe(
      'http://old:8080',
    );
    expect(chooseLocalIdentityProvider({ configured: undefined, stored: undefined, ofExistingUsers: undefined, hostname })).toEqual({
      value: hostname,
      source: 'hostname',
    });
  });
});
