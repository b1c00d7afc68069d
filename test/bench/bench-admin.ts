import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SESSION_TOKEN_PREFIX, hashToken, newToken } from '../../src/common/token';

// Issue 15's figures are for people, not API keys: an admin of the bench firm, signed in (a
// session row, as login writes it), whose bearer token the calibration entries send. The admin
// sits on no panel, so independent scoring leaves nothing out.
export async function signInBenchAdmin(em: EntityManager, firmId: string): Promise<string> {
  const userId = randomUUID();
  const token = newToken(SESSION_TOKEN_PREFIX);
  await em.getConnection().execute(
    `insert into "user" (id, created_at, updated_at, firm_id, email, name, role, password_hash)
     values (?, now(), now(), ?, ?, 'Bench Admin', 'ADMIN', 'not-a-password-hash')`,
    [userId, firmId, `bench-admin-${userId.slice(0, 8)}@bench.example`],
  );
  await em.getConnection().execute(
    `insert into session (id, created_at, updated_at, firm_id, user_id, token_hash, expires_at)
     values (?, now(), now(), ?, ?, ?, now() + interval '1 day')`,
    [randomUUID(), firmId, userId, hashToken(token)],
  );
  return token;
}
