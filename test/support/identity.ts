import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthContextService } from '../../src/modules/auth/auth-context.service';
import { ConsumersService } from '../../src/modules/consumers/consumers.service';
import { registerSecret } from './run-log';

export const STRONG_PASSWORD = 'Str0ng-Passw0rd!';

export interface TestUser {
  userId: string;
  username: string;
  password: string;
  token: string;
  /** Headers for an authenticated request. */
  auth: { DirectLogin: string };
}

/** Unique per call so specs never collide on a shared database. */
export function uniqueName(prefix: string): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export async function createConsumer(app: NestFastifyApplication, enabled = true): Promise<{ key: string; consumerId: string }> {
  const created = await app.get(ConsumersService).create({ appName: uniqueName('app-'), enabled });
  registerSecret(created.secret);
  return { key: created.consumer.key, consumerId: created.consumer.consumerId };
}

export function directLogin(app: NestFastifyApplication, username: string, password: string, consumerKey: string) {
  return request(app.getHttpServer()).post('/my/logins/direct').set('DirectLogin', `username=${username}, password=${password}, consumer_key=${consumerKey}`);
}

/** Signs a user up through the API and logs in through DirectLogin: the real path, end to end. */
export async function signUpAndLogin(app: NestFastifyApplication, consumerKey: string): Promise<TestUser> {
  const username = uniqueName('user');
  const created = await request(app.getHttpServer())
    .post('/obp/v5.1.0/users')
    .send({ email: `${username}@example.com`, username, password: STRONG_PASSWORD, first_name: 'Test', last_name: 'User' })
    .expect(201);
  const login = await directLogin(app, username, STRONG_PASSWORD, consumerKey).expect(201);
  const token: string = login.body.token;
  return { userId: created.body.user_id, username, password: STRONG_PASSWORD, token, auth: { DirectLogin: `token=${token}` } };
}

/** Grants a role straight in the database (for arranging tests of other features). */
export async function grantRole(app: NestFastifyApplication, userId: string, roleName: string, bankId = ''): Promise<void> {
  await app
    .get(DataSource)
    .query('INSERT INTO entitlements (user_id, bank_id, role_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [userId, bankId, roleName]);
  app.get(AuthContextService).invalidateUser(userId);
}

export async function createBank(app: NestFastifyApplication, bankId = uniqueName('bank.')): Promise<string> {
  await app.get(DataSource).query('INSERT INTO banks (bank_id, short_name, full_name) VALUES ($1, $1, $1)', [bankId]);
  return bankId;
}
