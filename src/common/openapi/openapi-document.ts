import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ApiVersion } from '../versioning/api-versions';

/** DirectLogin is served outside the versions, and every version's document needs it to log in. */
export const DIRECT_LOGIN_PATH = '/my/logins/direct';

/**
 * Holds the OpenAPI document built at start-up (every version) and derives one document per API
 * version from it, each built and serialised once, on first use.
 */
@Injectable()
export class OpenApiDocument {
  private document: OpenAPIObject | undefined;
  private readonly versions = new Map<ApiVersion, OpenAPIObject>();
  private readonly serialised = new Map<ApiVersion | 'all', string>();

  set(document: OpenAPIObject): void {
    this.document = document;
    this.versions.clear();
    this.serialised.clear();
  }

  all(): OpenAPIObject {
    if (!this.document) throw new Error('OpenAPI document not built yet');
    return this.document;
  }

  /** The paths served under /obp/v<version>/ plus DirectLogin, with only the tags and schemas they use. */
  forVersion(version: ApiVersion): OpenAPIObject {
    let subset = this.versions.get(version);
    if (!subset) {
      subset = versionSubset(this.all(), version);
      this.versions.set(version, subset);
    }
    return subset;
  }

  /** The JSON text of one version's document, or of the whole document without a version. */
  json(version?: ApiVersion): string {
    const key = version ?? 'all';
    let text = this.serialised.get(key);
    if (text === undefined) {
      text = JSON.stringify(version ? this.forVersion(version) : this.all());
      this.serialised.set(key, text);
    }
    return text;
  }
}

function versionSubset(document: OpenAPIObject, version: ApiVersion): OpenAPIObject {
  const prefix = `/obp/v${version}`;
  const paths = Object.fromEntries(
    Object.entries(document.paths).filter(([path]) => path === prefix || path.startsWith(`${prefix}/`) || path === DIRECT_LOGIN_PATH),
  );
  const usedTags = new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((operation) => (operation as { tags?: string[] }).tags ?? [])));
  return {
    ...document,
    info: { ...document.info, title: `${document.info.title} v${version}`, version },
    tags: (document.tags ?? []).filter((tag) => usedTags.has(tag.name)),
    paths,
    components: { ...document.components, schemas: reachableSchemas(paths, document.components?.schemas ?? {}) },
  };
}

const SCHEMA_REF = '#/components/schemas/';

/** The component schemas `root` refers to, directly or through other schemas. */
function reachableSchemas<T>(root: unknown, schemas: Record<string, T>): Record<string, T> {
  const reached = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...(node as unknown[]));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
          const name = value.slice(SCHEMA_REF.length);
          if (!reached.has(name) && name in schemas) {
            reached.add(name);
            pending.push(schemas[name]);
          }
        } else pending.push(value);
      }
    }
  }
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
}
