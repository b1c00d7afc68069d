import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { STAFF, TALENT_POOL_READERS, type Access } from '../../common/access';
import type { Connection } from '../../common/connection';
import type { Context } from '../../common/context';
import { Candidate, type CandidateRow } from '../candidate';
import { Interview, interviewByIdLoader, type InterviewRow, Scorecard, scorecardByIdLoader, type ScorecardRow } from '../interview';
import { Mandate, mandateByIdLoader, type MandateRow } from '../mandate';
import { poolEvidenceLoader, talentPoolOf } from './talent-pool.service';
import { TalentPoolArgs, TalentPoolConnection, TalentPoolEvidence, TalentPoolMatch } from './talent-pool.types';

@Resolver(() => Mandate)
export class MandateTalentPoolResolver {
  @Authorized<Access>(...TALENT_POOL_READERS)
  @FieldResolver(() => TalentPoolConnection, {
    description:
      "Talent rediscovery: the firm's earlier-assessed candidates ranked against this mandate's requirement profile on their " +
      'pooled interview evidence (PRODUCT.md §3c). Best first: a missed must-have last, then fit (unknown last), coverage, the ' +
      'most recently assessed, candidate id. Never erased, withdrawn or expired candidates; ratings on candidacies where you ' +
      'still have an unsubmitted scorecard are left out. Needs a weighted competency in the profile. Every read is audited.',
  })
  talentPool(@Root() mandate: MandateRow, @Args() args: TalentPoolArgs, @Ctx() context: Context): Promise<Connection<TalentPoolMatch>> {
    return talentPoolOf(context, mandate, args);
  }
}

@Resolver(() => TalentPoolMatch)
export class TalentPoolMatchResolver {
  @Authorized<Access>(...TALENT_POOL_READERS)
  // Read with the page (findTalentPool): no statement more.
  @FieldResolver(() => Candidate)
  candidate(@Root() match: TalentPoolMatch): CandidateRow {
    return match.candidate;
  }

  @Authorized<Access>(...STAFF)
  @FieldResolver(() => [TalentPoolEvidence], {
    description:
      'The submitted scorecards behind the pooled scores, newest first: for staff, with the same independent-scoring rule as the pool.',
  })
  evidence(@Root() match: TalentPoolMatch, @Ctx() context: Context): Promise<TalentPoolEvidence[]> {
    return context.loaders.get(poolEvidenceLoader).load({ mandateId: match.mandateId, candidateId: match.candidate.id });
  }
}

@Resolver(() => TalentPoolEvidence)
export class TalentPoolEvidenceResolver {
  @Authorized<Access>(...STAFF)
  @FieldResolver(() => Mandate, { description: 'The mandate the candidate was assessed in.' })
  async mandate(@Root() evidence: TalentPoolEvidence, @Ctx() context: Context): Promise<Mandate> {
    return (await context.loaders.get(mandateByIdLoader).load(evidence.mandateId))!;
  }

  @Authorized<Access>(...STAFF)
  @FieldResolver(() => Interview)
  async interview(@Root() evidence: TalentPoolEvidence, @Ctx() context: Context): Promise<InterviewRow> {
    return (await context.loaders.get(interviewByIdLoader).load(evidence.interviewId))!;
  }

  @Authorized<Access>(...STAFF)
  @FieldResolver(() => Scorecard)
  async scorecard(@Root() evidence: TalentPoolEvidence, @Ctx() context: Context): Promise<ScorecardRow> {
    return (await context.loaders.get(scorecardByIdLoader).load(evidence.scorecardId))!;
  }
}
