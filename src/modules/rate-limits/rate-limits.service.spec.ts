import type { Repository } from 'typeorm';
import { AppMetrics } from '../../common/metrics/metrics';
import { loadConfig } from '../../config/app-config';
import type { RateLimitEntity } from '../consumers/entities/rate-limit.entity';
import { RateLimitExceeded, RateLimitsService, type CallIdentity } from './rate-limits.service';

const CONSUMER = '6a1c1f3e-2b0e-4a7c-9d51-0c1b6f2a7e10';

function record(overrides: Partial<RateLimitEntity>): RateLimitEntity {
  return {
    rateLimitId: `${Math.random()}`,
    consumerId: CONSUMER,
    bankId: null,
    apiVersion: null,
    apiName: null,
    fromDate: new Date(Date.now() - 86_400_000),
    toDate: new Date(Date.now() + 86_400_000),
    perSecond: '-1',
    perMinute: '-1',
    perHour: '-1',
    perDay: '-1',
    perWeek: '-1',
    perMonth: '-1',
    ...overrides,
  } as RateLimitEntity;
}

/** The service on the in-process store, reading limit records from `records` (the reads counted). */
function serviceWith(records: RateLimitEntity[], env: Record<string, string> = {}) {
  const repository = { findBy: jest.fn(async () => records) };
  const config = loadConfig({ OBP_USE_CONSUMER_LIMITS: 'true', REDIS_URL: '', OBP_RATE_LIMIT_CACHE_SECONDS: '60', ...env });
  const service = new RateLimitsService(config, repository as unknown as Repository<RateLimitEntity>, new AppMetrics(false));
  return { service, repository };
}

const call = (apiName: string, apiVersion = 'v5.1.0'): CallIdentity => ({ consumerId: CONSUMER, clientIp: '192.0.2.1', apiVersion, apiName });

describe('RateLimitsService (in-process store)', () => {
  it('applies the governing record per API name and version, from records read once per interval', async () => {
    const { service, repository } = serviceWith([record({ perMinute: '10' }), record({ apiName: 'getBanks', perMinute: '2' })]);
    try {
      expect(await service.check(call('getBanks'))).toMatchObject({ 'X-Rate-Limit-Limit': '2', 'X-Rate-Limit-Remaining': '1' });
      expect(await service.check(call('getBank'))).toMatchObject({ 'X-Rate-Limit-Limit': '10', 'X-Rate-Limit-Remaining': '9' });
      expect(await service.check(call('getBanks', 'v4.0.0'))).toMatchObject({ 'X-Rate-Limit-Limit': '2', 'X-Rate-Limit-Remaining': '0' });
      await expect(service.check(call('getBanks'))).rejects.toBeInstanceOf(RateLimitExceeded);
      expect(await service.check(call('getBank'))).toMatchObject({ 'X-Rate-Limit-Remaining': '8' });
      // root is excluded by default: not counted, no headers
      expect(await service.check(call('root'))).toBeUndefined();
      expect(repository.findBy).toHaveBeenCalledTimes(1);
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('stops applying a record when its to_date passes, even within the cache interval', async () => {
    const { service, repository } = serviceWith([record({ perMinute: '5', toDate: new Date(Date.now() + 300) })]);
    try {
      expect(await service.check(call('getBanks'))).toMatchObject({ 'X-Rate-Limit-Limit': '5' });
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await service.check(call('getBanks'))).toBeUndefined();
      expect(repository.findBy).toHaveBeenCalledTimes(2);
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('starts applying a record when its from_date comes, even within the cache interval', async () => {
    const { service } = serviceWith([record({ perMinute: '5', fromDate: new Date(Date.now() + 300) })]);
    try {
      expect(await service.check(call('getBanks'))).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await service.check(call('getBanks'))).toMatchObject({ 'X-Rate-Limit-Limit': '5', 'X-Rate-Limit-Remaining': '4' });
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('calls that find the cache expired share one read of the records', async () => {
    const { service, repository } = serviceWith([record({ perMinute: '100' })]);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => service.check(call('getBanks'))));
      expect(results.map((headers) => headers?.['X-Rate-Limit-Remaining']).sort((a, b) => Number(b) - Number(a))).toEqual(
        Array.from({ length: 20 }, (_, i) => String(99 - i)),
      );
      expect(repository.findBy).toHaveBeenCalledTimes(1);
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('a read in flight when a limit changes is not cached: the next call reads the new records', async () => {
    let records = [record({ perMinute: '5' })];
    const { service, repository } = serviceWith([]);
    let release!: () => void;
    repository.findBy.mockImplementationOnce(() => {
      const before = records;
      return new Promise((resolve) => (release = () => resolve(before)));
    });
    try {
      const first = service.check(call('getBanks'));
      records = [record({ perMinute: '7' })];
      service.invalidate(CONSUMER);
      release();
      expect(await first).toMatchObject({ 'X-Rate-Limit-Limit': '5' });
      repository.findBy.mockImplementation(async () => records);
      expect(await service.check(call('getBanks'))).toMatchObject({ 'X-Rate-Limit-Limit': '7' });
      expect(repository.findBy).toHaveBeenCalledTimes(2);
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('reads the records on every call when OBP_RATE_LIMIT_CACHE_SECONDS is 0', async () => {
    const { service, repository } = serviceWith([record({ perMinute: '5' })], { OBP_RATE_LIMIT_CACHE_SECONDS: '0' });
    try {
      for (let i = 0; i < 3; i++) await service.check(call('getBanks'));
      expect(repository.findBy).toHaveBeenCalledTimes(3);
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('counts anonymous calls per client IP against OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS', async () => {
    const { service } = serviceWith([], { OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS: '2' });
    const anonymous = (clientIp: string): CallIdentity => ({ consumerId: undefined, clientIp, apiVersion: 'v5.1.0', apiName: 'getBanks' });
    try {
      expect(await service.check(anonymous('192.0.2.1'))).toMatchObject({ 'X-Rate-Limit-Limit': '2', 'X-Rate-Limit-Remaining': '1' });
      expect(await service.check(anonymous('192.0.2.1'))).toMatchObject({ 'X-Rate-Limit-Remaining': '0' });
      await expect(service.check(anonymous('192.0.2.1'))).rejects.toThrow(/We only allow 2 requests per hour for anonymous access/);
      expect(await service.check(anonymous('192.0.2.2'))).toMatchObject({ 'X-Rate-Limit-Remaining': '1' });
    } finally {
      await service.onModuleDestroy();
    }
  });
});
