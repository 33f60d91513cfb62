import type { Response } from 'supertest';

/** Asserts an OBP error response: status, body shape, code prefix and a Correlation-Id header. */
export function expectObpError(response: Response, status: number, code: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: { code: status, message: expect.stringMatching(new RegExp(`^${code}: `)) },
  });
  expect(response.headers['correlation-id']).toEqual(expect.any(String));
}
