import { PassThrough } from 'node:stream';
import { answerClientError } from './framework-errors';
import { ResponseHeaders } from './response-headers';

function answerTo(code: string): { text: string; destroyed: boolean } {
  const socket = new PassThrough();
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.on('error', () => undefined);
  answerClientError(new ResponseHeaders({ allowedOrigins: '*' }), Object.assign(new Error(code), { code }), socket);
  return { text, destroyed: socket.destroyed };
}

describe('answerClientError', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', '431 Request Header Fields Too Large', '{"code":431,"message":"OBP-10062: Request headers too large."}'],
    ['HPE_INVALID_HEADER_TOKEN', '400 Bad Request', '{"code":400,"message":"OBP-10063: Malformed HTTP request."}'],
    ['ERR_HTTP_REQUEST_TIMEOUT', '408 Request Timeout', '"code":408'],
  ])('answers %s with an OBP body and a Correlation-Id, then closes', (code, statusLine, body) => {
    const { text, destroyed } = answerTo(code);
    expect(text.startsWith(`HTTP/1.1 ${statusLine}\r\n`)).toBe(true);
    expect(text).toMatch(/\r\nCorrelation-Id: [0-9a-f-]{36}\r\n/);
    expect(text).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
    expect(text).toContain(body);
    expect(text).toContain('\r\nAccess-Control-Allow-Origin: *\r\n');
    expect(destroyed).toBe(true);
  });

  it('writes nothing to a reset connection', () => {
    expect(answerTo('ECONNRESET').text).toBe('');
  });
});
