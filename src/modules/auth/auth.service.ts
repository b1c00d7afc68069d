import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError } from '../../common/errors';
import type { ApiKeyScope, Principal } from '../../common/access';
import { DECOY_PASSWORD_HASH, User, verifyPassword } from '../user';
import { ApiKey } from '../api-key';
import { Session } from './session.entity';
import { readArrays } from '../../common/rows';
import { API_KEY_PREFIX, SESSION_TOKEN_PREFIX, hashToken, newToken } from '../../common/token';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
// lastUsedAt is written at most this often per key, so reads do not become writes.
const LAST_USED_RESOLUTION_MS = 60 * 1000;
const WITHOUT_TENANT = { filters: { tenant: false } } as const;

export async function login(em: EntityManager, email: string, password: string) {
  // Before a principal exists no firm is known: this lookup is deliberately across firms.
  const user = await em.findOne(User, { email: email.trim().toLowerCase() }, WITHOUT_TENANT);
  // An unknown email and a wrong password get the same answer, after the same work.
  const valid = await verifyPassword(password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
  // A deactivated user gets the same answer as a wrong password: the sign-in form tells nobody
  // which accounts exist or are switched off (an admin sees it in the users list).
  if (!user || !valid || !user.active) {
    throw UserInputError.of(UserErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct.', ['input']);
  }
  const token = newToken(SESSION_TOKEN_PREFIX);
  const session = em.create(Session, {
    firm: user.firm,
    user,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
  });
  em.persist(session);
  return { token, expiresAt: session.expiresAt, user };
}

export async function logout(em: EntityManager, token: string): Promise<void> {
  await em.nativeDelete(Session, { tokenHash: hashToken(token) }, WITHOUT_TENANT);
}

// A bearer token into a principal; null when it is unknown, expired or revoked.
export async function resolvePrincipal(em: EntityManager, token: string): Promise<Principal | null> {
  const now = new Date();
  if (token.startsWith(SESSION_TOKEN_PREFIX)) {
    const session = await em.findOne(
      Session,
      { tokenHash: hashToken(token), expiresAt: { $gt: now } },
      { ...WITHOUT_TENANT, populate: ['user'] },
    );
    if (!session) return null;
    const user = session.user.getEntity();
    // Deactivation deletes the sessions; this also holds for one made in a racing sign-in.
    if (!user.active) return null;
    return { kind: 'USER', firmId: user.firm.id, userId: user.id, role: user.role, clientId: user.client?.id ?? null };
  }
  if (token.startsWith(API_KEY_PREFIX)) {
    // Every API request starts here: one plain statement, no entity, prepared once per connection
    // (the read path, README "The read path"). Revocation is immediate: nothing of the key is kept
    // between requests.
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    const [row] = await readArrays(
      em,
      `select "id", "firm_id", "scopes", coalesce("last_used_at" < ?, true)
         from "api_key" where "secret_hash" = ? and "revoked_at" is null`,
      [stale, hashToken(token)],
      { prepared: true },
    );
    const key = row && { id: row[0] as string, firmId: row[1] as string, scopes: row[2] as ApiKeyScope[], stale: row[3] as boolean };
    if (!key) return null;
    if (key.stale) {
      // Conditional, so concurrent requests of one key write it once.
      await em.nativeUpdate(
        ApiKey,
        { id: key.id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: stale } }] },
        { lastUsedAt: now },
        WITHOUT_TENANT,
      );
    }
    return { kind: 'API_KEY', firmId: key.firmId, apiKeyId: key.id, scopes: key.scopes };
  }
  return null;
}
