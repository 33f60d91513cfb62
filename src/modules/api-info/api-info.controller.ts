import { Controller } from '@nestjs/common';
import { PUBLIC } from '../../common/auth/access';
import { ObpEndpoint, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import { between, only, type ApiVersion } from '../../common/versioning/api-versions';
import { RequestedVersion } from '../../common/versioning/requested-version.decorator';
import { ApiInfoJson, ApiInfoJson400, ApiInfoJsonV510 } from './api-info.dto';
import { ApiInfoService } from './api-info.service';

// OBP answers both /obp/vX.Y.Z/root and the bare /obp/vX.Y.Z.
const root = {
  verb: 'GET',
  path: '/root',
  aliases: ['/'],
  access: PUBLIC,
  summary: 'Get API Info (root)',
  description: 'Version, status, connector and hosting information of this API instance. No login required.',
  tags: ['API'],
  errors: ['UnknownError'],
} satisfies Partial<ObpEndpointOptions>;

@Controller()
export class ApiInfoController {
  constructor(private readonly apiInfo: ApiInfoService) {}

  @ObpEndpoint({ ...root, operationId: 'OBPv1.2.1-root', versions: between('1.2.1', '3.1.0'), responseBody: ApiInfoJson })
  rootV121(@RequestedVersion() version: ApiVersion): ApiInfoJson {
    return this.apiInfo.v121(version);
  }

  @ObpEndpoint({ ...root, operationId: 'OBPv4.0.0-root', versions: between('4.0.0', '5.0.0'), responseBody: ApiInfoJson400 })
  rootV400(@RequestedVersion() version: ApiVersion): ApiInfoJson400 {
    return this.apiInfo.v400(version);
  }

  @ObpEndpoint({ ...root, operationId: 'OBPv5.1.0-root', versions: only('5.1.0'), responseBody: ApiInfoJsonV510 })
  rootV510(@RequestedVersion() version: ApiVersion): ApiInfoJsonV510 {
    return this.apiInfo.v510(version);
  }
}
