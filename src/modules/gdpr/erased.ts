import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError } from '../../common/errors';
import { ErasedExternalRef } from './erased-external-ref.entity';
import { erasedRefHash } from './erasure';

// What other features need to know about erased candidates (kept light: no GraphQL types).

export const ERASED_MESSAGE = "This candidate's personal data was erased (GDPR); nothing can be written about them.";

export function alreadyErased(field: string[]): UserInputError {
  return UserInputError.of(UserErrorCode.ERASED, ERASED_MESSAGE, field);
}

// Which of these refs (system, externalId) belonged to an erased candidate of the firm: one statement.
export async function erasedRefKeys(em: EntityManager, firmId: string, refs: { system: string; externalId: string }[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const hashed = refs.map((ref) => ({ system: ref.system, externalIdHash: erasedRefHash(ref.externalId) }));
  const rows = await em.find(ErasedExternalRef, { firm: firmId, $or: hashed }, { fields: ['system', 'externalIdHash'] });
  const found = new Set(rows.map((row) => `${row.system}\u0000${row.externalIdHash}`));
  return new Set(
    refs.filter((ref) => found.has(`${ref.system}\u0000${erasedRefHash(ref.externalId)}`)).map((ref) => `${ref.system}\u0000${ref.externalId}`),
  );
}
