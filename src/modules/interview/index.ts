import type { Feature } from '../../common/feature';
import { Interview } from './interview.entity';
import { Scorecard } from './scorecard.entity';
import { ScorecardRevision } from './scorecard-revision.entity';
import { Rating } from './rating.entity';
import { DraftRating, ScorecardDraft } from './scorecard-draft.entity';
import { interviewNode } from './interview.node';
import { CandidacyInterviewsResolver, InterviewResolver } from './interview.resolver';
import { scorecardNode } from './scorecard.node';
import {
  DraftRatingResolver,
  RatingResolver,
  ScorecardDraftResolver,
  ScorecardResolver,
  ScorecardRevisionResolver,
} from './scorecard.resolver';

// Interviews, their panels and the scorecards the panelists fill in: one aggregate (an
// interview's panel is its scorecards), so one feature.
export const interviewFeature: Feature = {
  entities: [Interview, Scorecard, ScorecardRevision, Rating, ScorecardDraft, DraftRating],
  resolvers: [
    InterviewResolver,
    CandidacyInterviewsResolver,
    ScorecardResolver,
    ScorecardRevisionResolver,
    RatingResolver,
    ScorecardDraftResolver,
    DraftRatingResolver,
  ],
  nodeSources: [interviewNode, scorecardNode],
};

export {
  candidaciesWithOwnDraft,
  candidaciesWithOwnDraftSql,
  canSeeScoresOf,
  primeScoringBlindness,
  scoringBlindCandidacyIds,
  visibleScorecards,
} from './independent-scoring';
export { Interview, InterviewKind, InterviewStatus } from './interview.entity';
export { interviewByIdLoader, type InterviewRow } from './interview.loaders';
export { scorecardByIdLoader, type ScorecardRow } from './scorecard.loaders';
export { cancelInterview, markInterviewHeld, markInterviewNoShow, rescheduleInterview, scheduleInterview } from './interview.service';
export { Rating } from './rating.entity';
export { DraftRating, ScorecardDraft } from './scorecard-draft.entity';
export { Recommendation, ScorecardRevision } from './scorecard-revision.entity';
export { Scorecard, ScorecardStatus } from './scorecard.entity';
export { amendScorecard, saveScorecardDraft, submitScorecard } from './scorecard.service';
