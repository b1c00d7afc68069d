import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError } from '../../common/errors';

// What other features need to know about erased candidates (kept light: no GraphQL types).

// How an external ref of an erased candidate is kept (gdpr/erasure.ts computes the same sha256 in SQL).
export function erasedRefHash(externalId: string): string {
  return createHash('sha256').update(externalId, 'utf8').digest('hex');
}

export const ERASED_MESSAGE = "This candidate's personal data was erased (GDPR); nothing can be written about them.";

export function alreadyErased(field: string[]): UserInputError {
  return UserInputError.of(UserErrorCode.ERASED, ERASED_MESSAGE, field);
}

// Which of these refs (system, externalId) belonged to an erased candidate of the firm: one
// statement, each ref one probe of the unique index (an `$or` of a batch's 500 refs cost ~50 ms
// to build and plan).
export async function erasedRefKeys(
  em: EntityManager,
  firmId: string,
  refs: { system: string; externalId: string }[],
): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const hashed = refs.map((ref) => ({ system: ref.system, hash: erasedRefHash(ref.externalId) }));
  const rows: { system: string; hash: string }[] = await em.execute(
    `select k."system", k."hash" from jsonb_to_recordset(?::jsonb) as k("system" text, "hash" text)
     where exists (
       select 1 from "erased_external_ref" e
       where e."firm_id" = ? and e."system" = k."system" and e."external_id_hash" = k."hash"
     )`,
    [JSON.stringify(hashed), firmId],
  );
  const found = new Set(rows.map((row) => `${row.system}\u0000${row.hash}`));
  return new Set(
    refs
      .filter((_ref, index) => found.has(`${hashed[index].system}\u0000${hashed[index].hash}`))
      .map((ref) => `${ref.system}\u0000${ref.externalId}`),
  );
}

// The id a write names, that leads to one candidate.
export type CandidateVia = { candidacyId: string } | { interviewId: string } | { entryId: string };

const CANDIDATE_OF = {
  candidacyId: `select y."candidate_id" from "candidacy" y where y."id" = ? and y."firm_id" = ?`,
  interviewId: `select y."candidate_id" from "interview" i join "candidacy" y on y."id" = i."candidacy_id" where i."id" = ? and i."firm_id" = ?`,
  entryId: `select y."candidate_id" from "shortlist_entry" e join "candidacy" y on y."id" = e."candidacy_id" where e."id" = ? and e."firm_id" = ?`,
} as const;

// The ERASED error for a write about the candidate behind `via`, or null when they are not erased
// (or not found: the caller answers that). The candidate's row is locked FOR SHARE until the write
// commits: eraseCandidate and mergeCandidates lock it FOR UPDATE before changing anything, so a
// write and an erasure at the same moment run one after the other: the write sees `erasedAt`, or
// the erasure clears what the write added. Call it before locking rows that erasure updates.
// A merge that commits while the write waits has moved the candidacy to the survivor, but the
// path was read before the wait and still leads to the merged-away record: the path is read again
// (a new statement sees the merge) and the survivor locked instead, so the write lands on them.
export async function erasedError(em: EntityManager, firmId: string, via: CandidateVia, field: string[]): Promise<UserInputError | null> {
  const [kind, id] = Object.entries(via)[0] as [keyof typeof CANDIDATE_OF, string];
  let previous: string | null = null;
  // Each round follows one merge that committed meanwhile; merges of merges are rare.
  for (let round = 0; round < 5; round++) {
    const [row]: { id: string; erased_at: Date | null; merged_into_id: string | null }[] = await em.execute(
      `select "id", "erased_at", "merged_into_id" from "candidate" where "id" = (${CANDIDATE_OF[kind]}) and "firm_id" = ? for share`,
      [id, firmId, firmId],
    );
    if (!row?.erased_at) return null;
    if (row.merged_into_id === null || row.id === previous) return alreadyErased(field);
    previous = row.id;
  }
  return alreadyErased(field);
}

// Throws the ERASED error when the candidate behind `via` was erased (see erasedError).
export async function refuseIfErased(em: EntityManager, firmId: string, via: CandidateVia, field: string[]): Promise<void> {
  const error = await erasedError(em, firmId, via, field);
  if (error) throw error;
}
