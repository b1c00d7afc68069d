import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AGREEMENT_READERS, CALIBRATION_READERS, type Access } from '../../common/access';
import { pageSize, toConnection, type Connection } from '../../common/connection';
import type { Context } from '../../common/context';
import { Mandate, type MandateRow } from '../mandate';
import { User, userByIdLoader } from '../user';
import { AgreementMetric } from './calibration-model';
import { AssessmentQualityFilter, InterviewerCalibrationArgs } from './calibration.inputs';
import { assessmentQuality, leniencyByCompetencyLoader, listInterviewerCalibration, mandateAgreementLoader } from './calibration.service';
import {
  AssessmentQuality,
  CompetencyLeniency,
  InterviewerCalibration,
  InterviewerCalibrationConnection,
  MandateAgreement,
} from './calibration.types';

const METRIC_ARGUMENT = { defaultValue: AgreementMetric.INTERVAL, description: 'How to measure disagreement; default INTERVAL.' };
const INDEPENDENT_SCORING = 'Candidacies you still have an unsubmitted scorecard for are left out of every figure (independent scoring).';

@Resolver(() => InterviewerCalibration)
export class InterviewerCalibrationResolver {
  @Authorized<Access>(...CALIBRATION_READERS)
  @Query(() => InterviewerCalibrationConnection, {
    description:
      'Leniency of each interviewer against colleagues who scored the same candidates (PRODUCT.md §3b), the largest |shrunkLeniency| first. ' +
      `Admins: every interviewer; recruiters: their own row, and every interviewer of a mandate they lead (filter.mandateId). ${INDEPENDENT_SCORING}`,
  })
  async interviewerCalibration(
    @Args() args: InterviewerCalibrationArgs,
    @Ctx() context: Context,
  ): Promise<Connection<InterviewerCalibration>> {
    const limit = pageSize(args.first);
    const { rows, cursors, hasNextPage, count } = await listInterviewerCalibration(context, args.filter, { limit, after: args.after });
    return toConnection(rows, hasNextPage, Boolean(args.after), (row) => cursors.get(row)!, count);
  }

  @Authorized<Access>(...CALIBRATION_READERS)
  @FieldResolver(() => User)
  async interviewer(@Root() row: InterviewerCalibration, @Ctx() context: Context): Promise<User> {
    return (await context.loaders.get(userByIdLoader).load(row.interviewerId))!;
  }

  @Authorized<Access>(...CALIBRATION_READERS)
  @FieldResolver(() => [CompetencyLeniency], { description: 'The same figures per competency key (keys the interviewer scored), by key.' })
  byCompetency(@Root() row: InterviewerCalibration, @Ctx() context: Context): Promise<CompetencyLeniency[]> {
    return context.loaders.get(leniencyByCompetencyLoader).load({ scopeKey: row.scopeKey, interviewerId: row.interviewerId });
  }

  @Authorized<Access>(...CALIBRATION_READERS)
  @Query(() => AssessmentQuality, {
    description: `The firm's inter-rater agreement per competency key across mandates, and the spread of leniency. ${INDEPENDENT_SCORING}`,
  })
  assessmentQuality(
    @Arg('filter', () => AssessmentQualityFilter, { nullable: true }) filter: AssessmentQualityFilter | null,
    @Arg('metric', () => AgreementMetric, METRIC_ARGUMENT) metric: AgreementMetric,
    @Ctx() context: Context,
  ): Promise<AssessmentQuality> {
    return assessmentQuality(context, filter, metric);
  }
}

@Resolver(() => Mandate)
export class MandateAgreementResolver {
  @Authorized<Access>(...AGREEMENT_READERS)
  @FieldResolver(() => MandateAgreement, {
    description: `How far this mandate's interviewers agree (Krippendorff's alpha), overall and per competency. ${INDEPENDENT_SCORING}`,
  })
  agreement(
    @Root() mandate: MandateRow,
    @Arg('metric', () => AgreementMetric, METRIC_ARGUMENT) metric: AgreementMetric,
    @Ctx() context: Context,
  ): Promise<MandateAgreement> {
    return context.loaders.get(mandateAgreementLoader).load({ mandate, metric });
  }
}
