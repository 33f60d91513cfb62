import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConsumerEntity } from '../../consumers/entities/consumer.entity';
import { UserEntity } from '../../users/entities/user.entity';

export type OAuth1TokenKind = 'request' | 'access';

/**
 * An OAuth 1.0a request or access token. The token is kept only as its SHA-256 (lookups), the
 * token secret sealed (the server needs it in clear to check HMAC signatures), the verifier as its
 * SHA-256. Deleting the consumer or the user deletes their tokens.
 */
@Entity({ name: 'oauth1_tokens' })
@Index('oauth1_tokens_token_hash_key', ['tokenHash'], { unique: true })
@Index('oauth1_tokens_user_id_idx', ['userId'])
@Index('oauth1_tokens_consumer_id_idx', ['consumerId'])
@Index('oauth1_tokens_expires_at_idx', ['expiresAt'])
export class OAuth1TokenEntity {
  @PrimaryColumn({ name: 'token_id', type: 'uuid' })
  tokenId: string;

  @Column({ type: 'text' })
  kind: OAuth1TokenKind;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed: string;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @ManyToOne(() => ConsumerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', referencedColumnName: 'consumerId', foreignKeyConstraintName: 'oauth1_tokens_consumer_id_fkey' })
  consumer?: ConsumerEntity;

  /** Set when the user authorises a request token; always set on access tokens. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'userId', foreignKeyConstraintName: 'oauth1_tokens_user_id_fkey' })
  user?: UserEntity;

  /** Request tokens: the consumer's callback URL, or "oob". */
  @Column({ type: 'text', nullable: true })
  callback: string | null;

  @Column({ name: 'verifier_hash', type: 'text', nullable: true })
  verifierHash: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
