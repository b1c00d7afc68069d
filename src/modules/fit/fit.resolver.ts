import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Access } from '../../common/access';
import { Locale, resolveLocale } from '../../common/locale';
import { pageSize, toConnection, type Connection } from '../../common/connection';
import { principalOf, type Context } from '../../common/context';
import { Candidacy, CandidacyConnection } from '../candidacy';
import { Mandate } from '../mandate';
import { canSeeScoresOf, primeScoringBlindness } from '../interview';
import { candidacyScoresLoader } from './fit.loaders';
import { rankMandate } from './fit.repository';
import { compareCandidacies, rankedStages } from './fit.service';
import { RankingArgs } from './fit.inputs';
import { Assessment, Comparison, ComparisonRow, Fit } from './fit.types';
import { ASSESSMENT_READERS } from '../../common/access';

const HIDDEN_WHILE_DRAFT = 'Null while you still have an unsubmitted scorecard for this candidacy (independent scoring).';

@Resolver(() => Candidacy)
export class CandidacyFitResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Assessment, {
    nullable: true,
    description: `Per competency: mean score, ratings, spread, disagreement. ${HIDDEN_WHILE_DRAFT}`,
  })
  async assessment(@Root() candidacy: Candidacy, @Ctx() context: Context): Promise<Assessment | null> {
    if (!(await canSeeScoresOf(context, candidacy.id))) return null;
    const scores = await context.loaders.get(candidacyScoresLoader).load(candidacy);
    return { competencies: scores.assessment };
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Fit, { nullable: true, description: `Fit against the requirement profile. ${HIDDEN_WHILE_DRAFT}` })
  async fit(@Root() candidacy: Candidacy, @Ctx() context: Context): Promise<Fit | null> {
    if (!(await canSeeScoresOf(context, candidacy.id))) return null;
    return (await context.loaders.get(candidacyScoresLoader).load(candidacy)).fit;
  }
}

@Resolver(() => Mandate)
export class MandateFitResolver {
  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => CandidacyConnection, {
    description:
      'Candidacies best first: a missed must-have last, then fit (unknown last), coverage, age. Computed by the database. ' +
      'Candidacies you still have an unsubmitted scorecard for rank as unassessed. ' +
      'Every stage but the exits (REJECTED, WITHDRAWN) ranks unless `stages` says which; totalCount and pages follow the same filter.',
  })
  async ranking(@Root() mandate: Mandate, @Args() args: RankingArgs, @Ctx() context: Context): Promise<Connection<Candidacy>> {
    const principal = principalOf(context);
    const stages = rankedStages(args.stages);
    const { rows, hasNextPage } = await rankMandate(context.em, principal.firmId, mandate.id, {
      limit: pageSize(args.first),
      after: args.after,
      viewerUserId: principal.kind === 'USER' ? principal.userId : null,
      stages,
    });
    const cursors = new Map(rows.map((row) => [row.id, row.cursor]));
    const candidacies = rows.map((row) => {
      primeScoringBlindness(context, row.id, row.blind);
      return context.em.map(Candidacy, row.candidacyRow);
    });
    return toConnection(
      candidacies,
      hasNextPage,
      Boolean(args.after),
      (candidacy) => cursors.get(candidacy.id)!,
      () => context.em.count(Candidacy, { mandate: mandate.id, stage: { $in: stages } }),
    );
  }

  @Authorized<Access>(...ASSESSMENT_READERS)
  @FieldResolver(() => Comparison, { description: 'Competencies × 2–10 candidacies of this mandate, side by side with the profile.' })
  comparison(
    @Root() mandate: Mandate,
    @Arg('candidacyIds', () => [ID]) candidacyIds: string[],
    @Ctx() context: Context,
  ): Promise<Comparison> {
    return compareCandidacies(context, mandate, candidacyIds);
  }
}

const LOCALE_ARGUMENT = { nullable: true, description: 'Language of the text; default: Accept-Language, else EN.' };

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
