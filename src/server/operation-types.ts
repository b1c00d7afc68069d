import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

// graphql-js validates a subscription against a schema that has none and only fails when it
// executes it (an internal error). This API answers queries and mutations; changes reach other
// systems through webhooks. Refused at validation: 400 GRAPHQL_VALIDATION_FAILED.
export function supportedOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (context.getSchema().getRootType(node.operation)) return;
      const hint = node.operation === 'subscription' ? ' To be told of changes, subscribe a webhook (createWebhookSubscription).' : '';
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations: send a query or a mutation.${hint}`, { nodes: node }),
      );
    },
  };
}
