import { Field, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError, type UserErrorData } from './errors';
import type { ActingUser, Context } from './context';

@ObjectType({ description: 'An expected failure of a mutation: what is wrong, where, and a stable code.' })
export class UserError implements UserErrorData {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault.' })
  field!: string[] | null;

  @Field()
  message!: string;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;
}

@ObjectType()
export abstract class Payload {
  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

export interface MutationOptions<R> {
  // For a mutation run without a principal (login): the user it acted as, for the audit log.
  actingUser?: (result: R) => ActingUser;
}

// Every mutation: one transaction, with its audit-log row; a UserInputError rolls both back
// and becomes userErrors (a refused attempt leaves no row).
export async function runMutation<P extends Payload, R extends Partial<Omit<P, 'userErrors'>> = Partial<Omit<P, 'userErrors'>>>(
  context: Context,
  PayloadClass: new () => P,
  work: (em: EntityManager) => Promise<R>,
  options: MutationOptions<R> = {},
): Promise<P> {
  const payload = new PayloadClass();
  // Captured now: the trail names the mutation field that is running.
  const mutation = context.audit.mutation;
  if (!mutation) throw new Error('runMutation runs only inside a Mutation field.');
  try {
    const result = await context.em.transactional(async (transaction) => {
      const done = await work(transaction as EntityManager);
      context.recordMutation(transaction as EntityManager, context, mutation, done, options.actingUser?.(done) ?? null);
      return done;
    });
    Object.assign(payload, result);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    payload.userErrors = error.errors.map((data) => Object.assign(new UserError(), data));
  }
  return payload;
}

export { UserErrorCode };
