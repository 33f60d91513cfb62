import { Controller, Param } from '@nestjs/common';
import { PUBLIC } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { API_VERSIONS, since } from '../../common/versioning/api-versions';
import { MessageDocsJson, ScannedApiVersionsJson } from './api-info.dto';

/**
 * The connector names OBP accepts in /message-docs/CONNECTOR (OBP-API Connector.getConnectorInstance:
 * its nameToConnector map plus "star"). This server has no connector: its data lives in its own
 * database, and it exchanges no messages with a core banking adapter over any of these transports.
 * So each known name answers an honest empty list, and any other name OBP's 400 OBP-30211.
 */
export const OBP_CONNECTOR_NAMES: readonly string[] = [
  'mapped',
  'star',
  'internal',
  'proxy',
  'akka_vDec2018',
  'kafka_vSept2018',
  'kafka_vMay2019',
  'rest_vMar2019',
  'stored_procedure_vDec2019',
  'rabbitmq_vOct2024',
];

/** What a client asks before it reads the resource docs: which versions exist, and the connector messages. */
@Controller()
export class ApiDocumentationController {
  @ObpEndpoint({
    operationId: 'OBPv4.0.0-getScannedApiVersions',
    verb: 'GET',
    path: '/api/versions',
    versions: since('4.0.0'),
    access: PUBLIC,
    summary: 'Get scanned API Versions',
    description:
      'Every API version this server serves, oldest first, each as urlPrefix, apiStandard, apiShortVersion and API_VERSION. ' +
      'Clients such as API Explorer II then read /resource-docs/<apiStandard upper-cased><API_VERSION>/obp for each.',
    tags: ['Documentation', 'API'],
    errors: ['UnknownError'],
    responseBody: ScannedApiVersionsJson,
  })
  getScannedApiVersions(): ScannedApiVersionsJson {
    return {
      scanned_api_versions: API_VERSIONS.map((version) => ({
        urlPrefix: 'obp',
        apiStandard: 'obp',
        apiShortVersion: `v${version}`,
        API_VERSION: `v${version}`,
      })),
    };
  }

  @ObpEndpoint({
    operationId: 'OBPv2.2.0-getMessageDocs',
    verb: 'GET',
    path: '/message-docs/CONNECTOR',
    versions: since('2.2.0'),
    access: PUBLIC,
    summary: 'Get Message Docs',
    description:
      'The messages a connector exchanges with a core banking adapter. This server keeps its data in its own database and has no adapter, ' +
      `so every connector name OBP knows (${OBP_CONNECTOR_NAMES.join(', ')}) answers an empty list; any other name is 400 OBP-30211.`,
    tags: ['Documentation', 'API'],
    errors: ['InvalidConnector', 'UnknownError'],
    responseBody: MessageDocsJson,
  })
  getMessageDocs(@Param('CONNECTOR') connector: string): MessageDocsJson {
    if (!OBP_CONNECTOR_NAMES.includes(connector)) {
      throw ObpException.of('InvalidConnector', `Current Input is ${connector.slice(0, 100)}. It should be eg: kafka_vSept2018...`);
    }
    return { message_docs: [] };
  }
}
