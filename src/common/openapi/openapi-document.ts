import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Holds the OpenAPI document built at start-up, for endpoints that serve parts of it. */
@Injectable()
export class OpenApiDocument {
  private document: OpenAPIObject | undefined;

  set(document: OpenAPIObject): void {
    this.document = document;
  }

  /** The document restricted to the paths served under /obp/v<version>/. */
  forVersion(version: string): OpenAPIObject {
    if (!this.document) throw new Error('OpenAPI document not built yet');
    const prefix = `/obp/v${version}/`;
    const paths = Object.fromEntries(Object.entries(this.document.paths).filter(([path]) => path.startsWith(prefix) || path === prefix.slice(0, -1)));
    return { ...this.document, info: { ...this.document.info, version }, paths };
  }
}
