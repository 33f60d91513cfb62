import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../src/config/app-config';
import { call, EMBEDDED_TEST_DATABASE, ensureBuilt, freePort, serverEnv, startServer, type ServerProcess } from '../support/server-process';
import { createTestApp } from '../support/test-app';

interface SlowClientOutcome {
  /** What the server wrote before closing (a 408 response, or nothing). */
  received: string;
  /** Milliseconds from connecting to the server closing the connection. */
  closedAfterMs: number;
  /** Header lines the client had sent by then. */
  linesSent: number;
}

/**
 * A raw TCP client that starts a request and then sends one more header line every
 * `intervalMs`, never finishing the header block (slowloris). Gives up after `giveUpMs`.
 */
function slowHeaderClient(port: number, intervalMs: number, giveUpMs: number): Promise<SlowClientOutcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let linesSent = 0;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept a slow-header connection open for ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('connect', () => {
      socket.write('GET /obp/v5.1.0/root HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      timer = setInterval(() => {
        if (socket.writable) {
          socket.write(`X-Slow-${linesSent}: still-typing\r\n`);
          linesSent++;
        }
      }, intervalMs);
    });
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset after the server's close is the expected end
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ received, closedAfterMs: Date.now() - started, linesSent });
    });
  });
}

describe('HTTP hardening: metrics port and slow clients (e2e)', () => {
  describe('configuration and defaults', () => {
    it('cuts slow headers off within 30 s by default, checking every second; the limits are configurable', async () => {
      const defaults = loadConfig({});
      expect(defaults.http).toEqual({ headersTimeoutMs: 20_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 72_000 });
      expect(defaults.metrics.port).toBeUndefined();

      const app: NestFastifyApplication = await createTestApp({
        env: { HTTP_HEADERS_TIMEOUT_MS: '4000', HTTP_REQUEST_TIMEOUT_MS: '9000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '7000' },
      });
      try {
        const server = app.getHttpServer();
        expect({ headers: server.headersTimeout, request: server.requestTimeout, keepAlive: server.keepAliveTimeout }).toEqual({
          headers: 4000,
          request: 9000,
          keepAlive: 7000,
        });
      } finally {
        await app.close();
      }
      const byDefault: NestFastifyApplication = await createTestApp();
      try {
        expect(byDefault.getHttpServer().headersTimeout).toBe(20_000);
      } finally {
        await byDefault.close();
      }
    });

    it('refuses inconsistent settings at start-up', () => {
      expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '2000' })).toThrow(
        /HTTP_REQUEST_TIMEOUT_MS must not be below HTTP_HEADERS_TIMEOUT_MS/,
      );
      expect(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow(/METRICS_PORT must differ from PORT/);
      expect(() => loadConfig({ METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT="nine" is not an integer/);
      expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must use smtp: or smtps:/);
    });
  });

  describe('a real server process with METRICS_PORT and a 1.5 s headers timeout', () => {
    const pgliteDir = EMBEDDED_TEST_DATABASE ? mkdtempSync(join(tmpdir(), 'obp-hardening-')) : undefined;
    let server: ServerProcess;
    let metricsPort: number;

    beforeAll(async () => {
      ensureBuilt();
      const port = await freePort();
      metricsPort = await freePort();
      server = await startServer(
        serverEnv(
          { METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1', HTTP_HEADERS_TIMEOUT_MS: '1500', HTTP_REQUEST_TIMEOUT_MS: '3000' },
          pgliteDir,
        ),
        port,
        150_000,
      );
    }, 160_000);

    afterAll(async () => {
      server?.child.kill('SIGTERM');
      await server?.exited;
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    });

    it('answers /metrics on the API port with an OBP 404, and the Prometheus text on METRICS_PORT', async () => {
      expect(await call(server.url, 'GET', '/obp/v5.1.0/root')).toMatchObject({ status: 200 });
      expect(await call(server.url, 'GET', '/metrics')).toMatchObject({ status: 404, body: { code: 404, message: expect.stringMatching(/^OBP-10404: /) } });

      const metrics = await call(`http://127.0.0.1:${metricsPort}`, 'GET', '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.body).toMatch(/^# HELP /m);
      expect(metrics.body).toMatch(/obp_http_requests_total\{method="GET",route="\/obp\/v5\.1\.0\/root",status="200"\} \d+/);
      expect(metrics.body).toContain('process_cpu_user_seconds_total');
      // The metrics port serves nothing else.
      expect(await call(`http://127.0.0.1:${metricsPort}`, 'GET', '/obp/v5.1.0/root')).toMatchObject({ status: 404 });
    });

    it('cuts off a client that sends its headers slowly (408, then closed), and keeps serving others', async () => {
      const outcome = await slowHeaderClient(server.port, 200, 15_000);
      // 1.5 s headers timeout, checked every 750 ms: closed well before the 15 s give-up.
      expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(1400);
      expect(outcome.closedAfterMs).toBeLessThan(6000);
      expect(outcome.linesSent).toBeGreaterThan(3);
      if (outcome.received) expect(outcome.received).toMatch(/^HTTP\/1\.1 408 /);
      expect(await call(server.url, 'GET', '/obp/v5.1.0/root')).toMatchObject({ status: 200 });
    });
  });
});
