import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A nonce already used with (consumer key, token, timestamp): RFC 5849 §3.3. Rows outlive the
 * timestamp window and are then deleted; used when REDIS_URL is not set.
 */
@Entity({ name: 'oauth1_nonces' })
@Index('oauth1_nonces_expires_at_idx', ['expiresAt'])
export class OAuth1NonceEntity {
  @PrimaryColumn({ name: 'consumer_key', type: 'text' })
  consumerKey: string;

  @PrimaryColumn({ type: 'text' })
  token: string;

  @PrimaryColumn({ type: 'bigint' })
  timestamp: string;

  @PrimaryColumn({ type: 'text' })
  nonce: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
