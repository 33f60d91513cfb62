import { presentedCredentials } from './credentials';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const of = (headers: Record<string, string>) => presentedCredentials({ headers });

describe('presentedCredentials', () => {
  it.each([
    ['the plain form clients send', `token=${TOKEN}`],
    ['with the DirectLogin prefix', `DirectLogin token=${TOKEN}`],
    ['quoted', `token="${TOKEN}"`],
    ['with spaces', ` token = ${TOKEN} `],
    ['beside other parameters', `username=x, token=${TOKEN}`],
  ])('reads a DirectLogin token %s', (_form, value) => {
    expect(of({ directlogin: value })).toEqual({ kind: 'directlogin-token', token: TOKEN });
  });

  it.each([
    ['an empty token', 'token='],
    ['characters a token never has', 'token=abc<script>'],
    ['an over-long token', `token=${'a'.repeat(2049)}`],
    ['no token at all', 'username=x, password=y'],
    ['a key in another case', `Token=${TOKEN}`],
  ])('refuses %s as malformed', (_case, value) => {
    expect(of({ directlogin: value })).toEqual({ kind: 'malformed' });
  });

  it('prefers a Bearer token and tells its algorithm', () => {
    expect(of({ authorization: `Bearer ${TOKEN}`, directlogin: 'token=other' })).toEqual({ kind: 'bearer', token: TOKEN, algorithm: 'HS256' });
  });

  it('tells OAuth 1.0a, unsupported and absent credentials apart', () => {
    expect(of({ authorization: 'OAuth oauth_consumer_key="k"' })).toEqual({ kind: 'oauth1' });
    expect(of({ authorization: 'Basic dXNlcjpwYXNz' })).toEqual({ kind: 'unsupported' });
    expect(of({})).toEqual({ kind: 'none' });
  });
});
