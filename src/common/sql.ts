import { isUuid } from './global-id';

// A list of uuids as ONE bind parameter (a PostgreSQL array literal), for `= any(?::uuid[])`.
// Knex would otherwise spread an array into one parameter per item.
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!isUuid(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}
