import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { MatrixRoute } from './cases';
import type { Expectation } from './expectations';
import type { AuthHeaders } from './principals';

/** One request of the matrix: a route, who calls it, and what must come back. */
export interface MatrixRequest {
  route: MatrixRoute;
  /** "anonymous", "no roles", "CanX@bank", ...: how a failure names the caller. */
  caller: string;
  /** Headers of the caller; undefined for anonymous. */
  headers: () => Promise<AuthHeaders | undefined>;
  expect: Expectation;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Sends matrix requests a few at a time and collects every unmet expectation as one readable line,
 * so a failing run lists all offending routes at once instead of stopping at the first.
 */
export class MatrixRunner {
  sent = 0;
  /** 5xx answers seen: not an authorisation failure, but worth a look (printed in the summary). */
  readonly serverErrors: string[] = [];
  /** Statuses seen per run, e.g. "anonymous: 401x1138 200x20": shows what "let through" actually met. */
  readonly statuses: string[] = [];

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly concurrency: number,
  ) {}

  async run(name: string, requests: readonly MatrixRequest[]): Promise<string[]> {
    const mismatches: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const item = requests[next++];
        const response = await this.send(item.route, await item.headers());
        const what = `${item.route.label} as ${item.caller}`;
        const expected = item.expect(response);
        const got = `${response.status} ${JSON.stringify(response.body ?? response.text).slice(0, 300)}`;
        if (expected) mismatches.push(`${what}: expected ${expected}; got ${got}`);
        if (response.status >= 500) this.serverErrors.push(`${what}: ${got}`);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}x${count}`);
    this.statuses.push(`${name} (${requests.length}): ${counts.join(' ')}`);
    return mismatches.sort();
  }

  /**
   * The body is an empty JSON object: enough for a request to reach the guard, which runs before
   * Nest's validation pipe, so an incomplete body can never pre-empt the 401/403 being tested.
   */
  private send(route: MatrixRoute, headers: AuthHeaders | undefined) {
    this.sent++;
    const server = this.app.getHttpServer();
    const method = route.verb.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
    const call = request(server)[method](route.url);
    if (headers) call.set(headers);
    return WITH_BODY.has(route.verb) ? call.send({}) : call;
  }
}

/**
 * Routes whose filled URL the router would not hand to the intended route (a placeholder equal to
 * a literal segment of another route, say): the router must find a route for it and extract
 * exactly the parameters the path declares.
 */
export function routingProblems(app: NestFastifyApplication, routes: readonly MatrixRoute[]): string[] {
  const fastify = app.getHttpAdapter().getInstance();
  return routes.flatMap((route) => {
    const found = fastify.findRoute({ method: route.verb, url: route.url });
    const params = JSON.stringify(Object.entries(found?.params ?? {}).sort());
    const expected = JSON.stringify(Object.entries(route.params).sort());
    return found && params === expected ? [] : [`${route.label}: ${route.url} routes with params ${found ? params : 'none'}, expected ${expected}`];
  });
}
