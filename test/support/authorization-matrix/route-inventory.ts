import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NON_OBP_ROUTE } from '../../../src/common/auth/non-obp-route.decorator';
import { OBP_ENDPOINT, toRoutePath, type ObpEndpointMetadata } from '../../../src/common/endpoint/obp-endpoint.decorator';
import { isOpenApiJsonPath, SWAGGER_UI_PATH } from '../../../src/common/openapi/openapi';

/** A controller method Nest serves as a route, with the markers the access guard reads. */
export interface RouteHandler {
  name: string;
  endpoint: ObpEndpointMetadata | undefined;
  nonObp: boolean;
  verb: string;
  /** Controller path + method path ("health/live"), without the global prefix or version. */
  paths: string[];
}

/**
 * Every controller method Nest turns into a route, found the way Nest's router finds them (a method
 * carrying PATH_METADATA), independently of EndpointRegistry, which only collects @ObpEndpoint ones.
 */
export function nestRouteHandlers(app: NestFastifyApplication): RouteHandler[] {
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const handlers: RouteHandler[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[method] as (...args: unknown[]) => unknown;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPaths === undefined) continue;
      const controllerPaths = Reflect.getMetadata(PATH_METADATA, wrapper.metatype as Function) as string | string[] | undefined;
      handlers.push({
        name: `${wrapper.name}.${method}`,
        endpoint: reflector.get<ObpEndpointMetadata | undefined>(OBP_ENDPOINT, handler),
        nonObp: reflector.getAllAndOverride<boolean | undefined>(NON_OBP_ROUTE, [handler, wrapper.metatype as Function]) === true,
        verb: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
        paths: [controllerPaths ?? ''].flat().flatMap((base) =>
          [methodPaths].flat().map((path) =>
            [base, path]
              .flatMap((part) => part.split('/'))
              .filter(Boolean)
              .join('/'),
          ),
        ),
      });
    }
  }
  return handlers;
}

export interface ServedRoute {
  method: string;
  url: string;
}

/**
 * Every route the Fastify router answers (without the HEAD twins Fastify adds to GET routes), read
 * from printRoutes' tree: each line is one path segment under its parent, indented four columns
 * per level, followed by "(METHOD, ...)" when something is served there.
 */
export function fastifyRoutes(app: NestFastifyApplication): ServedRoute[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: ServedRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    const methods = (match[3] ?? '').split(', ').filter((method) => method !== '' && method !== 'HEAD');
    for (const method of methods) routes.push({ method, url: stack.join('') });
  }
  return routes;
}

/** The URLs Nest serves for one @ObpEndpoint: each path and alias under each version ("/" is the bare version). */
export function obpUrls(endpoint: ObpEndpointMetadata): string[] {
  const paths = [endpoint.path, ...(endpoint.aliases ?? [])].map(toRoutePath);
  return endpoint.versions.flatMap((version) => paths.map((path) => `/obp/v${version}${path === '' ? '' : `/${path}`}`));
}

/**
 * Why the router and the access markers disagree, if they do: a route handler with neither
 * @ObpEndpoint nor @NonObpRoute (or with both), an @ObpEndpoint handler the registry missed, a
 * Fastify route that no controller declares (it would bypass the global guard), or a declared
 * OBP route Fastify does not serve.
 */
export function inventoryProblems(app: NestFastifyApplication, registered: readonly ObpEndpointMetadata[]): string[] {
  const problems: string[] = [];
  const handlers = nestRouteHandlers(app);
  for (const handler of handlers) {
    if (!handler.endpoint && !handler.nonObp) problems.push(`${handler.name}: route without @ObpEndpoint or @NonObpRoute`);
    if (handler.endpoint && handler.nonObp) problems.push(`${handler.name}: both @ObpEndpoint and @NonObpRoute`);
  }
  const declared = handlers.flatMap((handler) => (handler.endpoint ? [handler.endpoint] : []));
  for (const endpoint of declared) {
    if (!registered.includes(endpoint)) problems.push(`${endpoint.operationId}: served but missing from EndpointRegistry`);
  }

  // Compared by shape: Fastify prints one node for routes differing only in parameter names (":A|:B").
  const obpRoutes = new Set(declared.flatMap((endpoint) => obpUrls(endpoint).map((url) => `${endpoint.verb} ${shape(url)}`)));
  // Non-OBP controllers are unversioned; the global "obp" prefix may or may not apply to them.
  const nonObpRoutes = new Set(
    handlers.filter((handler) => handler.nonObp).flatMap((handler) => handler.paths.map((path) => `${handler.verb} ${shape(`/${path}`)}`)),
  );
  const served = fastifyRoutes(app);
  const servedKeys = new Set(served.map((route) => `${route.method} ${shape(route.url)}`));
  for (const route of served) {
    const key = `${route.method} ${shape(route.url)}`;
    if (obpRoutes.has(key) || nonObpRoutes.has(key.replace(' /obp/', ' /')) || isOpenApiDocument(route.url)) continue;
    problems.push(`${route.method} ${route.url}: served by Fastify but declared by no @ObpEndpoint or @NonObpRoute controller`);
  }
  for (const key of obpRoutes) if (!servedKeys.has(key)) problems.push(`${key}: declared by @ObpEndpoint but not served`);
  return problems;
}

/** "/obp/v4.0.0/banks/:BANK_ID" -> "/obp/v4.0.0/banks/:" */
function shape(url: string): string {
  return url.replace(/:[^/]+/g, ':');
}

/** The OpenAPI documents and Swagger UI: registered straight on Fastify, static API description only. */
function isOpenApiDocument(url: string): boolean {
  const ui = `/${SWAGGER_UI_PATH}`;
  // Its static assets are served by a wildcard route, "/obp/docs*".
  return isOpenApiJsonPath(url) || url === ui || url === `${ui}*` || url.startsWith(`${ui}/`) || url.startsWith(`${ui}-`);
}
