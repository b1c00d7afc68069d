import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormOptions } from './orm.config';
import type { AppConfig } from './env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { replicaOptions } from './replicas';

export interface Database {
  orm: MikroORM;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

// DATABASE_URL when given; otherwise a local embedded PostgreSQL that keeps its data.
// `notice` gets what a person starting it should read (e.g. where the data went instead);
// `replicaLog` is told when a read replica (DATABASE_REPLICA_URLS) is skipped or used again.
export async function openDatabase(
  config: AppConfig,
  entities: Options['entities'],
  log?: (line: string) => void,
  notice: (line: string) => void = (line) => console.log(line),
  replicaLog?: (message: string, details: Record<string, unknown>) => void,
): Promise<Database> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({
        dataDir: config.embeddedDataDir,
        port: config.embeddedPort,
        databaseName: 'outside_in',
        persistent: true,
        log,
        notice,
      });
  try {
    const orm = await MikroORM.init(ormOptions(config.databaseUrl ?? embedded!.url, entities, replicaOptions(config.replicas, replicaLog)));
    await orm.getMigrator().up();
    return {
      orm,
      embedded,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
