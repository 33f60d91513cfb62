import { createHmac, createSecretKey } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { ObpException } from '../../common/errors/obp.exception';
import { DirectLoginTokenVerifier, REMEMBERED_TOKENS } from './directlogin-token-verifier';
import type { TokenService } from './token.service';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const ISSUER = 'http://localhost:8080';
// A KeyObject, as TokenService holds it: signing and verifying with a string secret is far slower.
const KEY = createSecretKey(Buffer.from(SECRET));
const tokens = { verificationKey: KEY, issuer: ISSUER } as unknown as TokenService;
const USER = '0b6b3c1e-2f4d-4a8e-9c1b-5d7e8f9a0b1c';
const CONSUMER = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function token(claims: Record<string, unknown> = {}, options: { expiresIn?: number; secret?: string } = {}): string {
  return sign({ cid: CONSUMER, ...claims }, options.secret ?? KEY, {
    algorithm: 'HS256',
    subject: USER,
    issuer: ISSUER,
    expiresIn: options.expiresIn ?? 3600,
  });
}

/** A correctly signed HS256 token with exactly these claims (jsonwebtoken's sign would add or check some). */
function raw(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', KEY).update(unsigned).digest('base64url')}`;
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
    expect(new DirectLoginTokenVerifier(tokens).verify(token())).toEqual({ userId: USER, consumerId: CONSUMER });
  });

  it('refuses forged, foreign-issuer, incomplete, expired and non-JWT tokens with OBP-20003', () => {
    const verifier = new DirectLoginTokenVerifier(tokens);
    expectInvalid(verifier, token({}, { secret: 'another-secret-of-at-least-thirty-two-chars' }));
    expectInvalid(verifier, sign({ cid: 'c' }, SECRET, { algorithm: 'HS256', subject: 'u', issuer: 'http://elsewhere', expiresIn: 60 }));
    expectInvalid(verifier, sign({ sub: 'u' }, SECRET, { algorithm: 'HS256', issuer: ISSUER, expiresIn: 60 }));
    expectInvalid(verifier, token({}, { expiresIn: -10 }));
    expectInvalid(verifier, 'not-a-jwt');
  });

  it('refuses correctly signed tokens without exp, or whose sub or cid is not a UUID, with OBP-20003', () => {
    const verifier = new DirectLoginTokenVerifier(tokens);
    const exp = Math.floor(Date.now() / 1000) + 60;
    expectInvalid(verifier, raw({ iss: ISSUER, sub: USER, cid: CONSUMER }));
    expectInvalid(verifier, raw({ iss: ISSUER, sub: USER, cid: CONSUMER, exp: 'never' }));
    expectInvalid(verifier, raw({ iss: ISSUER, sub: 'not-a-uuid', cid: CONSUMER, exp }));
    expectInvalid(verifier, raw({ iss: ISSUER, sub: USER, cid: "1' OR '1'='1", exp }));
    expectInvalid(verifier, raw({ iss: ISSUER, sub: USER, cid: 42, exp }));
    expectInvalid(verifier, raw({ iss: ISSUER, sub: { id: USER }, cid: CONSUMER, exp }));
    // the same claims, complete, pass: the signing above is right
    expect(verifier.verify(raw({ iss: ISSUER, sub: USER, cid: CONSUMER, exp })).userId).toBe(USER);
  });

  it('remembers a verified token only until its expiry', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z') });
    const verifier = new DirectLoginTokenVerifier(tokens);
    const value = token({}, { expiresIn: 60 });
    expect(verifier.verify(value).userId).toBe(USER);
    jest.setSystemTime(new Date('2026-12-02T12:00:59Z'));
    expect(verifier.verify(value).userId).toBe(USER);
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
    expect(verifier.verify(first).consumerId).toBe(CONSUMER); // verified again, not refused
  });
});
