import type { EntityManager } from '@mikro-orm/postgresql';
import { SecretBox } from '../../common/secret-box';

// How long deliveries carry the signature of the secret before a rotation too.
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export interface StoredSecrets {
  id: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

// The secrets to sign with now, newest first: the current one, and the previous one while the
// rotation's overlap lasts. A value stored in clear (before encryption at rest, until the start-up
// sweep seals it) is taken as it is.
export function signingSecrets(box: SecretBox, stored: StoredSecrets, now = new Date()): string[] {
  const open = (value: string) => (SecretBox.isSealed(value) ? box.open(value, stored.id) : value);
  const secrets = [open(stored.secret)];
  if (stored.previousSecret && stored.previousSecretExpiresAt && stored.previousSecretExpiresAt > now) {
    secrets.push(open(stored.previousSecret));
  }
  return secrets;
}

// Seals the secrets still stored in clear (written before encryption at rest); run when the app or
// a worker starts. Idempotent: sealed values are left alone. Returns how many it sealed.
export async function sealClearWebhookSecrets(em: EntityManager, box: SecretBox): Promise<number> {
  return em.transactional(async (tx) => {
    const rows: { id: string; secret: string; previous_secret: string | null }[] = await tx.execute(
      `select "id", "secret", "previous_secret" from "webhook_subscription"
       where "secret" not like 'v1.%' or ("previous_secret" is not null and "previous_secret" not like 'v1.%')
       for update`,
    );
    for (const row of rows) {
      const seal = (value: string | null) => (value === null || SecretBox.isSealed(value) ? value : box.seal(value, row.id));
      await tx.execute(`update "webhook_subscription" set "secret" = ?, "previous_secret" = ? where "id" = ?`, [
        seal(row.secret),
        seal(row.previous_secret),
        row.id,
      ]);
    }
    return rows.length;
  });
}
