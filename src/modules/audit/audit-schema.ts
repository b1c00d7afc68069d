import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../../common/context';
import { redactArguments } from './audit-trail';

// Every Mutation field tells the request's audit trail its name and its redacted input before
// its resolver runs; runMutation writes them with the change. Done once on the built schema,
// so no mutation can be forgotten and no other field pays for it.
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutationType = schema.getMutationType();
  if (!mutationType) return schema;
  for (const field of Object.values(mutationType.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: Context, info) => {
      const input = redactArguments(field.args, args);
      // Our mutations take one `input` argument: its fields are the summary's input.
      context.audit.mutation = { action: info.fieldName, input: isSingleInput(input) ? input.input : input };
      return resolve(source, args, context, info);
    };
  }
  return schema;
}

function isSingleInput(args: Record<string, unknown>): args is { input: Record<string, unknown> } {
  const names = Object.keys(args);
  return names.length === 1 && names[0] === 'input' && typeof args.input === 'object' && args.input !== null;
}
