import 'reflect-metadata';
import { readConfig } from '../config/env';
import { openDatabase } from '../config/database';
import { entities } from '../server/features';

// npm run migration:create: migrates the database, then writes the SQL that brings it to the
// entities as a new file in src/migrations (add it to src/migrations/index.ts).
async function main(): Promise<void> {
  const database = await openDatabase(readConfig(), entities);
  try {
    const result = await database.orm.getMigrator().createMigration('src/migrations', false, false);
    console.log(result.fileName ? `wrote src/migrations/${result.fileName}` : 'No changes: the schema matches the entities.');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
