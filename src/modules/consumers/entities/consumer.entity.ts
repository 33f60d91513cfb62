import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An API consumer (application). The secret is shown once at creation and stored hashed. */
@Entity({ name: 'consumers' })
@Index('consumers_azp_key', ['azp'], { unique: true, where: 'azp IS NOT NULL' })
export class ConsumerEntity {
  /** OBP's numeric primary key; v2.1.0/v3.0.0 URLs use it. */
  @PrimaryGeneratedColumn('increment', { name: 'id' })
  id: number;

  @Column({ name: 'consumer_id', type: 'uuid', unique: true })
  consumerId: string;

  @Column({ name: 'consumer_key', type: 'text', unique: true })
  key: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  /** The secret sealed by SecretBox, for OAuth 1.0a signatures; null for consumers made before OAuth 1.0a existed here. */
  @Column({ name: 'secret_sealed', type: 'text', nullable: true })
  secretSealed: string | null;

  @Column({ name: 'app_name', type: 'text' })
  appName: string;

  @Column({ name: 'app_type', type: 'text', default: '' })
  appType: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'developer_email', type: 'text', default: '' })
  developerEmail: string;

  @Column({ name: 'redirect_url', type: 'text', default: '' })
  redirectUrl: string;

  @Column({ type: 'text', default: '' })
  company: string;

  @Column({ name: 'client_certificate', type: 'text', nullable: true })
  clientCertificate: string | null;

  @Index('consumers_created_by_user_id_idx')
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** OIDC authorised party (client id) of consumers created by bearer logins. */
  @Column({ type: 'text', nullable: true })
  azp: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
