import type { AuthCheckerFn } from 'type-graphql';
import { isAllowed, missingAccess, type Access } from '../common/access';
import { forbidden, unauthenticated } from '../common/errors';
import type { Context } from '../common/context';

// @Authorized(rules): no principal → UNAUTHENTICATED; a principal without the role/scope → FORBIDDEN.
export const authChecker: AuthCheckerFn<Context, Access> = ({ context }, rules) => {
  if (!context.principal) throw unauthenticated();
  if (!isAllowed(context.principal, rules)) throw forbidden(missingAccess(context.principal, rules));
  return true;
};
