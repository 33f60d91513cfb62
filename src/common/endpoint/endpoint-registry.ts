import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { ApiVersion } from '../versioning/api-versions';
import { OBP_ENDPOINT, type ObpEndpointMetadata } from './obp-endpoint.decorator';
import { assertBodiesValidated } from '../http/valid-body';

export interface RouteTableRow {
  verb: string;
  path: string;
  version: ApiVersion;
  operationId: string;
}

/**
 * Every @ObpEndpoint handler in the application, collected once at start-up. Feeds the resource
 * docs and the route table, and refuses to start when two handlers claim one verb, path and version,
 * or when any controller reads a body without @ValidBody().
 */
@Injectable()
export class EndpointRegistry implements OnModuleInit {
  private endpoints: ObpEndpointMetadata[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found: ObpEndpointMetadata[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      const methods = this.scanner.getAllMethodNames(prototype);
      assertBodiesValidated(prototype.constructor, methods);
      for (const method of methods) {
        const handler = (prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
        const metadata = this.reflector.get<ObpEndpointMetadata | undefined>(OBP_ENDPOINT, handler);
        if (metadata) found.push(metadata);
      }
    }
    this.endpoints = found;
    assertNoDuplicateRoutes(this.routeTable());
  }

  all(): readonly ObpEndpointMetadata[] {
    return this.endpoints;
  }

  servedAt(version: ApiVersion): ObpEndpointMetadata[] {
    return this.endpoints.filter((endpoint) => endpoint.versions.includes(version));
  }

  /** One row per (verb, path, version), sorted for stable snapshots. */
  routeTable(): RouteTableRow[] {
    const rows = this.endpoints.flatMap((endpoint) =>
      [endpoint.path, ...(endpoint.aliases ?? [])].flatMap((path) =>
        endpoint.versions.map((version) => ({
          verb: endpoint.verb,
          path: `/obp/v${version}${path === '/' ? '' : path}`,
          version,
          operationId: endpoint.operationId,
        })),
      ),
    );
    return rows.sort((a, b) => a.path.localeCompare(b.path) || a.verb.localeCompare(b.verb));
  }
}

export function assertNoDuplicateRoutes(rows: RouteTableRow[]): void {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const row of rows) {
    // Parameter names do not distinguish routes: /banks/:A and /banks/:B collide.
    const key = `${row.verb} ${row.path.replace(/\/[A-Z][A-Z0-9_]*(?=\/|$)/g, '/{}')}`;
    const previous = seen.get(key);
    if (previous) duplicates.push(`${key} (${previous} and ${row.operationId})`);
    else seen.set(key, row.operationId);
  }
  if (duplicates.length > 0) throw new Error(`Duplicate OBP routes:\n  ${duplicates.join('\n  ')}`);
}
