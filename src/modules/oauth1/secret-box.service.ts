import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const KEY_ROW_NAME = 'oauth1-secret-encryption';
const VERSION = 'v1';

/**
 * Encrypts the secrets OAuth 1.0a needs in clear to check an HMAC signature (consumer secrets,
 * token secrets): AES-256-GCM under a key derived from OBP_OAUTH1_ENCRYPTION_KEY, or from a random
 * key generated once and shared by all instances through the database. Set the variable in
 * production so a copy of the database alone does not reveal the secrets.
 */
@Injectable()
export class SecretBox implements OnModuleInit {
  private key: Buffer;
  private macKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const material = this.config.auth.oauth1.encryptionKey ?? (await this.persistedKey());
    this.key = Buffer.from(hkdfSync('sha256', material, 'obp-oauth1', 'secret-box', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', material, 'obp-oauth1', 'mac', 32));
  }

  /** An HMAC-SHA256 (base64url) under a key every instance shares. */
  mac(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('base64url');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** undefined when the value was sealed under another key (or is not a sealed value at all). */
  open(sealed: string): string | undefined {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** Insert-if-absent, then read: concurrent first starts agree on one key (as TokenService does). */
  private async persistedKey(): Promise<string> {
    await this.dataSource.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      KEY_ROW_NAME,
      randomBytes(32).toString('base64url'),
    ]);
    const rows: { value: string }[] = await this.dataSource.query('SELECT value FROM server_secrets WHERE name = $1', [KEY_ROW_NAME]);
    return rows[0].value;
  }
}

/** Tokens are looked up by their SHA-256: the database never holds a usable token. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
