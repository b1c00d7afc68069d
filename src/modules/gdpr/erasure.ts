import type { EntityManager } from '@mikro-orm/postgresql';

// What erasure does to each table that holds data about a candidate (see candidate-references.ts;
// a test holds this list to exactly those tables, so a new one needs a decision here).
// Personal data is every free text written about the person and every contact or profile field;
// the numeric ratings, recommendations, stages and dates stay, so the firm's statistics (how its
// interviewers score, how its pipelines move) stay true. Each statement is one set-based UPDATE.
type Eraser = (em: EntityManager, firmId: string, candidateId: string) => Promise<unknown>;

export interface ErasureRule {
  why: string;
  erase?: Eraser;
}

const CANDIDACIES = `select "id" from "candidacy" where "candidate_id" = ? and "firm_id" = ?`;
const INTERVIEWS = `select "id" from "interview" where "candidacy_id" in (${CANDIDACIES})`;
const SCORECARDS = `select "id" from "scorecard" where "interview_id" in (${INTERVIEWS})`;
const REVISIONS = `select "id" from "scorecard_revision" where "scorecard_id" in (${SCORECARDS})`;
const DRAFTS = `select "id" from "scorecard_draft" where "scorecard_id" in (${SCORECARDS})`;
const ENTRIES = `select "id" from "shortlist_entry" where "candidacy_id" in (${CANDIDACIES})`;

const update =
  (sql: string): Eraser =>
  (em, firmId, candidateId) =>
    em.execute(sql, [firmId, candidateId, firmId]);

export const ERASURE_RULES: Record<string, ErasureRule> = {
  CandidateExternalRef: {
    why: 'An ATS id identifies the person: the rows are deleted; a hash of each stays in ErasedExternalRef, unlinked.',
    async erase(em, firmId, candidateId) {
      await em.execute(
        `insert into "erased_external_ref" ("id", "created_at", "updated_at", "firm_id", "system", "external_id_hash")
         select gen_random_uuid(), now(), now(), "firm_id", "system", encode(sha256(convert_to("external_id", 'UTF8')), 'hex')
           from "candidate_external_ref" where "candidate_id" = ? and "firm_id" = ?
         on conflict do nothing`,
        [candidateId, firmId],
      );
      await em.execute(`delete from "candidate_external_ref" where "candidate_id" = ? and "firm_id" = ?`, [candidateId, firmId]);
    },
  },
  CandidateDuplicate: {
    why: 'A pair says two records may be one person, and why (same email, phone, name…): deleted; an erased record is nobody to merge with.',
    erase: (em, firmId, candidateId) =>
      em.execute(`delete from "candidate_duplicate" where "firm_id" = ? and (? in ("candidate_id", "other_candidate_id"))`, [
        firmId,
        candidateId,
      ]),
  },
  CandidateDuplicateDismissal: {
    why: 'A decision that two records are two people: deleted with the pairs.',
    erase: (em, firmId, candidateId) =>
      em.execute(`delete from "candidate_duplicate_dismissal" where "firm_id" = ? and (? in ("candidate_id", "other_candidate_id"))`, [
        firmId,
        candidateId,
      ]),
  },
  Candidacy: { why: 'Mandate, stage and dates only: no personal data; kept so pipelines and ratings still count.' },
  CandidacyStageChange: {
    why: 'The reason of a move is free text about the person: cleared. Stages, times and who moved stay.',
    erase: update(`update "candidacy_stage_change" set "reason" = null where "firm_id" = ? and "candidacy_id" in (${CANDIDACIES})`),
  },
  Interview: {
    why: 'The reason of a cancellation is free text that may be about the person: cleared. Kind, times, place and status stay.',
    erase: update(`update "interview" set "cancellation_reason" = null where "firm_id" = ? and "candidacy_id" in (${CANDIDACIES})`),
  },
  Scorecard: { why: 'Status, interviewer and times only: kept.' },
  ScorecardRevision: {
    why: 'Summary and amendment reason are free text about the person: cleared. The recommendation stays for statistics.',
    erase: update(
      `update "scorecard_revision" set "summary" = null, "reason" = null where "firm_id" = ? and "scorecard_id" in (${SCORECARDS})`,
    ),
  },
  Rating: {
    why: 'Evidence is what the person said or did: cleared. The score stays for statistics.',
    erase: update(`update "rating" set "evidence" = null where "firm_id" = ? and "revision_id" in (${REVISIONS})`),
  },
  ScorecardDraft: {
    why: 'The summary saved before submitting is free text about the person: cleared. The recommendation stays.',
    erase: update(`update "scorecard_draft" set "summary" = null where "firm_id" = ? and "scorecard_id" in (${SCORECARDS})`),
  },
  DraftRating: {
    why: 'Evidence saved before submitting is what the person said or did: cleared. The score stays.',
    erase: update(`update "draft_rating" set "evidence" = null where "firm_id" = ? and "draft_id" in (${DRAFTS})`),
  },
  ShortlistEntry: {
    why: 'The note for the client and the withdrawal reason are free text about the person: cleared.',
    erase: update(
      `update "shortlist_entry" set "note" = '', "withdrawal_reason" = null where "firm_id" = ? and "candidacy_id" in (${CANDIDACIES})`,
    ),
  },
  ShortlistEntrySnapshot: {
    why:
      'The published note is a copy of the note: cleared. Position and fit stay. The stored PDF reports of those ' +
      'publications show the person (name, note): deleted; a report opened later is printed again without them.',
    async erase(em, firmId, candidateId) {
      await em.execute(
        `delete from "report_document" where "firm_id" = ? and "publication_id" in
           (select "publication_id" from "shortlist_entry_snapshot" where "entry_id" in (${ENTRIES}))`,
        [firmId, candidateId, firmId],
      );
      await update(`update "shortlist_entry_snapshot" set "note" = '' where "firm_id" = ? and "entry_id" in (${ENTRIES})`)(
        em,
        firmId,
        candidateId,
      );
    },
  },
  ShortlistFeedback: {
    why: "The client's comment is free text about the person: cleared. The decision stays.",
    erase: update(`update "shortlist_feedback" set "comment" = null where "firm_id" = ? and "entry_id" in (${ENTRIES})`),
  },
};

// The name an erased candidate keeps: first and last name are required columns.
export const ERASED_FIRST_NAME = 'Erased';
export const ERASED_LAST_NAME = 'candidate';
