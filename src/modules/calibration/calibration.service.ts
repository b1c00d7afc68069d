import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/access';
import { principalOf, type Context } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { localIdOf } from '../../common/global-id';
import { type Mandate, type MandateRow, mandateByIdLoader } from '../mandate';
import { competencyKeysByRubricLoader } from '../rubric';
import { AgreementMetric, type AgreementResult, weightedAgreement } from './calibration-model';
import {
  countInterviewers,
  findLeniencies,
  findLeniencyPage,
  findUnitPatterns,
  type LeniencyRow,
  type RatingScope,
  type UnitPattern,
} from './calibration.repository';
import type { AssessmentQualityFilter, InterviewerCalibrationFilter } from './calibration.inputs';
import type { Agreement, AssessmentQuality, CompetencyAgreement, InterviewerCalibration, MandateAgreement } from './calibration.types';

// The user whose unsubmitted scorecards hide candidacies from the figures (independent scoring).
function viewerOf(context: Context): string | null {
  const principal = principalOf(context);
  return principal.kind === 'USER' ? principal.userId : null;
}

function checkTimeRange(filter: { from?: Date | null; to?: Date | null } | null | undefined): void {
  if (filter?.from && filter.to && filter.from >= filter.to) throw badUserInput('filter.from must be before filter.to.', 'filter');
}

// The scope of the figures asked for, and whose rows the caller may see: admins every
// interviewer; recruiters their own row, and every interviewer of a mandate they lead.
async function calibrationScope(
  context: Context,
  filter: InterviewerCalibrationFilter | null | undefined,
): Promise<{ scope: RatingScope; onlyInterviewerId: string | null }> {
  const principal = principalOf(context);
  checkTimeRange(filter);
  let mandate: Mandate | null = null;
  if (filter?.mandateId) {
    const id = localIdOf(filter.mandateId, 'Mandate');
    mandate = id ? await context.loaders.get(mandateByIdLoader).load(id) : null;
    if (!mandate) throw badUserInput('filter.mandateId is not a mandate of your firm.', 'filter');
  }
  const scope: RatingScope = {
    mandateIds: mandate ? [mandate.id] : null,
    rubricKey: filter?.rubricKey ?? null,
    competencyKey: filter?.competencyKey ?? null,
    from: filter?.from ?? null,
    to: filter?.to ?? null,
    viewerUserId: viewerOf(context),
  };
  const leads = principal.kind === 'USER' && mandate !== null && mandate.leadRecruiter.id === principal.userId;
  if (principal.kind !== 'USER') throw new Error('Calibration figures are for people only.');
  const seesAll = principal.role === Role.ADMIN || leads;
  return { scope, onlyInterviewerId: seesAll ? null : principal.userId };
}

// A scope as a cache key, and back: the per-competency figures of one page share one statement.
function scopeKeyOf(scope: RatingScope): string {
  return JSON.stringify(scope);
}

function scopeFromKey(key: string): RatingScope {
  const parsed = JSON.parse(key) as RatingScope & { from: string | null; to: string | null };
  return { ...parsed, from: parsed.from ? new Date(parsed.from) : null, to: parsed.to ? new Date(parsed.to) : null };
}

export async function listInterviewerCalibration(
  context: Context,
  filter: InterviewerCalibrationFilter | null | undefined,
  page: { limit: number; after?: string | null },
): Promise<{
  rows: InterviewerCalibration[];
  cursors: Map<InterviewerCalibration, string>;
  hasNextPage: boolean;
  count: () => Promise<number>;
}> {
  const { scope, onlyInterviewerId } = await calibrationScope(context, filter);
  const { firmId } = principalOf(context);
  const result = await findLeniencyPage(context.em, firmId, scope, { ...page, onlyInterviewerId });
  const scopeKey = scopeKeyOf(scope);
  const cursors = new Map<InterviewerCalibration, string>();
  const rows = result.rows.map((row) => {
    const calibration: InterviewerCalibration = { ...leniencyFigures(row), interviewerId: row.interviewerId, scopeKey };
    cursors.set(calibration, row.cursor);
    return calibration;
  });
  return {
    rows,
    cursors,
    hasNextPage: result.hasNextPage,
    count: () => countInterviewers(context.em, firmId, scope, onlyInterviewerId),
  };
}

function leniencyFigures(row: LeniencyRow) {
  const interval = row.standardError === null || row.leniency === null ? null : 1.96 * row.standardError;
  return {
    comparedCells: row.comparedCells,
    leniency: row.leniency,
    standardError: row.standardError,
    low: interval === null ? null : row.leniency! - interval,
    high: interval === null ? null : row.leniency! + interval,
    shrunkLeniency: row.shrunkLeniency,
  };
}

// Per competency key, the figures of the interviewers of a page over the same scope: one
// statement per page, whatever its size.
export const leniencyByCompetencyLoader = (context: Context) =>
  new DataLoader<{ scopeKey: string; interviewerId: string }, (ReturnType<typeof leniencyFigures> & { key: string })[], string>(
    async (keys) => {
      const { firmId } = principalOf(context);
      const byScope = new Map<string, string[]>();
      for (const key of keys) byScope.set(key.scopeKey, [...(byScope.get(key.scopeKey) ?? []), key.interviewerId]);
      const results = new Map<string, (ReturnType<typeof leniencyFigures> & { key: string })[]>();
      for (const [scopeKey, interviewerIds] of byScope) {
        const rows = await findLeniencies(context.em, firmId, scopeFromKey(scopeKey), interviewerIds, { perCompetency: true });
        for (const row of rows) {
          const cacheKey = `${scopeKey}\n${row.interviewerId}`;
          results.set(cacheKey, [...(results.get(cacheKey) ?? []), { key: row.competencyKey!, ...leniencyFigures(row) }]);
        }
      }
      return keys.map((key) => results.get(`${key.scopeKey}\n${key.interviewerId}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.scopeKey}\n${key.interviewerId}` },
  );

// Alpha and its interval from the statement's patterns as they come: expanding them into one
// array per unit was most of this request's Node time.
function agreementOf(patterns: readonly UnitPattern[], metric: AgreementMetric): Agreement {
  const result: AgreementResult = weightedAgreement(patterns, metric);
  return { metric, ...result };
}

function agreementByCompetency(patterns: readonly UnitPattern[], keys: readonly string[], metric: AgreementMetric): CompetencyAgreement[] {
  return keys.map((key) => ({
    key,
    ...agreementOf(
      patterns.filter((pattern) => pattern.competencyKey === key),
      metric,
    ),
  }));
}

// The agreement of many mandates from one statement, and their rubrics' competency keys (plain
// rows, the rubric's loader). Left out for the caller: the candidacies they still have an unsubmitted
// scorecard on.
export const mandateAgreementLoader = (context: Context) =>
  new DataLoader<{ mandate: MandateRow; metric: AgreementMetric }, MandateAgreement, string>(
    async (keys) => {
      const { firmId } = principalOf(context);
      const mandateIds = [...new Set(keys.map((key) => key.mandate.id))];
      const rubricIds = [...new Set(keys.map((key) => key.mandate.rubric.id))];
      const [patterns, keyLists] = await Promise.all([
        findUnitPatterns(context.em, firmId, { mandateIds, viewerUserId: viewerOf(context) }, { perMandate: true }),
        context.loaders.get(competencyKeysByRubricLoader).loadMany(rubricIds),
      ]);
      const keysOfRubric = new Map(
        rubricIds.map((rubricId, index) => {
          const list = keyLists[index];
          if (list instanceof Error) throw list;
          return [rubricId, list];
        }),
      );
      return keys.map(({ mandate, metric }) => {
        const own = patterns.filter((pattern) => pattern.mandateId === mandate.id);
        return {
          overall: agreementOf(own, metric),
          byCompetency: agreementByCompetency(own, keysOfRubric.get(mandate.rubric.id) ?? [], metric),
        };
      });
    },
    { cacheKeyFn: (key) => `${key.mandate.id}:${key.metric}` },
  );

// The overall agreement of one mandate's panels outside a request's loaders: the client report's
// cover line. `viewerUserId` leaves out the candidacies that viewer still has a draft on.
export async function mandateAgreement(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  viewerUserId: string | null,
  metric: AgreementMetric = AgreementMetric.INTERVAL,
): Promise<Agreement> {
  const patterns = await findUnitPatterns(em, firmId, { mandateIds: [mandateId], viewerUserId }, { perMandate: true });
  return agreementOf(patterns, metric);
}

export async function assessmentQuality(
  context: Context,
  filter: AssessmentQualityFilter | null | undefined,
  metric: AgreementMetric,
): Promise<AssessmentQuality> {
  checkTimeRange(filter);
  const { firmId } = principalOf(context);
  const scope: RatingScope = {
    rubricKey: filter?.rubricKey ?? null,
    from: filter?.from ?? null,
    to: filter?.to ?? null,
    viewerUserId: viewerOf(context),
  };
  const [patterns, leniencies] = await Promise.all([
    findUnitPatterns(context.em, firmId, scope, { perMandate: false }),
    findLeniencies(context.em, firmId, scope, null, { perCompetency: false }),
  ]);
  const keys = [...new Set(patterns.map((pattern) => pattern.competencyKey))].sort();
  const shrunk = leniencies.filter((row) => row.comparedCells > 0).map((row) => row.shrunkLeniency);
  const mean = shrunk.reduce((sum, x) => sum + x, 0) / shrunk.length;
  return {
    overall: agreementOf(patterns, metric),
    byCompetency: agreementByCompetency(patterns, keys, metric),
    leniencySpread: {
      interviewers: shrunk.length,
      lowest: shrunk.length > 0 ? Math.min(...shrunk) : null,
      highest: shrunk.length > 0 ? Math.max(...shrunk) : null,
      standardDeviation: shrunk.length < 2 ? null : Math.sqrt(shrunk.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (shrunk.length - 1)),
    },
  };
}

export interface FirmLeniency {
  comparedCells: number;
  leniency: number | null;
  shrunkLeniency: number;
}

// Each interviewer's firm-wide leniency over all competencies, as of this request: what
// calibrated scores take off. One statement for any number of interviewers; an interviewer
// without counted ratings has none (0).
export const firmLeniencyLoader = (context: Context) =>
  new DataLoader<string, FirmLeniency>(async (interviewerIds) => {
    const { firmId } = principalOf(context);
    const rows = await findLeniencies(context.em, firmId, { viewerUserId: viewerOf(context) }, interviewerIds, { perCompetency: false });
    const byId = new Map(rows.map((row) => [row.interviewerId, row]));
    return interviewerIds.map((id) => {
      const row = byId.get(id);
      return row
        ? { comparedCells: row.comparedCells, leniency: row.leniency, shrunkLeniency: row.shrunkLeniency }
        : { comparedCells: 0, leniency: null, shrunkLeniency: 0 };
    });
  });
