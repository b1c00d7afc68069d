import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Resolver, Root } from 'type-graphql';
import type { Access } from '../../common/access';
import { Locale, resolveLocale } from '../../common/locale';
import { pageSize, toConnection, type Connection } from '../../common/connection';
import { principalOf, type Context } from '../../common/context';
import { Candidacy, type CandidacyRow } from '../candidacy';
import { Mandate, mandateByIdLoader, type MandateRow } from '../mandate';
import { type Competency, competenciesByRubricLoader } from '../rubric';
import { canSeeScoresOf, primeScoringBlindness } from '../interview';
import { candidacyScoresLoader, scoresLoader } from './fit.loaders';
import { rankMandate } from './fit.repository';
import { compareCandidacies, fitOfMandate, rankedStages } from './fit.service';
import { RankingArgs } from './fit.inputs';
import {
  Assessment,
  Comparison,
  CompetencyAssessment,
  CompetencyFit,
  ComparisonRow,
  Fit,
  InterviewerLeniency,
  RankingConnection,
} from './fit.types';
import { ASSESSMENT_READERS, STAFF } from '../../common/access';
import { calibratedScore, firmLeniencyLoader } from '../calibration';
import { User, userByIdLoader } from '../user';

const CALIBRATED_ARGUMENT = {
  defaultValue: false,
  description:
    "Calibrated scores: each rating less its interviewer's firm-wide shrunk leniency, within 1–5 (PRODUCT.md §3b). Default false.",
};

const LOCALE_ARGUMENT = { nullable: true, description: 'Language of the text; default: Accept-Language, else EN.' };

const HIDDEN_WHILE_DRAFT = 'Null while you still have an unsubmitted scorecard for this candidacy (independent scoring).';

@Resolver(() => Candidacy)
export class CandidacyFitResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Assessment, {
    nullable: true,
    description: `Per competency: mean score, ratings, spread, disagreement. ${HIDDEN_WHILE_DRAFT}`,
  })
  async assessment(
    @Root() candidacy: CandidacyRow,
    @Arg('calibrated', CALIBRATED_ARGUMENT) calibrated: boolean,
    @Ctx() context: Context,
  ): Promise<Assessment | null> {
    if (!(await canSeeScoresOf(context, candidacy.id))) return null;
    const scores = await scoresLoader(context, calibrated).load(candidacy);
    // Written out in full (see computeFit): one hidden class for all of them.
    return {
      calibrated,
      competencies: scores.assessment.map(({ key, score, ratingsCount, spread, disagreement }) => ({
        key,
        score,
        ratingsCount,
        spread,
        disagreement,
        candidacy,
      })),
    };
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Fit, { nullable: true, description: `Fit against the requirement profile. ${HIDDEN_WHILE_DRAFT}` })
  async fit(
    @Root() candidacy: CandidacyRow,
    @Arg('calibrated', CALIBRATED_ARGUMENT) calibrated: boolean,
    @Ctx() context: Context,
  ): Promise<Fit | null> {
    if (!(await canSeeScoresOf(context, candidacy.id))) return null;
    const { fit } = await scoresLoader(context, calibrated).load(candidacy);
    return fitOfMandate(fit, candidacy.mandate.id, calibrated);
  }
}

@Resolver(() => CompetencyFit)
export class CompetencyFitResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => String, { description: "The competency's name in the language asked for (its key if the rubric lacks it)." })
  async name(
    @Root() row: CompetencyFit,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<string> {
    const competency = await competencyOfFit(context, row);
    return competency?.name[resolveLocale(locale, context.acceptLanguage)] ?? row.key;
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => String, { description: "What the competency is about, in the language asked for ('' if the rubric lacks it)." })
  async description(
    @Root() row: CompetencyFit,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<string> {
    const competency = await competencyOfFit(context, row);
    return competency?.description[resolveLocale(locale, context.acceptLanguage)] ?? '';
  }
}

// Both loaders batch over the whole response (a page of candidacies): one statement for their
// mandates (none when already read) and one for their rubrics' competencies, whatever the page size.
async function competencyOfFit(context: Context, row: CompetencyFit): Promise<Competency | null> {
  if (!row.mandateId) return null;
  const mandate = await context.loaders.get(mandateByIdLoader).load(row.mandateId);
  if (!mandate) return null;
  const competencies = await context.loaders.get(competenciesByRubricLoader).load(mandate.rubric.id);
  return competencies.find((competency) => competency.key === row.key) ?? null;
}

@Resolver(() => CompetencyAssessment)
export class CompetencyAssessmentResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Mean of the calibrated ratings: each less its interviewer's firm-wide shrunk leniency, within 1–5; null when not assessed.",
  })
  async calibratedScore(@Root() competency: CompetencyAssessment, @Ctx() context: Context): Promise<number | null> {
    const scores = await scoresLoader(context, true).load(competency.candidacy);
    return scores.assessment.find((each) => each.key === competency.key)?.score ?? null;
  }

  @Authorized<Access>(...STAFF)
  @FieldResolver(() => [InterviewerLeniency], {
    description: 'Who rated it, with their score and their leniency across the firm: what the calibrated score corrects for.',
  })
  async interviewers(@Root() competency: CompetencyAssessment, @Ctx() context: Context): Promise<InterviewerLeniency[]> {
    const { ratings } = await context.loaders.get(candidacyScoresLoader).load(competency.candidacy);
    const scoresOf = new Map<string, number[]>();
    for (const rating of ratings.filter((each) => each.competencyKey === competency.key)) {
      scoresOf.set(rating.interviewerId, [...(scoresOf.get(rating.interviewerId) ?? []), rating.score]);
    }
    const ids = [...scoresOf.keys()].sort();
    const leniencies = await context.loaders.get(firmLeniencyLoader).loadMany(ids);
    return ids.map((interviewerId, index) => {
      const leniency = leniencies[index];
      if (leniency instanceof Error) throw leniency;
      const scores = scoresOf.get(interviewerId)!;
      const score = scores.reduce((sum, each) => sum + each, 0) / scores.length;
      const calibrated = scores.reduce((sum, each) => sum + calibratedScore(each, leniency.shrunkLeniency), 0) / scores.length;
      return {
        interviewerId,
        score,
        calibratedScore: calibrated,
        shrunkLeniency: leniency.shrunkLeniency,
        comparedCells: leniency.comparedCells,
      };
    });
  }
}

@Resolver(() => InterviewerLeniency)
export class InterviewerLeniencyResolver {
  @Authorized<Access>(...STAFF)
  @FieldResolver(() => User)
  async interviewer(@Root() row: InterviewerLeniency, @Ctx() context: Context): Promise<User> {
    return (await context.loaders.get(userByIdLoader).load(row.interviewerId))!;
  }
}

@Resolver(() => Mandate)
export class MandateFitResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => RankingConnection, {
    description:
      'Candidacies best first: a missed must-have last, then fit (unknown last), coverage, age. Computed by the database. ' +
      'Candidacies you still have an unsubmitted scorecard for rank as unassessed. ' +
      'Every stage but the exits (REJECTED, WITHDRAWN) ranks unless `stages` says which; totalCount and pages follow the same filter. ' +
      '`calibrated: true` ranks on calibrated scores.',
  })
  async ranking(
    @Root() mandate: MandateRow,
    @Args() args: RankingArgs,
    @Ctx() context: Context,
  ): Promise<Connection<Candidacy> & { calibrated: boolean }> {
    const principal = principalOf(context);
    const stages = rankedStages(args.stages);
    const { rows, hasNextPage } = await rankMandate(context.em, principal.firmId, mandate.id, {
      limit: pageSize(args.first),
      after: args.after,
      viewerUserId: principal.kind === 'USER' ? principal.userId : null,
      stages,
      calibrated: args.calibrated,
    });
    const cursors = new Map(rows.map((row) => [row.id, row.cursor]));
    const candidacies = rows.map((row) => {
      primeScoringBlindness(context, row.id, row.blind);
      return context.em.map(Candidacy, row.candidacyRow);
    });
    const connection = toConnection(
      candidacies,
      hasNextPage,
      Boolean(args.after),
      (candidacy) => cursors.get(candidacy.id)!,
      () => context.em.count(Candidacy, { mandate: mandate.id, stage: { $in: stages } }),
    );
    // A getter stays lazy: copying the connection would count at once.
    return Object.defineProperty(connection, 'calibrated', { value: args.calibrated, enumerable: true }) as Connection<Candidacy> & {
      calibrated: boolean;
    };
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Comparison, { description: 'Competencies × 2–10 candidacies of this mandate, side by side with the profile.' })
  comparison(
    @Root() mandate: MandateRow,
    @Arg('candidacyIds', () => [ID]) candidacyIds: string[],
    @Arg('calibrated', CALIBRATED_ARGUMENT) calibrated: boolean,
    @Ctx() context: Context,
  ): Promise<Comparison> {
    return compareCandidacies(context, mandate, candidacyIds, calibrated);
  }
}

@Resolver(() => ComparisonRow)
export class ComparisonRowResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => String, { description: "The competency's name in the language asked for." })
  name(@Root() row: ComparisonRow, @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null, @Ctx() context: Context): string {
    return row.competency?.name[resolveLocale(locale, context.acceptLanguage)] ?? row.key;
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => String, { description: 'What the competency is about, in the language asked for.' })
  description(
    @Root() row: ComparisonRow,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): string {
    return row.competency?.description[resolveLocale(locale, context.acceptLanguage)] ?? '';
  }
}
