import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import type { AuditTrail } from '../../common/context';

export function recordRead(trail: AuditTrail, objectType: string, objectId: string, field: string): void {
  const key = `${objectType}:${objectId}`;
  let read = trail.reads.get(key);
  if (!read) {
    read = { objectType, objectId, fields: new Set() };
    trail.reads.set(key, read);
  }
  read.fields.add(field);
}

// The reads of a request as JSON, kept with a response that is replayed later (Idempotency-Key):
// a replay hands out the same personal data again, so its reads are logged again.
export interface StoredRead {
  objectType: string;
  objectId: string;
  fields: string[];
}

export function storedReads(trail: AuditTrail): StoredRead[] {
  return [...trail.reads.values()].map((read) => ({
    objectType: read.objectType,
    objectId: read.objectId,
    fields: [...read.fields].sort(),
  }));
}

export function restoreReads(trail: AuditTrail, reads: readonly StoredRead[]): void {
  for (const read of reads) {
    for (const field of read.fields) recordRead(trail, read.objectType, read.objectId, field);
  }
}

// A value of personal data leaving through the API: recorded when there is one to read.
export function readPersonal<T>(trail: AuditTrail, objectType: string, objectId: string, field: string, value: T | null): T | null {
  if (value !== null && value !== undefined) recordRead(trail, objectType, objectId, field);
  return value;
}

// Written in place of a value the log must not keep.
export const REDACTED = '[redacted]';

// Scalars whose values are safe to keep: ids, numbers, flags. Every String (names, emails,
// notes, evidence, passwords) and every other scalar (dates) is kept only as "given".
const KEPT_SCALARS = new Set(['ID', 'Int', 'Float', 'Boolean']);

// The mutation's arguments with every value the log must not keep replaced by REDACTED:
// which fields were given stays visible; enum values, ids and numbers stay; lists of anything
// else become their count. Driven by the schema's input types, so a new String field is
// redacted without anyone remembering to.
export function redactArguments(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const definition of definitions) {
    if (definition.name in args) summary[definition.name] = redact(definition.type, args[definition.name]);
  }
  return summary;
}

function redact(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = getNullableType(nullable.ofType);
    const items = value as unknown[];
    return keeps(item) ? items : { count: items.length };
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    const summary: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      if (name in (value as object)) summary[name] = redact(field.type, (value as Record<string, unknown>)[name]);
    }
    return summary;
  }
  return keeps(nullable) ? value : REDACTED;
}

function keeps(type: GraphQLInputType): boolean {
  return isEnumType(type) || (isScalarType(type) && KEPT_SCALARS.has(type.name));
}
