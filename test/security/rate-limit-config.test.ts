import { ConfigError, readConfig } from '../../src/config/env';

describe('rate-limit configuration from the environment', () => {
  it('should default to the product bucket in memory', () => {
    expect(readConfig({}).rateLimit).toEqual({ capacity: 1000, refillPerSecond: 50, store: 'memory', poolSize: 2 });
  });

  it('should read RATE_LIMIT_CAPACITY, RATE_LIMIT_REFILL_PER_SECOND, RATE_LIMIT_STORE and RATE_LIMIT_PG_POOL_SIZE', () => {
    const env = {
      RATE_LIMIT_CAPACITY: '5000',
      RATE_LIMIT_REFILL_PER_SECOND: '0.5',
      RATE_LIMIT_STORE: 'postgres',
      RATE_LIMIT_PG_POOL_SIZE: '4',
    };
    expect(readConfig(env).rateLimit).toEqual({ capacity: 5000, refillPerSecond: 0.5, store: 'postgres', poolSize: 4 });
  });

  it.each([
    [{ RATE_LIMIT_CAPACITY: '0' }, 'RATE_LIMIT_CAPACITY must be a whole number of at least 1, got "0".'],
    [{ RATE_LIMIT_CAPACITY: '1.5' }, 'RATE_LIMIT_CAPACITY must be a whole number of at least 1, got "1.5".'],
    [{ RATE_LIMIT_REFILL_PER_SECOND: '0' }, 'RATE_LIMIT_REFILL_PER_SECOND must be a number above 0, got "0".'],
    [{ RATE_LIMIT_REFILL_PER_SECOND: 'fast' }, 'RATE_LIMIT_REFILL_PER_SECOND must be a number above 0, got "fast".'],
    [{ RATE_LIMIT_STORE: 'redis' }, 'RATE_LIMIT_STORE must be memory or postgres, got "redis".'],
    [{ RATE_LIMIT_PG_POOL_SIZE: '0' }, 'RATE_LIMIT_PG_POOL_SIZE must be a whole number of at least 1, got "0".'],
  ])('should refuse %j with one clear line', (env, message) => {
    expect(() => readConfig(env)).toThrow(new ConfigError(message));
  });
});
