import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'banks' })
export class BankEntity {
  @PrimaryColumn({ name: 'bank_id', type: 'text' })
  bankId: string;

  @Column({ name: 'bank_code', type: 'text', default: '' })
  bankCode: string;

  @Column({ name: 'short_name', type: 'text', default: '' })
  shortName: string;

  @Column({ name: 'full_name', type: 'text', default: '' })
  fullName: string;

  @Column({ name: 'logo_url', type: 'text', default: '' })
  logoUrl: string;

  @Column({ name: 'website_url', type: 'text', default: '' })
  websiteUrl: string;

  @Column({ name: 'routing_scheme', type: 'text', default: '' })
  routingScheme: string;

  @Column({ name: 'routing_address', type: 'text', default: '' })
  routingAddress: string;

  @Column({ name: 'swift_bic', type: 'text', default: '' })
  swiftBic: string;

  @Column({ name: 'national_identifier', type: 'text', default: '' })
  nationalIdentifier: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
