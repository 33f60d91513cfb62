import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EndpointRegistry } from '../../../src/common/endpoint/endpoint-registry';
import type { ObpEndpointMetadata } from '../../../src/common/endpoint/obp-endpoint.decorator';
import { exampleOfBody } from '../../../src/common/openapi/dto-example';
import type { Value } from './bodies';

/** One @ObpEndpoint handler with every URL it answers (paths and aliases × versions). */
export interface FuzzTarget {
  /** Unique per handler (operation ids repeat across handlers): "OBPv3.1.0-getCustomer GET /banks/BANK_ID/...". */
  key: string;
  operationId: string;
  verb: string;
  /** "/obp/v5.1.0/banks/BANK_ID/customers": one per version and path. */
  routes: string[];
  example: Value | undefined;
  expectsBody: boolean;
  /** A valid request may delete or switch off what it names: it gets victim ids. */
  destructive: boolean;
}

const PARAMETER = /^[A-Z][A-Z0-9_]*$/;

export function parametersOf(route: string): string[] {
  return route.split('/').filter((segment) => PARAMETER.test(segment));
}

// Writes that take away what they name, beyond DELETE.
const DESTRUCTIVE_OPERATIONS = /enableDisableConsumers|revoke|updateCustomerNumber|callsLimit|updateConsumerRedirectUrl/;

function toTarget(endpoint: ObpEndpointMetadata): FuzzTarget {
  const paths = [endpoint.path, ...(endpoint.aliases ?? [])];
  const routes = paths.flatMap((path) => endpoint.versions.map((version) => `/obp/v${version}${path === '/' ? '' : path}`));
  const example =
    endpoint.exampleRequest !== undefined
      ? (endpoint.exampleRequest as Value)
      : endpoint.requestBody
        ? (exampleOfBody(endpoint.requestBody) as Value)
        : undefined;
  return {
    key: `${endpoint.operationId} ${endpoint.verb} ${endpoint.path}`,
    operationId: endpoint.operationId,
    verb: endpoint.verb,
    routes,
    example,
    expectsBody: example !== undefined || ['POST', 'PUT', 'PATCH'].includes(endpoint.verb),
    destructive: endpoint.verb === 'DELETE' || DESTRUCTIVE_OPERATIONS.test(endpoint.operationId),
  };
}

/** Every handler of the registry (not a hand-written list), plus DirectLogin, which lives outside /obp. */
export function fuzzTargets(app: NestFastifyApplication): FuzzTarget[] {
  const targets = app.get(EndpointRegistry).all().map(toTarget);
  targets.push({
    key: 'DirectLogin-createToken POST /my/logins/direct',
    operationId: 'DirectLogin-createToken',
    verb: 'POST',
    routes: ['/my/logins/direct'],
    example: undefined,
    expectsBody: false,
    destructive: false,
  });
  return targets;
}

/** "verb route" keys, one per route; the coverage figure. */
export function routeKeys(targets: FuzzTarget[]): string[] {
  return targets.flatMap((target) => target.routes.map((route) => `${target.verb} ${route}`));
}
