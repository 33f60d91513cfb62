import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Settings the server decides once and keeps with the database, so that they survive restarts
 * with a different configuration (the local identity provider chosen at first start).
 */
@Entity({ name: 'server_settings' })
export class ServerSettingEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
