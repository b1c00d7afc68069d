import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConfigError, readConfig } from '../config/env';
import { openDatabase } from '../config/database';
import { seedDemo } from '../../seeds/demo.seeder';
import { entities } from '../server/features';

// npm run seed: applies migrations and loads the demo world unless it is already there.
async function main(): Promise<void> {
  const config = readConfig();
  if (config.production) throw new ConfigError('The demo data is never loaded when NODE_ENV=production.');
  const database = await openDatabase(config, entities);
  try {
    const seeded = await seedDemo(database.orm.em.fork() as EntityManager);
    console.log(seeded ? 'Demo data loaded.' : 'Demo data was already there; nothing changed.');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`outside-in: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
