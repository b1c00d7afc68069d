import DataLoader from 'dataloader';
import { badUserInput } from '../../common/errors';
import { pageSize, toConnection, type Connection } from '../../common/connection';
import { principalOf, type Context } from '../../common/context';
import { userIdOf } from '../../common/access';
import { recordRead } from '../audit';
import { isLanguageCode } from '../candidate';
import { competencyFit, type CompetencyFitType, competencyFitOf, type PooledFigures, type RequirementSpec } from '../fit';
import type { MandateRow } from '../mandate';
import {
  countTalentPool,
  findPoolEvidence,
  findTalentPool,
  type PoolEvidenceRow,
  type PooledCompetencyRow,
  type TalentPoolFilterData,
} from './talent-pool.repository';
import type { TalentPoolArgs, TalentPoolFilter, TalentPoolMatch } from './talent-pool.types';

// A weighted competency the candidate has no pooled rating on.
const NOT_POOLED: PooledFigures = { ratingsCount: 0, mandatesCount: 0, lastAssessedAt: null };

// At most this many values in each list filter (locations, languages, tags).
export const MAX_FILTER_VALUES = 50;

// The talent pool of a mandate (PRODUCT.md §3c), a page at a time: the arguments checked first
// (nothing is read for a bad request), then one statement for the page with the mandate's weighted
// requirements and the pooled figures of its competencies, whatever the page size (a mandate with
// no weighted requirement is refused from it, before any build). Every read is audited as a read
// of the mandate's assessment data: one row per request, however many pages or aliases.
export async function talentPoolOf(context: Context, mandate: MandateRow, args: TalentPoolArgs): Promise<Connection<TalentPoolMatch>> {
  const limit = pageSize(args.first);
  const filter = checkFilter(args.filter);
  const principal = principalOf(context);
  const viewerUserId = userIdOf(principal);
  const { requirements, rows, hasNextPage } = await findTalentPool(context.em, principal.firmId, mandate.id, {
    rubricId: mandate.rubric.id,
    limit,
    after: args.after,
    viewerUserId,
    filter,
    onNoRequirement: () =>
      badUserInput(
        'This mandate has no weighted competency in its requirement profile, so there is nothing to match the talent pool on: ' +
          'give at least one competency a weight (setRequirementProfile).',
      ),
  });
  recordRead(context.audit, 'Mandate', mandate.id, 'talentPool');

  const matches = rows.map((row): TalentPoolMatch & { cursor: string } => {
    // §3's per-competency figures on the pooled scores (one per key: the pooled mean); fit,
    // coverage and mustHavesMet as the statement computed them (they decided the order).
    return {
      cursor: row.cursor,
      candidate: row.candidate,
      mandateId: mandate.id,
      lastAssessedAt: row.lastAssessedAt,
      inPipeline: row.inPipeline,
      fit: {
        calibrated: false,
        fit: row.fit,
        coverage: row.coverage,
        mustHavesMet: row.mustHavesMet,
        competencies: requirements.map((requirement) => pooledFitOf(requirement, row.competencies, mandate.id)),
      },
    };
  });
  return toConnection(
    matches,
    hasNextPage,
    Boolean(args.after),
    (match) => match.cursor,
    () => countTalentPool(context.em, principal.firmId, mandate.id, { viewerUserId, filter }),
  );
}

// One weighted competency of a match as Fit shows it: the fit model's figures for one score per
// key (the pooled mean), with the pooled counts, straight from the requirement (a page builds
// 50 × the profile's competencies of these).
function pooledFitOf(requirement: RequirementSpec, pooled: readonly PooledCompetencyRow[], mandateId: string): CompetencyFitType {
  const found = pooled.find((each) => each.competencyKey === requirement.competencyKey);
  return found
    ? competencyFitOf(competencyFit(requirement, found.score, found.ratingsCount), mandateId, found)
    : competencyFitOf(competencyFit(requirement, null, 0), mandateId, NOT_POOLED);
}

// The filter as the repository takes it, or a BAD_USER_INPUT error naming what is wrong.
function checkFilter(filter: TalentPoolFilter | null | undefined): TalentPoolFilterData {
  if (!filter) return {};
  const { minCoverage } = filter;
  if (minCoverage !== null && minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 1)) {
    throw badUserInput(`filter.minCoverage is a share of the profile's weight, from 0 to 1; got ${minCoverage}.`, 'filter');
  }
  for (const name of ['locations', 'languages', 'tags'] as const) {
    const values = filter[name];
    if (values && values.length > MAX_FILTER_VALUES) {
      throw badUserInput(`filter.${name} takes at most ${MAX_FILTER_VALUES} values; got ${values.length}.`, 'filter');
    }
  }
  const unknown = (filter.languages ?? []).filter((code) => !isLanguageCode(code));
  if (unknown.length > 0) {
    throw badUserInput(
      `filter.languages takes ISO 639-1 codes in lower case (nb, sv, en); not a code: ${unknown.map((code) => JSON.stringify(code)).join(', ')}.`,
      'filter',
    );
  }
  return {
    minCoverage: minCoverage ?? null,
    assessedSince: filter.assessedSince ?? null,
    locations: filter.locations ?? null,
    languages: filter.languages ?? null,
    tags: filter.tags ?? null,
    includePipeline: filter.includePipeline ?? false,
  };
}

// The evidence behind each match of the response: one statement per mandate asked about,
// whatever the number of matches.
export const poolEvidenceLoader = (context: Context) =>
  new DataLoader<{ mandateId: string; candidateId: string }, PoolEvidenceRow[], string>(
    async (keys) => {
      const principal = principalOf(context);
      const byMandate = new Map<string, string[]>();
      for (const { mandateId, candidateId } of keys) byMandate.set(mandateId, [...(byMandate.get(mandateId) ?? []), candidateId]);
      const found = new Map<string, PoolEvidenceRow[]>();
      for (const [mandateId, candidateIds] of byMandate) {
        const rows = await findPoolEvidence(context.em, principal.firmId, mandateId, candidateIds, userIdOf(principal));
        for (const row of rows) {
          const key = `${mandateId}:${row.candidateId}`;
          found.set(key, [...(found.get(key) ?? []), row]);
        }
      }
      return keys.map(({ mandateId, candidateId }) => found.get(`${mandateId}:${candidateId}`) ?? []);
    },
    { cacheKeyFn: ({ mandateId, candidateId }) => `${mandateId}:${candidateId}` },
  );
