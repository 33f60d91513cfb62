import { Body, Controller, Module } from '@nestjs/common';
import { IsInt, IsString, Max, MaxLength } from 'class-validator';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { PUBLIC } from '../../src/common/auth/access';
import { ObpEndpoint } from '../../src/common/endpoint/obp-endpoint.decorator';
import { ValidBody } from '../../src/common/http/valid-body';
import { API_VERSIONS, between } from '../../src/common/versioning/api-versions';
import { AppMetrics, startMetricsServer } from '../../src/common/metrics/metrics';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

/** A route that fails the way a bug would, with internals in the error. */
@Controller()
class ExplodingController {
  @ObpEndpoint({
    operationId: 'OBPv5.1.0-testExplode',
    verb: 'GET',
    path: '/test/explode',
    versions: between('5.0.0', '5.1.0'),
    access: PUBLIC,
    summary: 'Throws an unexpected error',
    tags: ['Test'],
    errors: ['UnknownError'],
  })
  explode(): never {
    throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
  }
}

class EchoJson {
  @IsString()
  @MaxLength(20)
  name: string;

  @IsInt()
  @Max(10)
  count: number;
}

@Controller()
class EchoController {
  @ObpEndpoint({
    operationId: 'OBPv5.1.0-testEcho',
    verb: 'POST',
    path: '/test/echo',
    versions: between('5.0.0', '5.1.0'),
    access: PUBLIC,
    summary: 'Echoes a validated body',
    tags: ['Test'],
    errors: ['InvalidJsonFormat'],
    requestBody: EchoJson,
  })
  echo(@ValidBody() body: EchoJson): EchoJson {
    return body;
  }
}

@Module({ controllers: [ExplodingController, EchoController] })
class ExplodingModule {}

/** A handler that reads its body past the validation pipe. */
@Controller()
class UncheckedBodyController {
  @ObpEndpoint({
    operationId: 'OBPv5.1.0-testUncheckedBody',
    verb: 'POST',
    path: '/test/unchecked',
    versions: between('5.0.0', '5.1.0'),
    access: PUBLIC,
    summary: 'Reads a body without validating it',
    tags: ['Test'],
    errors: [],
    requestBody: EchoJson,
  })
  unchecked(@Body() body: EchoJson): EchoJson {
    return body;
  }
}

@Module({ controllers: [UncheckedBodyController] })
class UncheckedBodyModule {}

describe('Platform (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createTestApp({ extraImports: [ExplodingModule], env: { BODY_LIMIT_BYTES: '2048' } });
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('root', () => {
    it.each(API_VERSIONS.map((version) => [version]))('answers on v%s with its own version', async (version) => {
      const response = await request(http).get(`/obp/v${version}/root`).expect(200);
      expect(response.body.version).toBe(`v${version}`);
      expect(response.body.version_status).toBe(version === '5.1.0' ? 'BLEEDING_EDGE' : 'STABLE');
      expect(response.body.hosted_by).toEqual({
        organisation: 'TESOBE',
        email: 'contact@tesobe.com',
        phone: '+49 (0)30 8145 3994',
        organisation_website: 'https://www.tesobe.com',
      });
    });

    it('uses the v1.2.1 shape up to v3.1.0 and the v4.0.0 shape after', async () => {
      const old = await request(http).get('/obp/v3.1.0/root').expect(200);
      expect(Object.keys(old.body)).toEqual(['version', 'version_status', 'git_commit', 'connector', 'hosted_by']);
      const v400 = await request(http).get('/obp/v4.0.0/root').expect(200);
      expect(Object.keys(v400.body)).toEqual([
        'version',
        'version_status',
        'git_commit',
        'connector',
        'hostname',
        'local_identity_provider',
        'hosted_by',
        'hosted_at',
        'energy_source',
        'resource_docs_requires_role',
      ]);
    });

    it('is also served at the bare version path and with a trailing slash', async () => {
      expect((await request(http).get('/obp/v2.0.0').expect(200)).body.version).toBe('v2.0.0');
      expect((await request(http).get('/obp/v5.0.0/root/').expect(200)).body.version).toBe('v5.0.0');
    });
  });

  describe('routing errors', () => {
    it('answers an unknown route with 404 OBP-10404', async () => {
      expectObpError(await request(http).get('/obp/v5.1.0/no-such-thing'), 404, 'OBP-10404');
      expectObpError(await request(http).get('/nothing/here'), 404, 'OBP-10404');
    });

    it('answers a version outside the handler list with 404 OBP-10404', async () => {
      expectObpError(await request(http).get('/obp/v9.9.9/root'), 404, 'OBP-10404');
      // resource docs exist from v1.4.0 only
      expectObpError(await request(http).get('/obp/v1.3.0/resource-docs/v1.3.0/obp'), 404, 'OBP-10404');
      // the test route is declared for v5.0.0-v5.1.0 only
      expectObpError(await request(http).get('/obp/v4.0.0/test/explode'), 404, 'OBP-10404');
    });
  });

  describe('request errors', () => {
    it('answers malformed JSON with 400 OBP-10001', async () => {
      const response = await request(http).post('/obp/v5.1.0/test/echo').set('Content-Type', 'application/json').send('{"name": ');
      expectObpError(response, 400, 'OBP-10001');
    });

    it('answers an oversized body with 413 and an OBP code', async () => {
      const response = await request(http)
        .post('/obp/v5.1.0/test/echo')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ padding: 'x'.repeat(4096) }));
      expectObpError(response, 413, 'OBP-10061');
    });

    it('answers an unsupported content type with 415 and an OBP code', async () => {
      const response = await request(http).post('/obp/v5.1.0/test/echo').set('Content-Type', 'application/xml').send('<a/>');
      expectObpError(response, 415, 'OBP-10060');
    });
  });

  describe('body validation', () => {
    it('accepts a valid body, dropping unknown fields', async () => {
      const response = await request(http).post('/obp/v5.1.0/test/echo').send({ name: 'a', count: 3, extra: true });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ name: 'a', count: 3 });
    });

    it('names every failing field in a 400 OBP-10001', async () => {
      const response = await request(http)
        .post('/obp/v5.1.0/test/echo')
        .send({ name: 'x'.repeat(21), count: 'many' });
      expectObpError(response, 400, 'OBP-10001');
      expect(response.body.message).toContain('name:');
      expect(response.body.message).toContain('count:');
    });

    it('reads a JSON number or boolean into a String field as its text, as OBP (lift-json) does, and never a string into a number', async () => {
      expect((await request(http).post('/obp/v5.1.0/test/echo').send({ name: 42, count: 3 }).expect(201)).body).toEqual({ name: '42', count: 3 });
      expect((await request(http).post('/obp/v5.1.0/test/echo').send({ name: false, count: 3 }).expect(201)).body).toEqual({ name: 'false', count: 3 });
      expectObpError(await request(http).post('/obp/v5.1.0/test/echo').send({ name: 'a', count: '3' }), 400, 'OBP-10001');
    });

    it('refuses a JSON array or empty body instead of failing inside the handler', async () => {
      expectObpError(await request(http).post('/obp/v5.1.0/test/echo').send([1, 2]), 400, 'OBP-10001');
      expectObpError(await request(http).post('/obp/v5.1.0/test/echo').set('Content-Type', 'application/json').send(''), 400, 'OBP-10001');
    });

    it('refuses to start when a handler reads its body without @ValidBody() (the pipe is bound to bodies, not global)', async () => {
      await expect(createTestApp({ extraImports: [UncheckedBodyModule] })).rejects.toThrow(
        'UncheckedBodyController.unchecked reads the request body without @ValidBody()',
      );
    });
  });

  describe('unexpected errors', () => {
    it('answer 500 OBP-50000 with a Correlation-Id and no internals', async () => {
      const response = await request(http).get('/obp/v5.1.0/test/explode');
      expectObpError(response, 500, 'OBP-50000');
      expect(response.body.message).toBe('OBP-50000: Unknown Error.');
      expect(JSON.stringify(response.body)).not.toMatch(/secret_table|SELECT|at .*\.ts/);
    });
  });

  describe('Correlation-Id', () => {
    it('echoes a well-formed incoming id', async () => {
      const response = await request(http).get('/obp/v5.1.0/root').set('Correlation-Id', 'abc-123.X');
      expect(response.headers['correlation-id']).toBe('abc-123.X');
    });

    it('replaces a malformed one with a fresh UUID', async () => {
      const response = await request(http).get('/obp/v5.1.0/root').set('Correlation-Id', 'bad id\twith spaces');
      expect(response.headers['correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('is present on errors', async () => {
      const response = await request(http).get('/obp/v5.1.0/missing');
      expect(response.headers['correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('health and metrics', () => {
    it('reports readiness with a database check', async () => {
      const response = await request(http).get('/health').expect(200);
      expect(response.body).toEqual({ status: 'ok', checks: { database: 'up' } });
      await request(http).get('/health/live').expect(200);
    });

    it('never serves metrics on the API port: /metrics there is an OBP 404', async () => {
      expectObpError(await request(http).get('/metrics'), 404, 'OBP-10404');
      expectObpError(await request(http).get('/obp/v5.1.0/metrics'), 404, 'OBP-10404');
    });

    it('exposes request counts by route pattern on the metrics port', async () => {
      await request(http).get('/obp/v5.1.0/root').expect(200);
      const metricsServer = await startMetricsServer(app.get(AppMetrics), 0, '127.0.0.1');
      try {
        const response = await request(metricsServer).get('/metrics').expect(200);
        expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
        expect(response.text).toMatch(/obp_http_requests_total\{method="GET",route="\/obp\/v5\.1\.0\/root",status="200"\} \d+/);
        expect(response.text).toContain('obp_http_request_duration_seconds_bucket');
        await request(metricsServer).get('/obp/v5.1.0/root').expect(404);
      } finally {
        metricsServer.close();
      }
    });
  });
});
