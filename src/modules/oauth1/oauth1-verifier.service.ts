import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OAuth1Failure } from './oauth1-failure';
import { isOAuthHeader, readOAuthHeader, type OAuthParameterName, type OAuthParameters } from './oauth1-header';
import { OAuth1Repository, type OAuth1Consumer, type StoredToken } from './oauth1.repository';
import { formParameters, queryParameters, signedBaseUri, type OAuth1HttpRequest } from './oauth1-request';
import { sign, signatureBaseString, signatureMethodOf, signaturesMatch } from './oauth1-signature';
import { DatabaseNonceStore, RedisNonceStore, type NonceKey, type NonceStore } from './nonce-store';
import { SecretBox, tokenDigest } from './secret-box.service';

/** The three kinds of signed request, with the protocol parameters each must carry (as OBP). */
export type OAuth1RequestKind = 'requestToken' | 'accessToken' | 'protectedResource';

const BASE_PARAMETERS: OAuthParameterName[] = ['oauth_consumer_key', 'oauth_nonce', 'oauth_signature_method', 'oauth_timestamp', 'oauth_signature'];
const REQUIRED: Record<OAuth1RequestKind, OAuthParameterName[]> = {
  requestToken: ['oauth_callback', ...BASE_PARAMETERS],
  accessToken: ['oauth_token', 'oauth_verifier', ...BASE_PARAMETERS],
  protectedResource: ['oauth_token', ...BASE_PARAMETERS],
};

export interface VerifiedRequest {
  parameters: OAuthParameters;
  consumer: OAuth1Consumer;
  /** The request token (accessToken) or access token (protectedResource) the request was signed with. */
  token?: StoredToken;
}

/**
 * Checks a signed OAuth 1.0a request in OBP's order (oauth1.0.scala validator): parameters present,
 * none repeated, version, signature method, consumer, timestamp, nonce, token, signature. The nonce
 * is recorded only once the signature holds, so unsigned guesses cannot burn a client's nonces.
 */
@Injectable()
export class OAuth1Verifier implements OnModuleDestroy {
  private readonly nonces: NonceStore;

  constructor(
    dataSource: DataSource,
    private readonly repository: OAuth1Repository,
    private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.nonces = config.redisUrl ? new RedisNonceStore(config.redisUrl) : new DatabaseNonceStore(dataSource);
  }

  async onModuleDestroy(): Promise<void> {
    await this.nonces.close();
  }

  async verify(request: OAuth1HttpRequest, kind: OAuth1RequestKind): Promise<VerifiedRequest> {
    const authorization = request.headers.authorization;
    const { parameters, duplicated } = isOAuthHeader(authorization) ? readOAuthHeader(authorization) : { parameters: {}, duplicated: false };
    const missing = REQUIRED[kind].filter((name) => parameters[name] === undefined);
    if (missing.length > 0) throw new OAuth1Failure(400, `the following parameters are missing : ${missing.join(', ')}`);
    if (duplicated) throw new OAuth1Failure(400, 'Duplicated oauth protocol parameters');
    const version = parameters.oauth_version;
    if (version !== undefined && version !== '1' && version !== '1.0') throw new OAuth1Failure(400, 'OAuth version not supported');
    const method = signatureMethodOf(parameters.oauth_signature_method as string);
    if (!method) throw new OAuth1Failure(400, 'Unsupported signature method, please use hmac-sha1 or hmac-sha256');

    const consumer = await this.repository.consumerByKey(parameters.oauth_consumer_key as string);
    const consumerSecret = consumer?.enabled && consumer.secretSealed ? this.secrets.open(consumer.secretSealed) : undefined;
    if (!consumer || consumerSecret === undefined) throw new OAuth1Failure(401, 'OBP-20009: Invalid consumer credentials');
    this.checkTimestamp(parameters.oauth_timestamp as string);

    const nonce: NonceKey = {
      consumerKey: consumer.key,
      token: parameters.oauth_token ?? '',
      timestamp: parameters.oauth_timestamp as string,
      nonce: parameters.oauth_nonce as string,
    };
    if (await this.nonces.isUsed(nonce)) throw new OAuth1Failure(401, 'Nonce already used');

    const token = await this.tokenOf(kind, parameters, consumer);
    const tokenSecret = token ? this.secrets.open(token.secretSealed) : '';
    if (tokenSecret === undefined) throw new OAuth1Failure(401, `Invalid or expired access token: ${parameters.oauth_token}`);

    const signed = [
      ...queryParameters(request.url),
      ...formParameters(request),
      ...Object.entries(parameters).filter(([name]) => name !== 'oauth_signature'),
    ] as [string, string][];
    const expected = sign(method, signatureBaseString(request.method, signedBaseUri(request, this.config.trustedProxies), signed), consumerSecret, tokenSecret);
    if (!signaturesMatch(expected, parameters.oauth_signature as string)) throw new OAuth1Failure(401, 'Invalid signature');

    // Twice the window: a timestamp accepted now stays inside the window for at most that long.
    if (!(await this.nonces.remember(nonce, 2 * this.config.auth.oauth1.timestampWindowSeconds))) throw new OAuth1Failure(401, 'Nonce already used');
    return { parameters, consumer, token };
  }

  /** OBP's texts; the window is OBP_OAUTH1_TIMESTAMP_WINDOW_SECONDS (see docs/COMPATIBILITY.md). */
  private checkTimestamp(timestamp: string): void {
    if (!/^\d{1,15}$/.test(timestamp)) throw new OAuth1Failure(400, `oauth_timestamp value: ${timestamp} is invalid`);
    const skew = Math.abs(Number(timestamp) - Math.floor(Date.now() / 1000));
    if (skew > this.config.auth.oauth1.timestampWindowSeconds) throw new OAuth1Failure(400, `oauth_timestamp value: ${timestamp} is in and invalid time range`);
  }

  private async tokenOf(kind: OAuth1RequestKind, parameters: OAuthParameters, consumer: OAuth1Consumer): Promise<StoredToken | undefined> {
    if (kind === 'requestToken') return undefined;
    const presented = parameters.oauth_token as string;
    const token = await this.repository.find(kind === 'accessToken' ? 'request' : 'access', tokenDigest(presented));
    const ownToken = token && token.consumerId === consumer.consumerId ? token : undefined;
    if (kind === 'protectedResource') {
      if (!ownToken) throw new OAuth1Failure(401, `Invalid or expired access token: ${presented}`);
      return ownToken;
    }
    // A request token is exchanged only once it is authorised and with its own verifier.
    if (!ownToken || !ownToken.userId || ownToken.verifierHash !== tokenDigest(parameters.oauth_verifier as string)) {
      throw new OAuth1Failure(401, `Invalid or expired request token: ${presented}`);
    }
    return ownToken;
  }
}
