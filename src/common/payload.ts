import { Field, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError, type UserErrorData } from './errors';

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

// Every mutation: one transaction; a UserInputError rolls it back and becomes userErrors.
export async function runMutation<P extends Payload>(
  em: EntityManager,
  PayloadClass: new () => P,
  work: (em: EntityManager) => Promise<Partial<Omit<P, 'userErrors'>>>,
): Promise<P> {
  const payload = new PayloadClass();
  try {
    Object.assign(payload, await em.transactional((transaction) => work(transaction as EntityManager)));
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    payload.userErrors = error.errors.map((data) => Object.assign(new UserError(), data));
  }
  return payload;
}

export { UserErrorCode };
