import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  RECRUITER = 'RECRUITER',
  CLIENT = 'CLIENT',
}
registerEnumType(Role, { name: 'Role', description: 'What a user of a firm may do.' });

// GraphQL shows the names (CANDIDATES_READ); tokens and storage use the values (candidates:read).
export enum ApiKeyScope {
  CANDIDATES_READ = 'candidates:read',
  CANDIDATES_WRITE = 'candidates:write',
  MANDATES_READ = 'mandates:read',
  MANDATES_WRITE = 'mandates:write',
  ASSESSMENTS_READ = 'assessments:read',
  SHORTLISTS_READ = 'shortlists:read',
  WEBHOOKS_MANAGE = 'webhooks:manage',
}
registerEnumType(ApiKeyScope, { name: 'ApiKeyScope', description: 'What an API key may do.' });

// Who is calling. Resolved once per request from the bearer token.
export type Principal =
  | { kind: 'USER'; firmId: string; userId: string; role: Role; clientId: string | null }
  | { kind: 'API_KEY'; firmId: string; apiKeyId: string; scopes: ApiKeyScope[] };

// One rule for @Authorized: a role a user must have, or a scope an API key must hold.
export type Access = Role | ApiKeyScope;

// The firm's own people: partners and consultants. Client users and API keys are not staff.
export const STAFF: readonly Access[] = [Role.ADMIN, Role.RECRUITER];

// The user acting, or null for an API key (a system is no person to record).
export function userIdOf(principal: Principal): string | null {
  return principal.kind === 'USER' ? principal.userId : null;
}

export function isAllowed(principal: Principal, rules: readonly Access[]): boolean {
  if (rules.length === 0) return true;
  if (principal.kind === 'USER') return rules.includes(principal.role);
  return principal.scopes.some((scope) => rules.includes(scope));
}
