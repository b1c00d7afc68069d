import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
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
  RemoveInterviewerInput,
  RemoveInterviewerPayload,
  ScheduleInterviewInput,
  ScheduleInterviewPayload,
} from './interview.inputs';
import { addInterviewer, removeInterviewer, scheduleInterview } from './interview.service';
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

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => [Scorecard], {
    description:
      'The scorecards you may see, in panel order. Independent scoring: while you have an unsubmitted scorecard ' +
      'on this candidacy, only your own. API keys see submitted ones only.',
  })
  async scorecards(@Root() interview: InterviewRow, @Ctx() context: Context): Promise<ScorecardRow[]> {
    const scorecards = await context.loaders.get(scorecardsByInterviewLoader).load(interview.id);
    return visibleScorecards(context, interview.candidacy.id, scorecards);
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
