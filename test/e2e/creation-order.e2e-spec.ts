import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CREATION_ORDERED_TABLES } from '../../migrations/1795368700000-CreationOrder';
import { createConsumer, grantRole, signUpAndLogin } from '../support/identity';
import { createTestApp } from '../support/test-app';

// Rows created in the same clock tick (PGlite's clock has millisecond resolution) used to be
// ordered by their random UUIDs, so "creation order" lists changed from one read to the next.
describe('Lists in creation order (e2e)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('entitlements created in the same instant are listed in the order they were granted, on every read', async () => {
    const user = await signUpAndLogin(app, (await createConsumer(app)).key);
    const roles = ['CanGetAnyUser', 'CanCreateConsumer', 'CanGetConsumers', 'CanGetCustomersAtAllBanks', 'CanCreateBank', 'CanGetCardsForBank'];
    for (const role of roles) await grantRole(app, user.userId, role);
    await app.get(DataSource).query(`UPDATE entitlements SET created_at = '2026-01-01T00:00:00Z' WHERE user_id = $1`, [user.userId]);
    for (let read = 0; read < 3; read++) {
      const mine = await request(app.getHttpServer()).get('/obp/v5.1.0/my/entitlements').set(user.auth).expect(200);
      expect(mine.body.list.map((entitlement: { role_name: string }) => entitlement.role_name)).toEqual(roles);
    }
  });

  it('every entity that declares creation_seq has it in the schema, and no table has it undeclared', async () => {
    const dataSource = app.get(DataSource);
    const declared = dataSource.entityMetadatas
      .filter((entity) => entity.columns.some((column) => column.databaseName === 'creation_seq'))
      .map((entity) => entity.tableName);
    const inSchema: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'creation_seq' AND table_schema = current_schema()`,
    );
    expect([...declared].sort()).toEqual([...CREATION_ORDERED_TABLES].sort());
    expect(inSchema.map((row) => row.table_name).sort()).toEqual([...CREATION_ORDERED_TABLES].sort());
  });
});
