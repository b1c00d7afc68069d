import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope } from '../../common/access';
import { UserErrorCode, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { API_KEY_PREFIX, hashToken, newToken } from '../../common/token';
import { ApiKey } from './api-key.entity';

export interface CreateApiKeyData {
  name: string;
  scopes: ApiKeyScope[];
}

export async function createApiKey(em: EntityManager, firmId: string, createdById: string | null, data: CreateApiKeyData) {
  const check = new InputCheck();
  const name = check.text(['input', 'name'], data.name, { max: 100, required: true });
  if (data.scopes.length === 0) check.add(UserErrorCode.REQUIRED, 'Give the key at least one scope.', ['input', 'scopes']);
  check.done();

  const secret = newToken(API_KEY_PREFIX);
  const apiKey = em.create(ApiKey, {
    firm: em.getReference(Firm, firmId),
    name: name!,
    scopes: [...new Set(data.scopes)],
    prefix: secret.slice(0, API_KEY_PREFIX.length + 4),
    secretHash: hashToken(secret),
    createdBy: createdById ? em.getReference(User, createdById) : null,
  });
  em.persist(apiKey);
  return { apiKey, secret };
}

// Revoking is immediate: the next request with the key is refused.
export async function revokeApiKey(em: EntityManager, firmId: string, apiKeyId: string | null) {
  const apiKey = apiKeyId ? await em.findOne(ApiKey, { id: apiKeyId, firm: firmId }) : null;
  if (!apiKey) throw notFound(['input', 'apiKeyId'], 'API key');
  apiKey.revokedAt ??= new Date();
  return { apiKey };
}
