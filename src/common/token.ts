import { createHash, randomBytes } from 'node:crypto';

// Opaque bearer tokens. The prefix says which kind of credential it is; only hashes are stored.
export const SESSION_TOKEN_PREFIX = 'oi_session_';
export const API_KEY_PREFIX = 'oi_key_';

export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
