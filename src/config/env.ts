import path from 'node:path';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './limits';

// The one place that reads configuration: everything comes from the environment.
export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  // Read replicas (DATABASE_REPLICA_URLS); empty: everything runs on DATABASE_URL.
  replicas: ReplicaConfig;
  production: boolean;
  logLevel: string;
  // Where the embedded PostgreSQL keeps its data when DATABASE_URL is absent (git-ignored).
  embeddedDataDir: string;
  embeddedPort: number;
  webhooks: WebhookConfig;
  rateLimit: RateLimitConfig;
  // DATA_ENCRYPTION_KEY (32 bytes); null outside production when unset: a development key is used.
  dataEncryptionKey: Buffer | null;
}

// Streaming replicas of DATABASE_URL that GraphQL queries read from (src/config/replicas.ts).
export interface ReplicaConfig {
  urls: string[];
  // A replica further behind than this is not read from until it catches up.
  maxLagSeconds: number;
  // How often each replica's health and lag are checked.
  checkIntervalMs: number;
}

// Webhook delivery (see src/modules/webhook/delivery).
export interface WebhookConfig {
  // Whether the API process delivers webhooks itself (WEBHOOK_DELIVERY=off when `npm run worker` does).
  deliverInProcess: boolean;
  // Loopback receivers (127.0.0.1, localhost) are refused in production, allowed elsewhere.
  allowLoopback: boolean;
  // How often the outbox relay looks for new deliveries.
  pollIntervalMs: number;
  // The first retry waits about this long; each next one about twice as long.
  retryDelaySeconds: number;
  retryLimit: number;
  // After this long a failing delivery gives up (3 days).
  maxAgeSeconds: number;
  timeoutMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}".`);
  }
  const embeddedPort = Number(env.EMBEDDED_POSTGRES_PORT ?? 5433);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    replicas: readReplicaConfig(env),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    embeddedDataDir: path.resolve(env.EMBEDDED_POSTGRES_DIR ?? path.join(process.cwd(), '.data', 'postgres')),
    embeddedPort,
    webhooks: readWebhookConfig(env),
    rateLimit: readRateLimitConfig(env),
    dataEncryptionKey: readDataEncryptionKey(env),
  };
}

function readReplicaConfig(env: NodeJS.ProcessEnv): ReplicaConfig {
  const urls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError(
        `DATABASE_REPLICA_URLS must be postgres:// URLs separated by commas, got "${url.replace(/:[^:@/]*@/, ':…@')}".`,
      );
    }
  }
  if (urls.length > 0 && !env.DATABASE_URL) {
    throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL (the primary the replicas stream from).');
  }
  const maxLagSeconds = Number(env.DATABASE_REPLICA_MAX_LAG_SECONDS ?? 5);
  if (!Number.isFinite(maxLagSeconds) || maxLagSeconds <= 0) {
    throw new ConfigError(`DATABASE_REPLICA_MAX_LAG_SECONDS must be a number above 0, got "${env.DATABASE_REPLICA_MAX_LAG_SECONDS}".`);
  }
  const checkIntervalMs = Number(env.DATABASE_REPLICA_CHECK_INTERVAL_MS ?? 1000);
  if (!Number.isInteger(checkIntervalMs) || checkIntervalMs < 50) {
    throw new ConfigError(
      `DATABASE_REPLICA_CHECK_INTERVAL_MS must be a whole number of at least 50, got "${env.DATABASE_REPLICA_CHECK_INTERVAL_MS}".`,
    );
  }
  return { urls, maxLagSeconds, checkIntervalMs };
}

function readDataEncryptionKey(env: NodeJS.ProcessEnv): Buffer | null {
  if (env.DATA_ENCRYPTION_KEY) return parseDataEncryptionKey(env.DATA_ENCRYPTION_KEY);
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(`NODE_ENV=production needs DATA_ENCRYPTION_KEY (it encrypts webhook secrets at rest): ${KEY_RULE}.`);
  }
  return null;
}

// The token bucket per credential (src/server/rate-limit.ts).
function readRateLimitConfig(env: NodeJS.ProcessEnv): RateLimitConfig {
  const number = (name: string, fallback: number, valid: (value: number) => boolean, rule: string) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || !valid(value)) throw new ConfigError(`${name} must be ${rule}, got "${env[name]}".`);
    return value;
  };
  const store = env.RATE_LIMIT_STORE ?? DEFAULT_RATE_LIMIT.store;
  if (store !== 'memory' && store !== 'postgres') {
    throw new ConfigError(`RATE_LIMIT_STORE must be memory or postgres, got "${store}".`);
  }
  return {
    capacity: number(
      'RATE_LIMIT_CAPACITY',
      DEFAULT_RATE_LIMIT.capacity,
      (v) => Number.isInteger(v) && v >= 1,
      'a whole number of at least 1',
    ),
    refillPerSecond: number('RATE_LIMIT_REFILL_PER_SECOND', DEFAULT_RATE_LIMIT.refillPerSecond, (v) => v > 0, 'a number above 0'),
    store,
    poolSize: number(
      'RATE_LIMIT_PG_POOL_SIZE',
      DEFAULT_RATE_LIMIT.poolSize,
      (v) => Number.isInteger(v) && v >= 1,
      'a whole number of at least 1',
    ),
  };
}

function readWebhookConfig(env: NodeJS.ProcessEnv): WebhookConfig {
  const delivery = env.WEBHOOK_DELIVERY ?? 'in-process';
  if (delivery !== 'in-process' && delivery !== 'off') {
    throw new ConfigError(`WEBHOOK_DELIVERY must be in-process or off, got "${delivery}".`);
  }
  const pollIntervalMs = Number(env.WEBHOOK_POLL_INTERVAL_MS ?? 1000);
  if (!Number.isInteger(pollIntervalMs) || pollIntervalMs < 10) {
    throw new ConfigError(`WEBHOOK_POLL_INTERVAL_MS must be a whole number of at least 10, got "${env.WEBHOOK_POLL_INTERVAL_MS}".`);
  }
  return {
    deliverInProcess: delivery === 'in-process',
    allowLoopback: env.NODE_ENV !== 'production',
    pollIntervalMs,
    // 30 s, doubling (with jitter) 13 times: the retries span about three days.
    retryDelaySeconds: 30,
    retryLimit: 13,
    maxAgeSeconds: 3 * 24 * 60 * 60,
    timeoutMs: 10_000,
  };
}

const KEY_RULE = '32 random bytes as 64 hex digits or as base64 (e.g. `openssl rand -base64 32`)';

// DATA_ENCRYPTION_KEY: 32 bytes, hex or base64.
export function parseDataEncryptionKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(value) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(value))) {
    throw new ConfigError(`DATA_ENCRYPTION_KEY must be ${KEY_RULE}.`);
  }
  return key;
}

// A configuration mistake the operator can fix; printed as one line, without a stack.
export class ConfigError extends Error {}
