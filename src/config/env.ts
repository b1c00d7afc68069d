import path from 'node:path';

// The one place that reads configuration: everything comes from the environment.
export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  production: boolean;
  logLevel: string;
  // Where the embedded PostgreSQL keeps its data when DATABASE_URL is absent (git-ignored).
  embeddedDataDir: string;
  embeddedPort: number;
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
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    embeddedDataDir: path.resolve(env.EMBEDDED_POSTGRES_DIR ?? path.join(process.cwd(), '.data', 'postgres')),
    embeddedPort,
  };
}

// A configuration mistake the operator can fix; printed as one line, without a stack.
export class ConfigError extends Error {}
