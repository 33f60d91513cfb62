import { createSecretKey } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { ObpException } from '../../common/errors/obp.exception';
import { DirectLoginTokenVerifier, REMEMBERED_TOKENS } from './directlogin-token-verifier';
import type { TokenService } from './token.service';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const ISSUER = 'http://localhost:8080';
// A KeyObject, as TokenService holds it: signing and verifying with a string secret is far slower.
const KEY = createSecretKey(Buffer.from(SECRET));
const tokens = { verificationKey: KEY, issuer: ISSUER } as unknown as TokenService;

function token(claims: Record<string, unknown> = {}, options: { expiresIn?: number; secret?: string } = {}): string {
  return sign({ cid: 'consumer-1', ...claims }, options.secret ?? KEY, {
    algorithm: 'HS256',
    subject: 'user-1',
    issuer: ISSUER,
    expiresIn: options.expiresIn ?? 3600,
  });
}

function expectInvalid(verifier: DirectLoginTokenVerifier, value: string): void {
  let error: unknown;
  try {
    verifier.verify(value);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ObpException);
  expect((error as ObpException).body.message).toMatch(/^OBP-20003: /);
}

describe('DirectLoginTokenVerifier', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the subject and consumer of a valid token', () => {
    expect(new DirectLoginTokenVerifier(tokens).verify(token())).toEqual({ userId: 'user-1', consumerId: 'consumer-1' });
  });

  it('refuses forged, foreign-issuer, incomplete, expired and non-JWT tokens with OBP-20003', () => {
    const verifier = new DirectLoginTokenVerifier(tokens);
    expectInvalid(verifier, token({}, { secret: 'another-secret-of-at-least-thirty-two-chars' }));
    expectInvalid(verifier, sign({ cid: 'c' }, SECRET, { algorithm: 'HS256', subject: 'u', issuer: 'http://elsewhere', expiresIn: 60 }));
    expectInvalid(verifier, sign({ sub: 'u' }, SECRET, { algorithm: 'HS256', issuer: ISSUER, expiresIn: 60 }));
    expectInvalid(verifier, token({}, { expiresIn: -10 }));
    expectInvalid(verifier, 'not-a-jwt');
  });

  it('remembers a verified token only until its expiry', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z') });
    const verifier = new DirectLoginTokenVerifier(tokens);
    const value = token({}, { expiresIn: 60 });
    expect(verifier.verify(value).userId).toBe('user-1');
    jest.setSystemTime(new Date('2026-12-02T12:00:59Z'));
    expect(verifier.verify(value).userId).toBe('user-1');
    jest.setSystemTime(new Date('2026-12-02T12:01:00Z'));
    expectInvalid(verifier, value);
  });

  it('keeps at most REMEMBERED_TOKENS tokens, forgetting the oldest first', () => {
    const verifier = new DirectLoginTokenVerifier(tokens);
    const remembered = (verifier as unknown as { remembered: Map<string, unknown> }).remembered;
    const first = token({ n: 0 });
    verifier.verify(first);
    for (let n = 1; n <= REMEMBERED_TOKENS; n++) verifier.verify(token({ n }));
    expect(remembered.size).toBe(REMEMBERED_TOKENS);
    expect(remembered.has(first)).toBe(false);
    expect(verifier.verify(first).consumerId).toBe('consumer-1'); // verified again, not refused
  });
});
