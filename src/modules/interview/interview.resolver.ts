import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import { Locale, resolveLocale } from '../../common/locale';
import { mandateByIdLoader, requirementProfileLoader } from '../mandate';
import { competenciesByRubricLoader } from '../rubric';
import { coverageOf, InterviewCoverage, KitCompetency, kitFor, type KitSource } from './interview-kit';
import { STAFF, type Access } from '../../common/access';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { User, userByIdLoader } from '../user';
import { Candidacy, candidacyByIdLoader, type CandidacyRow } from '../candidacy';
import { Scorecard } from './scorecard.entity';
import { scorecardsByInterviewLoader, type ScorecardRow } from './scorecard.loaders';
import { visibleScorecards } from './independent-scoring';
import { Interview } from './interview.entity';
import {
  AddInterviewerInput,
  AddInterviewerPayload,
  CancelInterviewInput,
  InterviewConnection,
  InterviewPayload,
  MyInterviewsArgs,
  MarkInterviewHeldInput,
  MarkInterviewNoShowInput,
  RescheduleInterviewInput,
  RemoveInterviewerInput,
  RemoveInterviewerPayload,
  ScheduleInterviewInput,
  ScheduleInterviewPayload,
} from './interview.inputs';
import {
  addInterviewer,
  cancelInterview,
  listMyInterviews,
  markInterviewHeld,
  markInterviewNoShow,
  removeInterviewer,
  rescheduleInterview,
  scheduleInterview,
} from './interview.service';
import { interviewsByCandidacyLoader, type InterviewRow } from './interview.loaders';
import { ASSESSMENT_READERS, MANDATE_READERS } from '../../common/access';

@Resolver(() => Interview)
export class InterviewResolver {
  @Authorized(...STAFF)
  @Mutation(() => ScheduleInterviewPayload, { description: 'Schedules an interview of a candidacy with a panel of 1–5 interviewers.' })
  scheduleInterview(@Arg('input') input: ScheduleInterviewInput, @Ctx() context: Context): Promise<ScheduleInterviewPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, ScheduleInterviewPayload, (em) =>
      scheduleInterview(em, firmId, { ...input, candidacyId: localIdOf(input.candidacyId, 'Candidacy') }),
    );
  }

  @Authorized(...STAFF)
  @Mutation(() => AddInterviewerPayload, { description: 'Adds an interviewer to the panel, with a DRAFT scorecard.' })
  addInterviewer(@Arg('input') input: AddInterviewerInput, @Ctx() context: Context): Promise<AddInterviewerPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, AddInterviewerPayload, (em) =>
      addInterviewer(em, firmId, { ...input, interviewId: localIdOf(input.interviewId, 'Interview') }),
    );
  }

  @Authorized(...STAFF)
  @Mutation(() => RemoveInterviewerPayload, {
    description: 'Takes an interviewer off the panel, with their scorecard, while it is still a draft.',
  })
  removeInterviewer(@Arg('input') input: RemoveInterviewerInput, @Ctx() context: Context): Promise<RemoveInterviewerPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, RemoveInterviewerPayload, (em) =>
      removeInterviewer(em, firmId, { ...input, interviewId: localIdOf(input.interviewId, 'Interview') }),
    );
  }

  @Authorized(...STAFF)
  @Mutation(() => InterviewPayload, {
    description: 'Moves an interview that has not been held or cancelled to a new time (never the past); emits interview.rescheduled.',
  })
  rescheduleInterview(@Arg('input') input: RescheduleInterviewInput, @Ctx() context: Context): Promise<InterviewPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, InterviewPayload, (em) =>
      rescheduleInterview(em, firmId, { ...input, interviewId: localIdOf(input.interviewId, 'Interview') }),
    );
  }

  @Authorized(...STAFF)
  @Mutation(() => InterviewPayload, {
    description:
      'Calls an interview off with a reason, unless a scorecard of it has been submitted. Scorecards nobody saved anything ' +
      'into go; the rest stays on record. Emits interview.cancelled.',
  })
  cancelInterview(@Arg('input') input: CancelInterviewInput, @Ctx() context: Context): Promise<InterviewPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, InterviewPayload, (em) =>
      cancelInterview(em, firmId, { ...input, interviewId: localIdOf(input.interviewId, 'Interview') }),
    );
  }

  @Authorized(...STAFF)
  @Mutation(() => InterviewPayload, {
    description: "Records that a SCHEDULED interview took place: its scorecards fall due (the firm's setting, 24 hours by default).",
  })
  markInterviewHeld(@Arg('input') input: MarkInterviewHeldInput, @Ctx() context: Context): Promise<InterviewPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, InterviewPayload, (em) =>
      markInterviewHeld(em, firmId, { ...input, interviewId: localIdOf(input.interviewId, 'Interview') }),
    );
  }

  @Authorized(...STAFF)
  @Mutation(() => InterviewPayload, { description: 'Records that the candidate did not come to a SCHEDULED interview.' })
  markInterviewNoShow(@Arg('input') input: MarkInterviewNoShowInput, @Ctx() context: Context): Promise<InterviewPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, InterviewPayload, (em) =>
      markInterviewNoShow(em, firmId, { ...input, interviewId: localIdOf(input.interviewId, 'Interview') }),
    );
  }

  @Authorized<Access>(...MANDATE_READERS)
  @FieldResolver(() => Candidacy)
  async candidacy(@Root() interview: InterviewRow, @Ctx() context: Context): Promise<CandidacyRow> {
    return (await context.loaders.get(candidacyByIdLoader).load(interview.candidacy.id))!;
  }

  // Interviewer identities are for the firm's staff; API keys see no users.
  @Authorized(...STAFF)
  @FieldResolver(() => [User], { description: 'The interviewers, in the order they were named.' })
  async panel(@Root() interview: InterviewRow, @Ctx() context: Context): Promise<User[]> {
    const scorecards = await context.loaders.get(scorecardsByInterviewLoader).load(interview.id);
    const users = await context.loaders.get(userByIdLoader).loadMany(scorecards.map((scorecard) => scorecard.interviewer.id));
    return users as User[];
  }

  @Authorized(...STAFF)
  @Query(() => InterviewConnection, {
    description: 'Your day: the interviews you sit on the panel of, in the order they take place, with kit and your scorecard.',
  })
  myInterviews(@Args() { filter, ...page }: MyInterviewsArgs, @Ctx() context: Context): Promise<Connection<Interview>> {
    const principal = principalOf(context);
    // @Authorized(STAFF) lets only users through; this narrows the type.
    if (principal.kind !== 'USER') throw new Error('A user is required.');
    return listMyInterviews(context.em, principal.firmId, principal.userId, filter ?? {}, page);
  }

  @Authorized(...STAFF)
  @FieldResolver(() => Scorecard, {
    nullable: true,
    description: 'Your own scorecard of this interview; null when you are not on its panel.',
  })
  async myScorecard(@Root() interview: InterviewRow, @Ctx() context: Context): Promise<ScorecardRow | null> {
    const principal = principalOf(context);
    const scorecards = await context.loaders.get(scorecardsByInterviewLoader).load(interview.id);
    return scorecards.find((scorecard) => principal.kind === 'USER' && scorecard.interviewer.id === principal.userId) ?? null;
  }

  @Authorized(...STAFF)
  @FieldResolver(() => [KitCompetency], {
    description:
      "Your interview kit: the mandate's weighted competencies, your focus first, each with what to look for, what to ask " +
      'and the anchored 1–5 scale, in the language asked for (default: Accept-Language, else EN).',
  })
  async kit(
    @Root() interview: InterviewRow,
    @Arg('locale', () => Locale, { nullable: true }) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<KitCompetency[]> {
    const principal = principalOf(context);
    const [weighted, scorecards] = await Promise.all([
      weightedCompetenciesOf(interview, context),
      context.loaders.get(scorecardsByInterviewLoader).load(interview.id),
    ]);
    const own = scorecards.find((scorecard) => principal.kind === 'USER' && scorecard.interviewer.id === principal.userId);
    return kitFor(weighted, own?.focusCompetencyKeys ?? [], resolveLocale(locale, context.acceptLanguage));
  }

  @Authorized(...STAFF)
  @FieldResolver(() => InterviewCoverage, { description: "Which of the mandate's weighted competencies the panel's focus covers." })
  async coverage(@Root() interview: InterviewRow, @Ctx() context: Context): Promise<InterviewCoverage> {
    const [weighted, scorecards] = await Promise.all([
      weightedCompetenciesOf(interview, context),
      context.loaders.get(scorecardsByInterviewLoader).load(interview.id),
    ]);
    return coverageOf(
      weighted.map((source) => source.key),
      scorecards.map((scorecard) => scorecard.focusCompetencyKeys),
    );
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => [Scorecard], {
    description:
      'The scorecards you may see, in panel order. Independent scoring: while you have an unsubmitted scorecard ' +
      'on this candidacy, only your own. API keys see submitted ones only.',
  })
  scorecards(@Root() interview: InterviewRow, @Ctx() context: Context): Promise<ScorecardRow[]> {
    // One promise per interview (the loader's, then this): no async function and await around it.
    return context.loaders
      .get(scorecardsByInterviewLoader)
      .load(interview.id)
      .then((scorecards) => visibleScorecards(context, interview.candidacy.id, scorecards));
  }
}

// Candidacy's other fields belong to the candidacy feature; this class adds its interviews.
@Resolver(() => Candidacy)
export class CandidacyInterviewsResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => [Interview], { description: 'Its interviews, in the order they take place.' })
  interviews(@Root() candidacy: CandidacyRow, @Ctx() context: Context): Promise<InterviewRow[]> {
    return context.loaders.get(interviewsByCandidacyLoader).load(candidacy.id);
  }
}

// The competencies weighted above 0 in the profile of the interview's mandate, in rubric order,
// with the rubric's texts: through the per-request loaders, so a page of interviews costs the same
// few statements as one.
async function weightedCompetenciesOf(interview: InterviewRow, context: Context): Promise<KitSource[]> {
  const candidacy = await context.loaders.get(candidacyByIdLoader).load(interview.candidacy.id);
  const mandate = candidacy ? await context.loaders.get(mandateByIdLoader).load(candidacy.mandate.id) : null;
  if (!mandate) return [];
  const [requirements, competencies] = await Promise.all([
    context.loaders.get(requirementProfileLoader).load(mandate),
    context.loaders.get(competenciesByRubricLoader).load(mandate.rubric.id),
  ]);
  const byKey = new Map(competencies.map((competency) => [competency.key, competency]));
  return requirements.flatMap((requirement) => {
    const competency = byKey.get(requirement.competencyKey);
    if (!competency || requirement.weight === 0) return [];
    return [{ ...competency, key: competency.key, weight: requirement.weight }];
  });
}
