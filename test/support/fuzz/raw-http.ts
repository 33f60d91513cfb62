import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import type { FuzzResponse } from './http';

/**
 * Bytes that are not a request Node's HTTP parser accepts, for a real socket: oversized headers,
 * broken request lines, invalid header names, contradictory lengths. The in-process requests of
 * the main run never reach the parser, so these go over TCP.
 */
export function rawHttpRequest(): fc.Arbitrary<string> {
  const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 80 });
  const bytes = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 80 });
  return fc.oneof(
    fc.integer({ min: 17_000, max: 80_000 }).map((size) => `GET /obp/v5.1.0/banks HTTP/1.1\r\nHost: x\r\nDirectLogin: token=${'a'.repeat(size)}\r\n\r\n`),
    fc.integer({ min: 200, max: 2_000 }).map((count) => `GET /obp/v5.1.0/banks HTTP/1.1\r\nHost: x\r\n${'X-A: b\r\n'.repeat(count * 10)}\r\n`),
    printable.map((line) => `${line}\r\n\r\n`),
    bytes.map((line) => `GET /${line} HTTP/1.1\r\nHost: x\r\n\r\n`),
    bytes.map((value) => `GET /obp/v5.1.0/banks HTTP/1.1\r\nHost: x\r\nX-Value: ${value}\r\n\r\n`),
    fc.constantFrom(
      'GET /obp/v5.1.0/banks HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n',
      'GET /obp/v5.1.0/banks HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET /obp/v5.1.0/banks\r\n\r\n',
      'BREW /obp/v5.1.0/banks HTTP/1.1\r\nHost: x\r\n\r\n',
      'POST /obp/v5.1.0/users HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /obp/v5.1.0/users HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      'POST /obp/v5.1.0/users HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /obp/v5.1.0/users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'GET /obp/v5.1.0/banks HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n',
      'GET /obp/v5.1.0/banks HTTP/1.1\nHost: x\n\n',
    ),
  );
}

/** Sends raw bytes and reads one answer: until its Content-Length is complete, the server closes, or a timeout. */
export function rawExchange(port: number, request: string, timeoutMs = 2_000): Promise<FuzzResponse | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (socket: Socket) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks).toString('utf8')));
    };
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(Buffer.from(request, 'latin1')));
    const timer = setTimeout(() => finish(socket), timeoutMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const response = parse(Buffer.concat(chunks).toString('utf8'));
      const length = Number(response?.headers['content-length']);
      if (response && Number.isFinite(length) && Buffer.byteLength(response.body) >= length) finish(socket);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may reset after answering (it destroys sockets it refuses).
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => finish(socket));
  });
}

function parse(text: string): FuzzResponse | undefined {
  if (text.length === 0) return undefined;
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = text.slice(0, end);
  const [statusLine, ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const length = Number(headers['content-length']);
  const rest = text.slice(end + 4);
  // The first answer only (a refused chunk after a 415 gets a second one on the same connection).
  return { status, headers, body: Number.isFinite(length) ? Buffer.from(rest).subarray(0, length).toString('utf8') : rest };
}
