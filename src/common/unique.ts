import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserInputError } from './errors';

// Flushes now, inside the mutation's transaction: a unique constraint that another request won
// at the same moment (after our own check said "free") becomes the caller's user error, such as
// ALREADY_EXISTS, instead of a server error at commit.
export async function flushOrRefuse(em: EntityManager, refusal: () => UserInputError): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw refusal();
    throw error;
  }
}
