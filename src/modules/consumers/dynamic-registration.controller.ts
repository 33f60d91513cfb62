import { Controller, Headers } from '@nestjs/common';
import { PUBLIC } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { only } from '../../common/versioning/api-versions';
import { DynamicRegistrationService } from './dynamic-registration.service';
import { ConsumerJwtPostJsonV510 } from './dto/consumer.json';
import { ConsumerJsonV510 } from './dto/consumers-responses.json';
import { ValidBody } from '../../common/http/valid-body';

@Controller()
export class DynamicRegistrationController {
  constructor(private readonly registration: DynamicRegistrationService) {}

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-createConsumer',
    verb: 'POST',
    path: '/dynamic-registration/consumers',
    versions: only('5.1.0'),
    access: PUBLIC,
    summary: 'Create a Consumer',
    description:
      'Registers a consumer for the holder of a client certificate: send the certificate (PEM) in the PSD2-CERT header and {"jwt": ...} whose payload is {description, app_name?, app_type? (Confidential|Public), developer_email?, redirect_url?}, signed (RS/PS/ES/EdDSA) with the certificate\'s private key. Name, e-mail and company come from the certificate when it has them. The consumer is enabled; key and secret are shown once.',
    tags: ['Consumer', 'Dynamic-Registration'],
    errors: ['InvalidJsonFormat', 'X509GeneralError', 'PostJsonIsNotSigned'],
    successStatus: 201,
    requestBody: ConsumerJwtPostJsonV510,
    responseBody: ConsumerJsonV510,
  })
  createConsumer(@Headers('psd2-cert') certificate: string | undefined, @ValidBody() body: ConsumerJwtPostJsonV510) {
    return this.registration.register(certificate, body.jwt);
  }
}
