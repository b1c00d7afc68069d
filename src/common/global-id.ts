const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Our ids are lower-case UUIDs; anything else from a caller is not one of ours.
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function toGlobalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

// Returns null for anything that is not a well-formed id of ours: callers treat it as "not found".
export function fromGlobalId(globalId: string): { typeName: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  const typeName = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!isUuid(id) || toGlobalId(typeName, id) !== globalId) return null;
  return { typeName, id };
}

// The local id of a global id of the expected type, or null.
export function localIdOf(globalId: string, typeName: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.typeName === typeName ? parsed.id : null;
}
