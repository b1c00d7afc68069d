import type { EntityManager } from '@mikro-orm/postgresql';

// The SQL of mergeCandidates (merge.service.ts). Each function is one statement.

type Mover = (em: EntityManager, firmId: string, survivorId: string, duplicateId: string) => Promise<unknown>;

export interface MergeRule {
  why: string;
  move?: Mover;
}

// What a merge does to each table that holds data about a candidate (the tables erasure and the
// data export find through the ORM metadata; a test holds this list to exactly those, so a new
// one needs a decision here). A table that refers to the candidate itself is moved here; one that
// hangs on such a row (an interview on a candidacy …) moves with it, untouched.
export const MERGE_RULES: Record<string, MergeRule> = {
  Candidacy: {
    why: "The duplicate's pipelines become the survivor's (refused before when both are in one mandate).",
    move: (em, firmId, survivorId, duplicateId) =>
      em.execute(`update "candidacy" set "candidate_id" = ?, "updated_at" = now() where "firm_id" = ? and "candidate_id" = ?`, [
        survivorId,
        firmId,
        duplicateId,
      ]),
  },
  CandidateExternalRef: {
    why: "The ids in other systems move, so an upsert by one of the duplicate's refs updates the survivor (refused before when both have one in a system).",
    move: (em, firmId, survivorId, duplicateId) =>
      em.execute(
        `update "candidate_external_ref" set "candidate_id" = ?, "updated_at" = now() where "firm_id" = ? and "candidate_id" = ?`,
        [survivorId, firmId, duplicateId],
      ),
  },
  CandidateDuplicate: {
    why: "The duplicate's pairs go (it is nobody to merge with any more); the survivor's are found again afterwards.",
    move: (em, firmId, _survivorId, duplicateId) =>
      em.execute(`delete from "candidate_duplicate" where "firm_id" = ? and ? in ("candidate_id", "other_candidate_id")`, [
        firmId,
        duplicateId,
      ]),
  },
  CandidateDuplicateDismissal: {
    why: 'A decision that the duplicate and someone else are two people holds for the survivor too: moved (the pair stored low id first).',
    async move(em, firmId, survivorId, duplicateId) {
      await em.execute(
        `insert into "candidate_duplicate_dismissal" ("id", "created_at", "updated_at", "firm_id", "candidate_id", "other_candidate_id")
         select gen_random_uuid(), now(), now(), d."firm_id", least(?::uuid, o."other"), greatest(?::uuid, o."other")
           from "candidate_duplicate_dismissal" d
           cross join lateral (select case when d."candidate_id" = ? then d."other_candidate_id" else d."candidate_id" end as "other") o
          where d."firm_id" = ? and ? in (d."candidate_id", d."other_candidate_id") and o."other" <> ?
         on conflict do nothing`,
        [survivorId, survivorId, duplicateId, firmId, duplicateId, survivorId],
      );
      await em.execute(`delete from "candidate_duplicate_dismissal" where "firm_id" = ? and ? in ("candidate_id", "other_candidate_id")`, [
        firmId,
        duplicateId,
      ]);
    },
  },
  CandidacyStageChange: { why: 'Hangs on its candidacy: moves with it.' },
  Interview: { why: 'Hangs on its candidacy: moves with it, with its panel.' },
  Scorecard: { why: 'Hangs on its interview: moves with it, so the ratings count for the survivor.' },
  ScorecardRevision: { why: 'Hangs on its scorecard: moves with it.' },
  Rating: { why: 'Hangs on its revision: moves with it.' },
  ScorecardDraft: { why: 'Hangs on its scorecard: moves with it.' },
  DraftRating: { why: 'Hangs on its draft: moves with it.' },
  ShortlistEntry: { why: 'Hangs on its candidacy: moves with it.' },
  ShortlistEntrySnapshot: { why: 'What the client was shown, hanging on its entry: moves with it, unchanged.' },
  ShortlistFeedback: { why: "The client's feedback hangs on its entry: moves with it." },
};

// The mandates whose pipeline holds both candidates, by title.
export function sharedMandates(
  em: EntityManager,
  firmId: string,
  survivorId: string,
  duplicateId: string,
): Promise<{ id: string; title: string }[]> {
  return em.execute(
    `select m."id", m."title" from "candidacy" a
       join "candidacy" b on b."mandate_id" = a."mandate_id" and b."candidate_id" = ?
       join "mandate" m on m."id" = a."mandate_id"
      where a."firm_id" = ? and a."candidate_id" = ?
      order by m."title", m."id"`,
    [duplicateId, firmId, survivorId],
  );
}

// Each candidate's external refs: (candidate id, system).
export function externalRefSystems(
  em: EntityManager,
  firmId: string,
  candidateIds: string[],
): Promise<{ candidate_id: string; system: string }[]> {
  return em.execute(
    `select "candidate_id", "system" from "candidate_external_ref" where "firm_id" = ? and "candidate_id" in (?, ?) order by "system"`,
    [firmId, ...candidateIds],
  );
}

// Records merged into the duplicate earlier now name the survivor, whose mergedFrom lists them.
export function repointMergedRecords(em: EntityManager, firmId: string, survivorId: string, duplicateId: string): Promise<unknown> {
  return em.execute(`update "candidate" set "merged_into_id" = ? where "firm_id" = ? and "merged_into_id" = ?`, [
    survivorId,
    firmId,
    duplicateId,
  ]);
}
