import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122111646 } from './Migration20261122111646';

// Every migration, oldest first. `npm run migration:create` writes a new file; add it here.
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122111646', class: Migration20261122111646 },
];
