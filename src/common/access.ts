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

// Scopes an API key must hold all of (e.g. reading assessments together with the people assessed).
export interface AllScopes {
  readonly allOf: readonly ApiKeyScope[];
}

// One rule for @Authorized: a role a user must have, a scope an API key must hold, or several
// scopes it must hold together.
export type Access = Role | ApiKeyScope | AllScopes;

// The firm's own people: partners and consultants. Client users and API keys are not staff.
export const STAFF: readonly Access[] = [Role.ADMIN, Role.RECRUITER];

// Who may do what: each rule names the roles and API key scopes it admits, and every
// @Authorized, node source and service check uses one of these. The generated authorization
// matrix (test/access) holds the schema to them.

// Candidates are personal data: the firm's staff, and systems with the candidate scopes.
export const CANDIDATE_READERS: readonly Access[] = [...STAFF, ApiKeyScope.CANDIDATES_READ];
export const CANDIDATE_WRITERS: readonly Access[] = [...STAFF, ApiKeyScope.CANDIDATES_WRITE];

// Clients, mandates with their requirement profiles, and the pipeline of candidacies: the
// firm's staff, and systems with the mandate scopes. Client users see their company's mandates
// only through the client portal (PORTAL_USERS).
export const MANDATE_READERS: readonly Access[] = [...STAFF, ApiKeyScope.MANDATES_READ];
export const MANDATE_WRITERS: readonly Access[] = [...STAFF, ApiKeyScope.MANDATES_WRITE];

// A mandate's relations (client, lead recruiter, rubric, profile): readable with mandates:read,
// and by a key with mandates:write in the payloads of the mutations it may make.
export const MANDATE_RELATION_READERS: readonly Access[] = [...MANDATE_READERS, ApiKeyScope.MANDATES_WRITE];

// Who may read rubrics: the firm's staff, and systems that read mandates or assessments
// (both need the competencies and scales to make sense of what they read).
export const RUBRIC_READERS: readonly Access[] = [...STAFF, ApiKeyScope.MANDATES_READ, ApiKeyScope.ASSESSMENTS_READ];

// Who may write drafts: people only; no API key scope writes rubrics.
export const RUBRIC_AUTHORS: readonly Access[] = [...STAFF];

// Publishing freezes a version every score will be given against: a partner's decision.
export const RUBRIC_PUBLISHERS: readonly Access[] = [Role.ADMIN];

// Interviews and what scorecards say: the firm's staff, and systems with assessments:read.
// Which scorecards a caller gets at all is decided by independent scoring (modules/interview).
export const ASSESSMENT_READERS: readonly Access[] = [...STAFF, ApiKeyScope.ASSESSMENTS_READ];

// The talent pool ranks the firm's candidates on their interview evidence: the firm's staff, and
// systems that may read both the assessments and the people (assessments:read and candidates:read).
// Never clients.
export const TALENT_POOL_READERS: readonly Access[] = [...STAFF, { allOf: [ApiKeyScope.ASSESSMENTS_READ, ApiKeyScope.CANDIDATES_READ] }];

// Agreement of a mandate's panels (no interviewer named): whoever reads assessments.
export const AGREEMENT_READERS: readonly Access[] = [...ASSESSMENT_READERS];

// Interviewer-level calibration figures: the firm's staff only, never clients or API keys.
// Admins see every interviewer, recruiters their own row and the interviewers of the mandates
// they lead (modules/calibration decides which rows).
export const CALIBRATION_READERS: readonly Access[] = [...STAFF];

// Scoring is a human judgement: staff only, and only on their own scorecards; never an API key.
export const SCORERS: readonly Access[] = [...STAFF];

// Shortlists, their entries and the client's feedback, as the firm sees them: its staff, and
// systems with shortlists:read. Who the candidates are (Candidacy) still needs mandates:read.
export const SHORTLIST_READERS: readonly Access[] = [...STAFF, ApiKeyScope.SHORTLISTS_READ];

// Putting candidates in front of a client is a recruiter's judgement: people only, no API key.
export const SHORTLIST_WRITERS: readonly Access[] = [...STAFF];

// The client-facing views and feedback: client users only, on their own company's mandates.
export const PORTAL_USERS: readonly Access[] = [Role.CLIENT];

// Webhooks carry the firm's events out to other systems: admins, and keys with webhooks:manage.
export const WEBHOOK_MANAGERS: readonly Access[] = [Role.ADMIN, ApiKeyScope.WEBHOOKS_MANAGE];

// The log tells who looked at which candidate: for the firm's admins only. Not for API keys
// (no system needs it) and never for client users.
export const AUDIT_READERS: readonly Access[] = [Role.ADMIN];

// The user acting, or null for an API key (a system is no person to record).
export function userIdOf(principal: Principal): string | null {
  return principal.kind === 'USER' ? principal.userId : null;
}

export function isAllowed(principal: Principal, rules: readonly Access[]): boolean {
  if (rules.length === 0) return true;
  if (principal.kind === 'USER') return rules.includes(principal.role);
  return rules.some((rule) =>
    typeof rule === 'object'
      ? rule.allOf.every((scope) => principal.scopes.includes(scope))
      : principal.scopes.includes(rule as ApiKeyScope),
  );
}

// The GraphQL name of a scope (CANDIDATES_READ for candidates:read), as callers write it.
function scopeName(scope: ApiKeyScope): string {
  return Object.entries(ApiKeyScope).find(([, value]) => value === scope)![0];
}

// Why a principal may not do something that needs `rules`: what would be needed, and what it has.
export function missingAccess(principal: Principal, rules: readonly Access[]): string {
  const roles = rules.filter((rule): rule is Role => Object.values(Role).includes(rule as Role));
  const scopes = rules.map((rule) =>
    typeof rule === 'object'
      ? rule.allOf.map(scopeName).join(' and ')
      : Object.values(ApiKeyScope).includes(rule as ApiKeyScope)
        ? scopeName(rule as ApiKeyScope)
        : null,
  );
  const byRole = roles.length > 0 ? `a user with the role ${roles.join(' or ')}` : null;
  const scopeRules = scopes.filter((scope): scope is string => scope !== null);
  const byScope = scopeRules.length > 0 ? `an API key with the scope ${scopeRules.join(' or ')}` : null;
  const needed = [byRole, byScope].filter(Boolean).join(', or ');
  const held =
    principal.kind === 'USER'
      ? `you are signed in as a ${principal.role} user`
      : `this API key has ${principal.scopes.length > 0 ? `the scopes ${principal.scopes.map(scopeName).join(', ')}` : 'no scopes'}`;
  return `This needs ${needed}; ${held}.`;
}
