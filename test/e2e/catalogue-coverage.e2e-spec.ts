import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EndpointRegistry } from '../../src/common/endpoint/endpoint-registry';
import { createTestApp } from '../support/test-app';

interface CatalogueEntry {
  operation_id: string;
  verb: string;
  url: string;
  effective_path?: string;
  tags: string[];
  available_in: string[];
}

function entries(): CatalogueEntry[] {
  return JSON.parse(readFileSync(join(__dirname, '../fixtures/obp/endpoint-catalogue.json'), 'utf8')) as CatalogueEntry[];
}

/** "/banks/BANK_ID/x" and "/banks/{}/x" compare equal: parameter names do not matter. */
function shape(path: string): string {
  return path.replace(/\/[A-Z][A-Z0-9_]*(?=\/|$)/g, '/{}');
}

describe('Catalogue coverage', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves every catalogue endpoint on every version in its available_in', () => {
    const served = new Set(
      app
        .get(EndpointRegistry)
        .routeTable()
        .map((row) => `${row.verb} ${shape(row.path)}`),
    );
    const missing: string[] = [];
    for (const entry of entries()) {
      if (!entry.url.startsWith('/')) continue;
      for (const version of entry.available_in) {
        if (!/^v\d/.test(version)) continue; // DirectLogin: served at the root path
        const key = `${entry.verb} ${shape(`/obp/${version}${entry.effective_path ?? entry.url}`)}`;
        if (!served.has(key)) missing.push(`${entry.operation_id} ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
