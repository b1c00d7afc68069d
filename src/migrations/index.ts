import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122111646 } from './Migration20261122111646';
import { Migration20261122112444 } from './Migration20261122112444';
import { Migration20261122120114 } from './Migration20261122120114';
import { Migration20261122120532 } from './Migration20261122120532';
import { Migration20261122132600 } from './Migration20261122132600';
import { Migration20261122150100 } from './Migration20261122150100';
import { Migration20261122150200 } from './Migration20261122150200';
import { Migration20261122150300 } from './Migration20261122150300';
import { Migration20261122150400 } from './Migration20261122150400';
import { Migration20261202061637 } from './Migration20261202061637';
import { Migration20261202075000 } from './Migration20261202075000';
import { Migration20261202080000 } from './Migration20261202080000';
import { Migration20261202081200 } from './Migration20261202081200';
import { Migration20261202081247 } from './Migration20261202081247';
import { Migration20261202083418 } from './Migration20261202083418';
import { Migration20261202084500 } from './Migration20261202084500';
import { Migration20261202090000 } from './Migration20261202090000';
import { Migration20261202093500 } from './Migration20261202093500';
import { Migration20261202094000 } from './Migration20261202094000';
import { Migration20261202133000 } from './Migration20261202133000';

// Every migration, oldest first. `npm run migration:create` writes a new file; add it here.
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122111646', class: Migration20261122111646 },
  { name: 'Migration20261122112444', class: Migration20261122112444 },
  { name: 'Migration20261122120114', class: Migration20261122120114 },
  { name: 'Migration20261122120532', class: Migration20261122120532 },
  { name: 'Migration20261122132600', class: Migration20261122132600 },
  { name: 'Migration20261122150100', class: Migration20261122150100 },
  { name: 'Migration20261122150200', class: Migration20261122150200 },
  { name: 'Migration20261122150300', class: Migration20261122150300 },
  { name: 'Migration20261122150400', class: Migration20261122150400 },
  { name: 'Migration20261202061637', class: Migration20261202061637 },
  { name: 'Migration20261202075000', class: Migration20261202075000 },
  { name: 'Migration20261202080000', class: Migration20261202080000 },
  { name: 'Migration20261202081200', class: Migration20261202081200 },
  { name: 'Migration20261202081247', class: Migration20261202081247 },
  { name: 'Migration20261202083418', class: Migration20261202083418 },
  { name: 'Migration20261202084500', class: Migration20261202084500 },
  { name: 'Migration20261202090000', class: Migration20261202090000 },
  { name: 'Migration20261202093500', class: Migration20261202093500 },
  { name: 'Migration20261202094000', class: Migration20261202094000 },
  { name: 'Migration20261202133000', class: Migration20261202133000 },
];
