import { randomBytes, randomUUID, createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { sign } from 'jsonwebtoken';
import type { Repository } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ServerSecretEntity } from './entities/server-secret.entity';

export const TOKEN_ALGORITHM = 'HS256';
const SIGNING_SECRET_NAME = 'directlogin-jwt-hmac';

export interface DirectLoginClaims {
  sub: string;
  /** consumer_id of the application the token was issued to */
  cid: string;
}

/**
 * Issues DirectLogin tokens: HS256 JWTs with sub (user_id), cid (consumer_id), jti and exp. The
 * key is OBP_JWT_SECRET, or a random key generated once and shared by all instances through the
 * database. Held as a KeyObject: verification with a KeyObject is far cheaper than with a string.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private key: KeyObject;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(ServerSecretEntity) private readonly secrets: Repository<ServerSecretEntity>,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret = this.config.auth.jwtSecret ?? (await this.persistedSecret());
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  get verificationKey(): KeyObject {
    return this.key;
  }

  get issuer(): string {
    return this.config.apiInfo.hostname;
  }

  issue(claims: DirectLoginClaims): string {
    return sign({ cid: claims.cid }, this.key, {
      algorithm: TOKEN_ALGORITHM,
      subject: claims.sub,
      issuer: this.issuer,
      jwtid: randomUUID(),
      expiresIn: this.config.auth.tokenExpirationWeeks * 7 * 24 * 3600,
    });
  }

  /** Insert-if-absent, then read: concurrent first starts of several instances agree on one key. */
  private async persistedSecret(): Promise<string> {
    await this.secrets
      .createQueryBuilder()
      .insert()
      .values({ name: SIGNING_SECRET_NAME, value: randomBytes(48).toString('base64url') })
      .orIgnore()
      .execute();
    const row = await this.secrets.findOneByOrFail({ name: SIGNING_SECRET_NAME });
    return row.value;
  }
}
