import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { CustomerEntity } from '../modules/customers/entities/customer.entity';
import { buildDataSourceOptions } from './data-source-options';
import { entityColumns, entityInsert } from './pg-queries';

/**
 * entityInsert's fixed statement must write what TypeORM's insert builder writes for the same fields
 * (the create path switched from one to the other): the same row, defaults included, against the test
 * database (PostgreSQL or the embedded PGlite), inside a transaction that is rolled back.
 */
describe('entityInsert', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(buildDataSourceOptions(process.env.DATABASE_URL as string, 1, false));
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  const returning = () => entityColumns(dataSource, CustomerEntity);

  /** Runs `work` with a new bank inside a transaction that is always rolled back. */
  async function withRolledBackBank(work: (runner: QueryRunner, bankId: string) => Promise<void>): Promise<void> {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const bankId = `spec-${randomUUID()}`;
      await runner.query('INSERT INTO banks (bank_id, short_name, full_name) VALUES ($1, $1, $1)', [bankId]);
      await work(runner, bankId);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }
  const withoutIdentity = ({ customerId, customerNumber, createdAt, updatedAt, ...rest }: CustomerEntity) => {
    void [customerId, customerNumber, createdAt, updatedAt];
    return rest;
  };

  it.each([
    ['only the required fields', { legalName: 'Ada', mobilePhoneNumber: '+44 1' }],
    [
      'every field',
      {
        legalName: 'Ada',
        mobilePhoneNumber: '+44 1',
        email: 'ada@example.com',
        faceImageUrl: 'https://example.com/a.png',
        faceImageDate: new Date('2020-01-02T03:04:05Z'),
        dateOfBirth: new Date('1990-05-06T00:00:00Z'),
        relationshipStatus: 'single',
        dependants: 2,
        dobOfDependants: [new Date('2015-01-01T00:00:00Z'), new Date('2017-02-03T00:00:00Z')],
        creditRating: 'A',
        creditSource: 'bureau',
        creditLimitCurrency: 'EUR',
        creditLimitAmount: '1000',
        highestEducationAttained: 'MSc',
        employmentStatus: 'employed',
        kycStatus: true,
        lastOkDate: new Date('2024-07-08T09:10:11Z'),
        title: 'Dr',
        branchId: 'b1',
        nameSuffix: 'III',
      },
    ],
  ])('writes the same row as TypeORM for %s', async (_case, fields) => {
    const insert = entityInsert(dataSource, CustomerEntity, 'spec_customer_insert', returning());
    await withRolledBackBank(async (runner, bankId) => {
      const row = (id: string, number: string) => ({ ...fields, customerId: id, bankId, customerNumber: number });

      const [fixed] = (await runner.query(insert.statement.text, insert.values(row(randomUUID(), '1')))) as CustomerEntity[];
      const built = await runner.manager
        .createQueryBuilder()
        .insert()
        .into(CustomerEntity)
        .values(runner.manager.create(CustomerEntity, row(randomUUID(), '2')))
        .returning(returning())
        .execute();
      const [typeorm] = built.raw as CustomerEntity[];

      expect(withoutIdentity(fixed)).toEqual(withoutIdentity(typeorm));
      expect(fixed.bankId).toBe(bankId);
      expect(fixed.createdAt).toBeInstanceOf(Date);
      expect(fixed.updatedAt).toBeInstanceOf(Date);
    });
  });

  it('gives a NOT NULL column its default when the value is null, where a plain insert would fail', async () => {
    const insert = entityInsert(dataSource, CustomerEntity, 'spec_customer_insert', returning());
    await withRolledBackBank(async (runner, bankId) => {
      const values = insert.values({
        customerId: randomUUID(),
        bankId,
        customerNumber: '1',
        legalName: 'A',
        mobilePhoneNumber: '1',
        email: null,
        dependants: null,
      });
      const [row] = (await runner.query(insert.statement.text, values)) as CustomerEntity[];
      expect(row.email).toBe('');
      expect(row.dependants).toBe(0);
      expect(row.dobOfDependants).toEqual([]);
      expect(row.kycStatus).toBe(false);
    });
  });

  it('binds one value per column but the creation and update dates, in column order', () => {
    const insert = entityInsert(dataSource, CustomerEntity, 'spec_customer_insert', returning());
    const columns = dataSource.getMetadata(CustomerEntity).columns.filter((column) => !column.isCreateDate && !column.isUpdateDate);
    const values = insert.values({ customerId: 'id', legalName: 'A', unrelated: 'ignored' });
    expect(values).toHaveLength(columns.length);
    expect(values[columns.findIndex((column) => column.propertyName === 'legalName')]).toBe('A');
    expect(values).not.toContain('ignored');
    expect(insert.statement.text).toMatch(/DEFAULT, DEFAULT\) RETURNING /);
  });
});
