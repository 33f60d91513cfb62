import { X509Certificate } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import { compactVerify } from 'jose';
import { ObpException } from '../../common/errors/obp.exception';
import { formatObpDate } from '../../common/http/obp-date';
import { describeValidationErrors } from '../../common/http/validation';
import { ConsumersService } from './consumers.service';

/** The JWT payload of a dynamic registration (OBP's ConsumerPostJsonV510). */
export class ConsumerPostJsonV510 {
  @IsString() @IsNotEmpty() @MaxLength(2000) description: string;
  @IsOptional() @IsString() @MaxLength(255) app_name?: string;
  @IsOptional() @IsIn(['Confidential', 'Public']) app_type?: string;
  @IsOptional() @IsString() @MaxLength(255) developer_email?: string;
  @IsOptional() @IsString() @MaxLength(2000) redirect_url?: string;
}

// Asymmetric algorithms only: the signature must come from the certificate's private key.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** The header may carry the PEM URL-encoded or with "\n" escapes, as proxies forward it. */
function normalisePem(header: string): string {
  const decoded = header.includes('%') ? safeDecode(header) : header;
  return decoded.replace(/\\n/g, '\n').trim();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "CN=x\nO=y" -> the value of one attribute. */
function attribute(distinguishedName: string, name: string): string | undefined {
  return distinguishedName
    .split('\n')
    .map((part) => part.split('='))
    .find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/**
 * Registration of a consumer by a TPP holding a client certificate (OBP's mTLS flow): the request
 * body is a JWT signed with the certificate's private key; the certificate comes in PSD2-CERT.
 */
@Injectable()
export class DynamicRegistrationService {
  constructor(private readonly consumers: ConsumersService) {}

  async register(certificateHeader: string | undefined, jwt: string) {
    const pem = normalisePem(certificateHeader ?? '');
    const certificate = this.parseCertificate(pem);
    const payload = await this.verifiedPayload(jwt, certificate);

    const subject = certificate.subject;
    const { consumer, secret } = await this.consumers.create({
      appName: attribute(subject, 'CN') ?? payload.app_name ?? 'Unnamed application',
      appType: payload.app_type ?? 'Confidential',
      description: payload.description,
      developerEmail: attribute(subject, 'emailAddress') ?? payload.developer_email ?? '',
      redirectUrl: payload.redirect_url ?? '',
      company: attribute(subject, 'O') ?? '',
      clientCertificate: pem,
      createdByUserId: null,
      enabled: true,
    });
    return {
      consumer_id: consumer.consumerId,
      consumer_key: consumer.key,
      consumer_secret: secret,
      app_name: consumer.appName,
      app_type: consumer.appType,
      description: consumer.description,
      developer_email: consumer.developerEmail,
      company: consumer.company,
      redirect_url: consumer.redirectUrl,
      certificate_pem: pem,
      certificate_info: {
        subject_domain_name: subject.split('\n').reverse().join(', '),
        issuer_domain_name: certificate.issuer.split('\n').reverse().join(', '),
        not_before: new Date(certificate.validFrom).toISOString(),
        not_after: new Date(certificate.validTo).toISOString(),
        roles_info: 'PEM Encoded Certificate does not contain PSD2 roles.',
      },
      created_by_user: { user_id: '', email: '', provider_id: '', provider: '', username: '' },
      enabled: consumer.enabled,
      created: formatObpDate(consumer.createdAt ?? new Date()),
    };
  }

  /** 400 OBP-20300 when absent, unparseable or outside its validity period. */
  private parseCertificate(pem: string): X509Certificate {
    if (!pem.startsWith('-----BEGIN CERTIFICATE-----')) throw ObpException.of('X509GeneralError', 'Send the client certificate (PEM) in the PSD2-CERT header.');
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(pem);
    } catch {
      throw ObpException.of('X509GeneralError', 'The PSD2-CERT header is not a valid PEM certificate.');
    }
    const now = Date.now();
    if (now < Date.parse(certificate.validFrom) || now > Date.parse(certificate.validTo)) {
      throw ObpException.of('X509GeneralError', 'The certificate is not valid now.');
    }
    return certificate;
  }

  /** 400 OBP-34110 unless signed with the certificate's key (asymmetric algorithms only); 400 OBP-10001 for a bad payload. */
  private async verifiedPayload(jwt: string, certificate: X509Certificate): Promise<ConsumerPostJsonV510> {
    let json: unknown;
    try {
      const { payload } = await compactVerify(jwt, certificate.publicKey, { algorithms: ALGORITHMS });
      json = JSON.parse(new TextDecoder().decode(payload));
    } catch {
      throw ObpException.of('PostJsonIsNotSigned');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw ObpException.of('InvalidJsonFormat', 'The JWT payload should be the ConsumerPostJsonV510');
    const body = plainToInstance(ConsumerPostJsonV510, json);
    const errors = validateSync(body);
    if (errors.length > 0)
      throw ObpException.of('InvalidJsonFormat', `The JWT payload should be the ConsumerPostJsonV510 ${describeValidationErrors(errors).join('; ')}`);
    return body;
  }
}
