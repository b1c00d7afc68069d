import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role, STAFF, type Access } from '../../common/access';
import { ConnectionArgs, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { User, userByIdLoader } from '../user';
import { Interview } from './interview.entity';
import { interviewByIdLoader } from './interview.loaders';
import { Scorecard, ScorecardStatus } from './scorecard.entity';
import { Recommendation, ScorecardRevision } from './scorecard-revision.entity';
import { Rating } from './rating.entity';
import {
  AmendScorecardInput,
  AmendScorecardPayload,
  MyScorecardsArgs,
  ScorecardConnection,
  SaveScorecardDraftInput,
  SaveScorecardDraftPayload,
  SubmitScorecardInput,
  SubmitScorecardPayload,
} from './scorecard.inputs';
import { amendScorecard, listMyScorecards, listOverdueScorecards, saveScorecardDraft, submitScorecard } from './scorecard.service';
import {
  draftByScorecardLoader,
  draftRatingsByDraftLoader,
  ratingsByRevisionLoader,
  revisionByIdLoader,
  revisionsByScorecardLoader,
  type RatingRow,
  type ScorecardRevisionRow,
  type ScorecardRow,
} from './scorecard.loaders';
import type { InterviewRow } from './interview.loaders';
import { DraftRating, ScorecardDraft } from './scorecard-draft.entity';
import type { AuditTrail } from '../../common/context';
import { readPersonal } from '../audit';
import { rowAlong } from '../../common/rows';
import { ASSESSMENT_READERS, SCORERS } from '../../common/access';

// Which scorecards a caller gets at all is decided where they are listed or found
// (independent-scoring.ts); the fields below trust their parent.
@Resolver(() => Scorecard)
export class ScorecardResolver {
  @Authorized(...SCORERS)
  @Mutation(() => SubmitScorecardPayload, { description: "Submits the caller's scorecard of an interview: revision 1." })
  submitScorecard(@Arg('input') input: SubmitScorecardInput, @Ctx() context: Context): Promise<SubmitScorecardPayload> {
    const { firmId, userId } = userOf(context);
    return runMutation(context, SubmitScorecardPayload, (em) =>
      submitScorecard(em, firmId, userId, { ...input, interviewId: localIdOf(input.interviewId, 'Interview') }),
    );
  }

  @Authorized(...SCORERS)
  @Mutation(() => SaveScorecardDraftPayload, {
    description:
      "Saves any part of the caller's unsubmitted scorecard, as often as needed (autosave): partial ratings, evidence, " +
      'recommendation, summary. Only the author sees a draft and it counts nowhere until submitted.',
  })
  saveScorecardDraft(@Arg('input') input: SaveScorecardDraftInput, @Ctx() context: Context): Promise<SaveScorecardDraftPayload> {
    const { firmId, userId } = userOf(context);
    return runMutation(context, SaveScorecardDraftPayload, (em) =>
      saveScorecardDraft(em, firmId, userId, {
        ...input,
        // Left out stays undefined: the service tells which of the two was sent.
        scorecardId: input.scorecardId === undefined ? undefined : localIdOf(input.scorecardId ?? '', 'Scorecard'),
        interviewId: input.interviewId === undefined ? undefined : localIdOf(input.interviewId ?? '', 'Interview'),
      }),
    );
  }

  @Authorized(...SCORERS)
  @Mutation(() => AmendScorecardPayload, {
    description: "Amends the caller's submitted scorecard: a new revision with a reason; earlier ones stay readable.",
  })
  amendScorecard(@Arg('input') input: AmendScorecardInput, @Ctx() context: Context): Promise<AmendScorecardPayload> {
    const { firmId, userId } = userOf(context);
    return runMutation(context, AmendScorecardPayload, (em) =>
      amendScorecard(em, firmId, userId, { ...input, scorecardId: localIdOf(input.scorecardId, 'Scorecard') }),
    );
  }

  @Authorized(...SCORERS)
  @Query(() => ScorecardConnection, { description: "The caller's own scorecards, oldest first: with status DRAFT, their to-do list." })
  myScorecards(@Args() { status, overdue, ...page }: MyScorecardsArgs, @Ctx() context: Context): Promise<Connection<Scorecard>> {
    const { firmId, userId } = userOf(context);
    return listMyScorecards(context.em, firmId, userId, { status, overdue }, page);
  }

  @Authorized(...STAFF)
  @Query(() => ScorecardConnection, {
    description:
      'Scorecards not submitted although their interview was held and they are due: all of the firm for an admin, ' +
      'those of the mandates you lead for a recruiter. Oldest first.',
  })
  overdueScorecards(@Args() page: ConnectionArgs, @Ctx() context: Context): Promise<Connection<Scorecard>> {
    const principal = principalOf(context);
    const { firmId, userId } = userOf(context);
    return listOverdueScorecards(context.em, firmId, principal.kind === 'USER' && principal.role === Role.ADMIN ? null : userId, page);
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Interview)
  async interview(@Root() scorecard: ScorecardRow, @Ctx() context: Context): Promise<InterviewRow> {
    return (await context.loaders.get(interviewByIdLoader).load(scorecard.interview.id))!;
  }

  // Interviewer identities are for the firm's staff; API keys see no users.
  @Authorized(...STAFF)
  @FieldResolver(() => User)
  async interviewer(@Root() scorecard: ScorecardRow, @Ctx() context: Context): Promise<User> {
    return (await context.loaders.get(userByIdLoader).load(scorecard.interviewer.id))!;
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Recommendation, { nullable: true, description: 'Of the latest revision; null while a draft.' })
  recommendation(@Root() scorecard: ScorecardRow, @Ctx() context: Context): Recommendation | null | Promise<Recommendation | null> {
    return withLatestRevision(scorecard, context, (revision) => revision?.recommendation ?? null);
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Of the latest revision; null while a draft. Reading it is recorded in the audit log.',
  })
  summary(@Root() scorecard: ScorecardRow, @Ctx() context: Context): string | null | Promise<string | null> {
    return withLatestRevision(scorecard, context, (revision) =>
      readPersonal(context.audit, 'Scorecard', scorecard.id, 'summary', revision?.summary ?? null),
    );
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => [Rating], {
    description: "The latest revision's rating of every competency of the rubric, in rubric order; empty while a draft.",
  })
  // Not async: a draft's answer is synchronous, a revision's is the loader's own promise.
  ratings(@Root() scorecard: ScorecardRow, @Ctx() context: Context): RatingRow[] | Promise<RatingRow[]> {
    if (!scorecard.latestRevision) return [];
    belongsTo(context.audit, scorecard.latestRevision.id, scorecard.id);
    return context.loaders.get(ratingsByRevisionLoader).load(scorecard.latestRevision.id);
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => ScorecardDraft, {
    nullable: true,
    description: "What you have saved of your own unsubmitted scorecard; null on anyone else's, before the first save and once submitted.",
  })
  async draft(@Root() scorecard: ScorecardRow, @Ctx() context: Context): Promise<ScorecardDraft | null> {
    const principal = principalOf(context);
    if (principal.kind !== 'USER' || principal.userId !== scorecard.interviewer.id) return null;
    if (scorecard.status !== ScorecardStatus.DRAFT) return null;
    return context.loaders.get(draftByScorecardLoader).load(scorecard.id);
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => [ScorecardRevision], { description: 'Every submitted version, oldest first; the last one counts.' })
  revisions(@Root() scorecard: ScorecardRow, @Ctx() context: Context): Promise<ScorecardRevisionRow[]> {
    return context.loaders.get(revisionsByScorecardLoader).load(scorecard.id);
  }
}

// Reached only through Scorecard.draft, which answers its author alone.
@Resolver(() => ScorecardDraft)
export class ScorecardDraftResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Reading it is recorded in the audit log.' })
  summary(@Root() draft: ScorecardDraft, @Ctx() context: Context): string | null {
    return readPersonal(context.audit, 'Scorecard', draft.scorecard.id, 'draftSummary', draft.summary);
  }

  @FieldResolver(() => [DraftRating], { description: 'The competencies saved so far, in the order they were first saved.' })
  ratings(@Root() draft: ScorecardDraft, @Ctx() context: Context): Promise<DraftRating[]> {
    context.audit.subjects.set(draft.id, { objectType: 'Scorecard', objectId: draft.scorecard.id });
    return context.loaders.get(draftRatingsByDraftLoader).load(draft.id);
  }
}

@Resolver(() => DraftRating)
export class DraftRatingResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Reading it is recorded in the audit log.' })
  evidence(@Root() rating: DraftRating, @Ctx() context: Context): string | null {
    const scorecard = context.audit.subjects.get(rating.draft.id);
    return scorecard
      ? readPersonal(context.audit, scorecard.objectType, scorecard.objectId, 'draftEvidence', rating.evidence)
      : readPersonal(context.audit, 'ScorecardDraft', rating.draft.id, 'evidence', rating.evidence);
  }
}

@Resolver(() => ScorecardRevision)
export class ScorecardRevisionResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => [Rating], { description: 'One per competency of the rubric, in rubric order.' })
  ratings(@Root() revision: ScorecardRevisionRow, @Ctx() context: Context): Promise<RatingRow[]> {
    belongsTo(context.audit, revision.id, revision.scorecard.id);
    return context.loaders.get(ratingsByRevisionLoader).load(revision.id);
  }

  @FieldResolver(() => String, { nullable: true })
  summary(@Root() revision: ScorecardRevisionRow, @Ctx() context: Context): string | null {
    return readPersonal(context.audit, 'Scorecard', revision.scorecard.id, 'summary', revision.summary);
  }

  @FieldResolver(() => String, { nullable: true })
  reason(@Root() revision: ScorecardRevisionRow, @Ctx() context: Context): string | null {
    return readPersonal(context.audit, 'Scorecard', revision.scorecard.id, 'reason', revision.reason);
  }

  @Authorized(...STAFF)
  @FieldResolver(() => User, { description: 'The interviewer who wrote this revision.' })
  async author(@Root() revision: ScorecardRevisionRow, @Ctx() context: Context): Promise<User> {
    return (await context.loaders.get(userByIdLoader).load(revision.author.id))!;
  }
}

@Resolver(() => Rating)
export class RatingResolver {
  // Evidence is logged against its scorecard, which the ratings field above noted for the revision.
  @FieldResolver(() => String, { nullable: true })
  evidence(@Root() rating: RatingRow, @Ctx() context: Context): string | null {
    const scorecard = context.audit.subjects.get(rating.revision.id);
    return scorecard
      ? readPersonal(context.audit, scorecard.objectType, scorecard.objectId, 'evidence', rating.evidence)
      : readPersonal(context.audit, 'ScorecardRevision', rating.revision.id, 'evidence', rating.evidence);
  }
}

// Ratings are read through a revision; their evidence is logged against the revision's scorecard.
function belongsTo(trail: AuditTrail, revisionId: string, scorecardId: string): void {
  trail.subjects.set(revisionId, { objectType: 'Scorecard', objectId: scorecardId });
}

// What `read` makes of the scorecard's latest revision: at once when the scorecard's row brought it
// along (scorecardsByInterviewLoader, which primes revisionByIdLoader with that same row), so a
// panel's recommendations cost no promise, loader call and microtask per scorecard; otherwise
// once the revision loader has it.
function withLatestRevision<T>(
  scorecard: ScorecardRow,
  context: Context,
  read: (revision: ScorecardRevisionRow | null) => T,
): T | Promise<T> {
  if (!scorecard.latestRevision) return read(null);
  const along = rowAlong<ScorecardRevisionRow>(scorecard.latestRevision);
  return along ? read(along) : latestRevisionOf(scorecard, context).then(read);
}

function latestRevisionOf(scorecard: ScorecardRow, context: Context): Promise<ScorecardRevisionRow | null> {
  if (!scorecard.latestRevision) return Promise.resolve(null);
  return context.loaders.get(revisionByIdLoader).load(scorecard.latestRevision.id);
}

function userOf(context: Context): { firmId: string; userId: string } {
  const principal = principalOf(context);
  // @Authorized(roles) lets only users through; this narrows the type.
  if (principal.kind !== 'USER') throw new Error('A user is required.');
  return { firmId: principal.firmId, userId: principal.userId };
}
