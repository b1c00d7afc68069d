import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildAppSchema, printAppSchema } from '../server/schema';

export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

// Writes the SDL the server runs with to schema/schema.graphql (CI fails when it drifts).
async function main(): Promise<void> {
  const sdl = printAppSchema(await buildAppSchema());
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
}

void main();
