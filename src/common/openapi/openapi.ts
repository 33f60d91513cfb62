import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { OpenApiDocument } from './openapi-document';

export const OPENAPI_JSON_PATH = '/obp/openapi.json';
export const SWAGGER_UI_PATH = 'obp/docs';

/** Builds the OpenAPI 3 document from the @ObpEndpoint decorators and serves it with Swagger UI. */
export function setUpOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('OBP-compatible API')
    .setDescription('Open Bank Project compatible REST API. Every path is served under /obp/vX.Y.Z for the versions listed.')
    .setVersion('5.1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'DirectLogin' }, 'DirectLogin')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'Bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = document.components ?? {};
  document.components.schemas = {
    ...document.components.schemas,
    ObpErrorJson: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'integer', example: 400, description: 'The HTTP status' },
        message: { type: 'string', example: 'OBP-10001: Incorrect json format.' },
      },
    },
  };
  makeOperationIdsUnique(document);
  app.get(OpenApiDocument).set(document);
  SwaggerModule.setup(SWAGGER_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1), useGlobalPrefix: false });
  return document;
}

/**
 * One handler serves several versions (and sometimes alias paths), so its OBP operation id appears
 * on several paths. OpenAPI needs unique ids: suffix the served version
 * ("OBPv3.1.0-createCustomer_v5_1_0"), and a counter for an alias path of the same version.
 * The OBP id stays readable as x-obp-operation-id.
 */
function makeOperationIdsUnique(document: OpenAPIObject): void {
  const used = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    const version = /^\/obp\/v(\d+\.\d+\.\d+)/.exec(path)?.[1];
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      const obpId = operation.operationId;
      Object.assign(operation, { 'x-obp-operation-id': obpId });
      const base = version ? `${obpId}_v${version.replace(/\./g, '_')}` : obpId;
      let unique = base;
      for (let n = 2; used.has(unique); n++) unique = `${base}_${n}`;
      used.add(unique);
      operation.operationId = unique;
    }
  }
}
