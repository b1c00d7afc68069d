import { badUserInput } from '../../common/errors';
import { localIdOf } from '../../common/global-id';
import type { Context } from '../../common/context';
import { Candidacy, type CandidacyStage, pipelineStages } from '../candidacy';
import { type MandateRow, requirementProfileLoader } from '../mandate';
import { scoringBlindCandidacyIds } from '../interview';
import { competenciesByRubricLoader } from '../rubric';
import { type CompetencyFit, type FitResult, scoreAgainst } from './fit-model';
import { scoresLoader } from './fit.loaders';
import type { Comparison, CompetencyFit as CompetencyFitType, Fit } from './fit.types';

export const COMPARISON_MIN = 2;
export const COMPARISON_MAX = 10;

// Competencies × candidacies of one mandate. The ids are checked first; nothing is computed
// for a request that names a wrong one.
export async function compareCandidacies(
  context: Context,
  mandate: MandateRow,
  globalIds: string[],
  calibrated = false,
): Promise<Comparison> {
  if (globalIds.length < COMPARISON_MIN || globalIds.length > COMPARISON_MAX) {
    throw badUserInput(
      `candidacyIds must name ${COMPARISON_MIN} to ${COMPARISON_MAX} candidacies, got ${globalIds.length}.`,
      'candidacyIds',
    );
  }
  const ids = globalIds.map((globalId) => localIdOf(globalId, 'Candidacy'));
  const found = await context.em.find(Candidacy, {
    id: { $in: ids.filter((id): id is string => id !== null) },
    mandate: mandate.id,
  });
  const byId = new Map(found.map((candidacy) => [candidacy.id, candidacy]));
  const candidacies = ids.map((id, index) => {
    const candidacy = id ? byId.get(id) : undefined;
    if (!candidacy) throw badUserInput(`candidacyIds[${index}] is not a candidacy of this mandate.`, 'candidacyIds');
    if (ids.indexOf(id) !== index) throw badUserInput(`candidacyIds[${index}] names the same candidacy twice.`, 'candidacyIds');
    return candidacy;
  });
  const blind = await scoringBlindCandidacyIds(
    context,
    candidacies.map((candidacy) => candidacy.id),
  );
  const firstBlind = candidacies.findIndex((candidacy) => blind.has(candidacy.id));
  if (firstBlind >= 0) {
    throw badUserInput(
      `Submit your scorecard for candidacyIds[${firstBlind}] first: until then its scores stay hidden from you.`,
      'candidacyIds',
    );
  }

  // The rubric's competencies are the ones the profile loader reads to order the profile: the
  // names cost no statement of their own.
  const [scores, profile, competencies] = await Promise.all([
    scoresLoader(context, calibrated).loadMany(candidacies),
    context.loaders.get(requirementProfileLoader).load(mandate),
    context.loaders.get(competenciesByRubricLoader).load(mandate.rubric.id),
  ]);
  const columns = candidacies.map((candidacy, index) => {
    const result = scores[index];
    if (result instanceof Error) throw result;
    return { candidacy, ...result };
  });
  const requirementOf = new Map(profile.map((requirement) => [requirement.competencyKey, requirement]));
  const competencyOf = new Map(competencies.map((competency) => [competency.key, competency]));
  return {
    calibrated,
    columns: columns.map(({ candidacy, fit }) => ({
      candidacy,
      fit: fitOfMandate(fit, mandate.id, calibrated),
    })),
    rows: columns[0].assessment.map(({ key }, row) => {
      const requirement = requirementOf.get(key);
      return {
        key,
        competency: competencyOf.get(key) ?? null,
        weight: requirement?.weight ?? 0,
        target: requirement?.target ?? null,
        minimum: requirement?.minimum ?? null,
        cells: columns.map(({ candidacy, assessment }) => {
          const { score, ratingsCount, disagreement } = assessment[row];
          // A competency outside the profile has no target: no gap, no must-have.
          const figures = score === null || requirement === undefined ? null : scoreAgainst(score, requirement);
          return {
            candidacy,
            score,
            ratingsCount,
            disagreement,
            gap: figures?.gap ?? null,
            meetsMinimum: figures?.meetsMinimum ?? null,
          };
        }),
      };
    }),
  };
}

// The stages a ranking keeps: the same rule as the mandate's list of candidacies.
export function rankedStages(stages: CandidacyStage[] | null | undefined): CandidacyStage[] {
  return pipelineStages(stages);
}

// A talent pool's figures of one competency: where its pooled ratings come from.
export interface PooledFigures {
  ratingsCount: number;
  mandatesCount: number;
  lastAssessedAt: Date | null;
}

// §3's fit as the GraphQL type shows it, for a mandate (whose rubric names the competencies).
// Every object written out in full, in one order (see computeFit: no `{ ...row, more }`), so
// that all of them share one hidden class whichever read made them.
export function fitOfMandate(fit: FitResult, mandateId: string, calibrated: boolean): Fit {
  return {
    calibrated,
    fit: fit.fit,
    coverage: fit.coverage,
    mustHavesMet: fit.mustHavesMet,
    competencies: fit.competencies.map((competency) => competencyFitOf(competency, mandateId, null)),
  };
}

// One competency's fit for a mandate: a candidacy's (pooled null: no mandatesCount or
// lastAssessedAt) or a talent pool match's.
export function competencyFitOf(competency: CompetencyFit, mandateId: string, pooled: PooledFigures | null): CompetencyFitType {
  return {
    key: competency.key,
    mandateId,
    weight: competency.weight,
    target: competency.target,
    minimum: competency.minimum,
    ratingsCount: pooled ? pooled.ratingsCount : competency.ratingsCount,
    mandatesCount: pooled ? pooled.mandatesCount : null,
    lastAssessedAt: pooled ? pooled.lastAssessedAt : null,
    score: competency.score,
    gap: competency.gap,
    surplus: competency.surplus,
    attainment: competency.attainment,
    meetsMinimum: competency.meetsMinimum,
  };
}
