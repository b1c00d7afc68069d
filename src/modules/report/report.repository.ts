import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../common/locale';

// The stored PDFs: read and written by plain statements, so the bytes never pass through the
// identity map (nor the ORM's change tracking).

export async function findStoredPdf(
  em: EntityManager,
  firmId: string,
  publicationId: string,
  locale: Locale,
  modelHash: string,
): Promise<Buffer | null> {
  const rows = await em
    .getConnection()
    .execute<{ pdf: Buffer }[]>(
      'select "pdf" from "report_document" where "firm_id" = ? and "publication_id" = ? and "locale" = ? and "model_hash" = ?',
      [firmId, publicationId, locale, modelHash],
    );
  return rows[0]?.pdf ?? null;
}

// Keeps one PDF per publication and language: the newest print replaces an older one.
export async function storePdf(
  em: EntityManager,
  firmId: string,
  publicationId: string,
  locale: Locale,
  modelHash: string,
  pdf: Buffer,
): Promise<void> {
  await em.getConnection().execute(
    `insert into "report_document" ("id", "created_at", "updated_at", "firm_id", "publication_id", "locale", "model_hash", "pdf")
     values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?)
     on conflict ("publication_id", "locale") do update
       set "model_hash" = excluded."model_hash", "pdf" = excluded."pdf", "updated_at" = now()`,
    [firmId, publicationId, locale, modelHash, pdf],
  );
}
