import { Column } from 'typeorm';

/** A postal address as OBP's branch and ATM JSON carries it. */
export interface SiteAddress {
  line_1: string;
  line_2: string;
  line_3: string;
  city: string;
  county: string;
  state: string;
  post_code: string;
  country_code: string;
}

/** Columns branches and ATMs share: name, address, location and data licence. */
export abstract class SiteColumns {
  @Column({ name: 'bank_id', type: 'text', primary: true })
  bankId: string;

  @Column({ type: 'text', default: '' })
  name: string;

  @Column({ type: 'jsonb' })
  address: SiteAddress;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ name: 'license_id', type: 'text', default: '' })
  licenseId: string;

  @Column({ name: 'license_name', type: 'text', default: '' })
  licenseName: string;
}
