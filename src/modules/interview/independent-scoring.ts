import DataLoader from 'dataloader';
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role, type Principal } from '../../common/access';
import { principalOf, type Context } from '../../common/context';
import { uuidArray } from '../../common/sql';
import { Scorecard, ScorecardStatus } from './scorecard.entity';
import { InterviewStatus } from './interview.entity';

// Independent scoring: an interviewer forms their own judgement before seeing anyone else's.
// A user who still has a DRAFT scorecard on any interview of a candidacy sees, of that
// candidacy, only their own scorecards — and neither its assessment nor its fit — until they
// submit. Everything that shows scores of a candidacy asks the functions of this file.

// The rule itself, as SQL: the ids (column "candidacy_id") of the candidacies on which user `userId`
// has a DRAFT scorecard on some interview that may still take place (an interview CANCELLED or
// NO_SHOW asks for no judgement, so it blinds nobody). Every path that hides scores asks this query: the
// loader below, the where-clause on Scorecard and the ranking. A null user has none.
export function candidaciesWithOwnDraftSql(userId: string | null): { sql: string; params: [string | null] } {
  return {
    sql: `select "own_interview"."candidacy_id"
        from "scorecard" as "own_draft"
        join "interview" as "own_interview" on "own_interview"."id" = "own_draft"."interview_id"
       where "own_draft"."interviewer_id" = ?::uuid and "own_draft"."status" = '${ScorecardStatus.DRAFT}'
         and "own_interview"."status" not in ('${InterviewStatus.CANCELLED}', '${InterviewStatus.NO_SHOW}')`,
    params: [userId],
  };
}

// Which of the given candidacies user `userId` has a DRAFT scorecard on: one statement.
export async function candidaciesWithOwnDraft(em: EntityManager, userId: string, candidacyIds: readonly string[]): Promise<Set<string>> {
  const ownDrafts = candidaciesWithOwnDraftSql(userId);
  const rows: { candidacy_id: string }[] = await em.execute(
    `select distinct "candidacy_id" from (${ownDrafts.sql}) as "own_drafts" where "candidacy_id" = any(?::uuid[])`,
    [...ownDrafts.params, uuidArray(candidacyIds)],
  );
  return new Set(rows.map((row) => row.candidacy_id));
}

// Whether the calling user has a DRAFT scorecard on some interview of each candidacy.
const ownDraftOnCandidacyLoader = (context: Context) =>
  new DataLoader<string, boolean>(async (candidacyIds) => {
    const principal = principalOf(context);
    if (principal.kind !== 'USER') return candidacyIds.map(() => false);
    const blind = await candidaciesWithOwnDraft(context.em, principal.userId, candidacyIds);
    return candidacyIds.map((candidacyId) => blind.has(candidacyId));
  });

// The candidacies, among those given, whose other scorecards the caller may not see yet.
export async function scoringBlindCandidacyIds(context: Context, candidacyIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(candidacyIds)];
  const blind = await context.loaders.get(ownDraftOnCandidacyLoader).loadMany(unique);
  return new Set(unique.filter((_id, index) => blind[index] === true));
}

// Whether the caller may see the scores of every submitted scorecard of a candidacy (and so
// its assessment and fit): staff who have no unsubmitted scorecard on it, and API keys with
// assessments:read. Client users never (their views come with the shortlist).
export async function canSeeScoresOf(context: Context, candidacyId: string): Promise<boolean> {
  const principal = principalOf(context);
  if (principal.kind === 'API_KEY') return principal.scopes.includes(ApiKeyScope.ASSESSMENTS_READ);
  if (principal.role === Role.CLIENT) return false;
  return !(await context.loaders.get(ownDraftOnCandidacyLoader).load(candidacyId));
}

// The scorecards of one candidacy that the caller may see, in the order given. Synchronous where
// the answer needs no statement (API keys, clients, a panel of the caller's own): it runs once per
// interview of a read, so no promise where none is needed.
export function visibleScorecards<T extends Pick<Scorecard, 'status'> & { interviewer: { id: string } }>(
  context: Context,
  candidacyId: string,
  scorecards: T[],
): T[] | Promise<T[]> {
  const principal = principalOf(context);
  if (principal.kind === 'API_KEY') {
    if (!principal.scopes.includes(ApiKeyScope.ASSESSMENTS_READ)) return [];
    return scorecards.filter((scorecard) => scorecard.status === ScorecardStatus.SUBMITTED);
  }
  if (principal.role === Role.CLIENT) return [];
  const own = scorecards.filter((scorecard) => scorecard.interviewer.id === principal.userId);
  if (own.length === scorecards.length) return scorecards;
  return canSeeScoresOf(context, candidacyId).then((canSee) => (canSee ? scorecards : own));
}

// The same rule as a where-clause on Scorecard, for queries such as node(id); null: none at all.
// Staff see drafts of others too (they carry no scores), API keys only what was submitted.
export function visibleScorecardsWhere(principal: Principal): FilterQuery<Scorecard> | null {
  if (principal.kind === 'API_KEY') {
    return principal.scopes.includes(ApiKeyScope.ASSESSMENTS_READ) ? { status: ScorecardStatus.SUBMITTED } : null;
  }
  if (principal.role === Role.CLIENT) return null;
  // A new raw fragment per call: MikroORM consumes each one once.
  const ownDrafts = candidaciesWithOwnDraftSql(principal.userId);
  const noOwnDraftOnTheCandidacy = raw(
    (alias) =>
      `not exists (select 1 from "interview" as "this_interview"
        where "this_interview"."id" = ${alias}."interview_id"
          and "this_interview"."candidacy_id" in (${ownDrafts.sql}))`,
    ownDrafts.params,
  );
  return { $or: [{ interviewer: principal.userId }, { [noOwnDraftOnTheCandidacy]: [] }] } as FilterQuery<Scorecard>;
}

// Records what a query that already knew it (the ranking) found, so nobody asks again.
export function primeScoringBlindness(context: Context, candidacyId: string, blind: boolean): void {
  context.loaders.get(ownDraftOnCandidacyLoader).prime(candidacyId, blind);
}
