import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate, Requirement } from '../../src/modules/mandate';
import { Candidate, ConsentStatus } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import {
  Interview,
  InterviewKind,
  Rating,
  Recommendation,
  Scorecard,
  ScorecardRevision,
  ScorecardStatus,
} from '../../src/modules/interview';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { ensureMatchOrder, refreshCandidateProfiles } from '../../src/modules/competency-profile';
import { findTalentPool, pooledCompetencies, talentPool, type PoolCandidate, type PoolRating } from '../../src/modules/talent-pool';

// The talent pool's one statement (over the maintained match order, built before the ratings are
// rolled up and kept by the refresh, or built by the first read; the viewer's blind candidates
// pooled live and merged into the walk) against the plain reference
// (talent-pool-model.ts, which pools the raw counted ratings with the pure fit model), on random
// firms: candidates rated in several earlier mandates under two rubric versions that share most
// competency keys (V1: A–D, V2: B–E), drafts, amendments, unassessed scores, erased, withdrawn and
// expired candidates, candidates already in the new mandate's pipeline, a viewer with drafts,
// filters, and every page size.

let app: TestApp;
let testFirm: TestFirm;
beforeAll(async () => {
  app = await startTestApp();
  testFirm = await createTestFirm(app, 'pool');
});
afterAll(() => app.close());

const V1 = ['A', 'B', 'C', 'D'];
const V2 = ['B', 'C', 'D', 'E'];

interface ScorecardPlan {
  interviewer: number;
  submitted: boolean;
  // Revisions by key; the last counts.
  revisions: Record<string, number | null>[];
  submittedAt: number;
}
interface CandidatePlan {
  standing: 'GIVEN' | 'PENDING' | 'WITHDRAWN' | 'ERASED' | 'EXPIRED';
}
interface CandidacyPlan {
  candidate: number;
  // -1: the new mandate (the pipeline).
  mandate: number;
  scorecards: ScorecardPlan[];
}

const scores = (keys: string[]) =>
  fc.record(
    Object.fromEntries(keys.map((key) => [key, fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 })])),
  ) as fc.Arbitrary<Record<string, number | null>>;

const worldPlan = fc
  .record({
    candidates: fc.array(
      fc.record({ standing: fc.constantFrom('GIVEN', 'GIVEN', 'GIVEN', 'GIVEN', 'GIVEN', 'PENDING', 'WITHDRAWN', 'ERASED', 'EXPIRED') }),
      {
        minLength: 2,
        maxLength: 7,
      },
    ) as fc.Arbitrary<CandidatePlan[]>,
    // Earlier mandates, each pinning V1 or V2.
    mandates: fc.array(fc.constantFrom(V1, V2), { minLength: 1, maxLength: 3 }),
    requirements: fc.uniqueArray(
      fc.record({
        competencyKey: fc.constantFrom(...V2),
        weight: fc.integer({ min: 0, max: 3 }),
        target: fc.integer({ min: 1, max: 5 }),
        minimum: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      }),
      { selector: (each) => each.competencyKey, minLength: 1, maxLength: 4 },
    ),
  })
  .chain((world) =>
    fc.record({
      world: fc.constant(world),
      candidacies: fc.uniqueArray(
        fc.record({
          candidate: fc.nat(world.candidates.length - 1),
          mandate: fc.integer({ min: -1, max: world.mandates.length - 1 }),
          scorecards: fc.array(
            fc.record({
              interviewer: fc.nat(1),
              submitted: fc.constantFrom(true, true, true, false),
              submittedAt: fc.integer({ min: 0, max: 5 }),
              revisions: fc.array(scores(V1.concat(['E'])), { minLength: 1, maxLength: 2 }),
            }),
            { minLength: 1, maxLength: 2 },
          ),
        }),
        { selector: (each) => `${each.candidate}:${each.mandate}`, minLength: 3, maxLength: 12 },
      ) as fc.Arbitrary<CandidacyPlan[]>,
      viewer: fc.option(fc.nat(1), { nil: null }),
      includePipeline: fc.boolean(),
      minCoverage: fc.option(fc.constantFrom(0, 0.25, 0.5, 1), { nil: null, freq: 2 }),
      assessedSince: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 2 }),
      pageSize: fc.integer({ min: 1, max: 4 }),
      // The match order built before the ratings are rolled up (kept by the refresh) or by the first read.
      builtFirst: fc.boolean(),
    }),
  );

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 9, 30));

describe('talent pool in SQL', () => {
  it('should be the reference pool, in its order, paged, for any viewer and filter', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        worldPlan,
        async ({ world, candidacies, viewer, includePipeline, minCoverage, assessedSince, pageSize, builtFirst }) => {
          const firm = testFirm.firm.id;
          // One firm for every run: the earlier runs' candidates leave the pool with their profile rows.
          await app.em().execute('delete from candidate_competency_profile where firm_id = ?', [firm]);
          await app.em().execute('delete from candidate_competency_rollup where firm_id = ?', [firm]);
          const interviewers = [testFirm.admin, testFirm.recruiter];
          const em = app.em().fork() as EntityManager;
          const rubric = await em.findOneOrFail(Rubric, { firm, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
          const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO' });
          const newMandate = (title: string) =>
            em.create(Mandate, {
              firm,
              title,
              client,
              leadershipLevel: LeadershipLevel.EXECUTIVE,
              leadRecruiter: testFirm.recruiter.id,
              rubric,
            });
          const target = newMandate('New');
          const earlier = world.mandates.map((_, index) => newMandate(`Earlier ${index}`));
          for (const requirement of world.requirements) em.create(Requirement, { firm, mandate: target, ...requirement });
          const candidates = world.candidates.map((plan, index) =>
            em.create(Candidate, {
              firm,
              firstName: `C${index}`,
              lastName: 'Pool',
              consentStatus:
                plan.standing === 'WITHDRAWN'
                  ? ConsentStatus.WITHDRAWN
                  : plan.standing === 'PENDING'
                    ? ConsentStatus.PENDING
                    : ConsentStatus.GIVEN,
              retainUntil: plan.standing === 'EXPIRED' ? '2020-01-01' : plan.standing === 'GIVEN' ? '2099-01-01' : null,
              erasedAt: plan.standing === 'ERASED' ? new Date('2026-02-01') : null,
            } as never),
          );
          const ratings: PoolRating[] = [];
          const blind = new Set<string>();
          const pipeline = new Set<number>();
          for (const plan of candidacies) {
            const mandate = plan.mandate === -1 ? target : earlier[plan.mandate];
            if (plan.mandate === -1) pipeline.add(plan.candidate);
            const keys = plan.mandate === -1 ? V2 : world.mandates[plan.mandate];
            const candidacy = em.create(Candidacy, {
              firm,
              mandate,
              candidate: candidates[plan.candidate],
              stage: CandidacyStage.INTERVIEWING,
            });
            const interview = em.create(Interview, {
              firm,
              candidacy,
              kind: InterviewKind.COMPETENCY,
              scheduledAt: new Date('2026-01-01'),
            });
            // One scorecard per interviewer on an interview: the second of the same person is dropped.
            const seen = new Set<number>();
            for (const scorecardPlan of plan.scorecards) {
              if (seen.has(scorecardPlan.interviewer)) continue;
              seen.add(scorecardPlan.interviewer);
              const interviewer = interviewers[scorecardPlan.interviewer];
              const scorecard = em.create(Scorecard, {
                firm,
                interview,
                interviewer,
                status: scorecardPlan.submitted ? ScorecardStatus.SUBMITTED : ScorecardStatus.DRAFT,
                submittedAt: scorecardPlan.submitted ? day(scorecardPlan.submittedAt) : null,
              });
              if (!scorecardPlan.submitted && viewer === scorecardPlan.interviewer) blind.add(candidacy.id);
              scorecardPlan.revisions.forEach((byKey, revisionIndex) => {
                const revision = em.create(ScorecardRevision, {
                  firm,
                  scorecard,
                  number: revisionIndex + 1,
                  recommendation: Recommendation.YES,
                  author: interviewer,
                });
                // The rubric of the mandate decides which keys can be rated.
                for (const key of keys) {
                  const score = byKey[key] ?? null;
                  em.create(Rating, { firm, revision, competencyKey: key, score, evidence: score === null ? null : 'Seen.' });
                }
                scorecard.latestRevision = revision as never;
              });
              if (!scorecardPlan.submitted) continue;
              const last = scorecardPlan.revisions.at(-1)!;
              for (const key of keys) {
                const score = last[key];
                if (score == null) continue;
                ratings.push({
                  candidateId: candidates[plan.candidate].id,
                  candidacyId: candidacy.id,
                  mandateId: mandate.id,
                  competencyKey: key,
                  score,
                  submittedAt: day(scorecardPlan.submittedAt),
                });
              }
            }
          }
          await em.flush();
          if (builtFirst) await ensureMatchOrder(app.em().fork() as EntityManager, firm, target.id);
          await em.transactional((tx) =>
            refreshCandidateProfiles(
              tx as EntityManager,
              firm,
              candidates.map((candidate) => candidate.id),
            ),
          );

          const poolCandidates: PoolCandidate[] = world.candidates.map((plan, index) => ({
            id: candidates[index].id,
            eligible: plan.standing === 'GIVEN' || plan.standing === 'PENDING',
            inPipeline: pipeline.has(index),
          }));
          const expected = talentPool(poolCandidates, ratings, {
            requirements: world.requirements,
            blindCandidacyIds: blind,
            includePipeline,
            minCoverage,
            assessedSince: assessedSince === null ? null : day(assessedSince),
          });

          const actual = [];
          let after: string | null = null;
          for (;;) {
            const page = await findTalentPool(app.em().fork() as EntityManager, firm, target.id, {
              rubricId: rubric.id,
              limit: pageSize,
              after,
              viewerUserId: viewer === null ? null : interviewers[viewer].id,
              filter: { includePipeline, minCoverage, assessedSince: assessedSince === null ? null : day(assessedSince) },
            });
            actual.push(...page.rows);
            if (!page.hasNextPage) break;
            after = page.rows.at(-1)!.cursor;
          }

          expect(actual.map((row) => row.candidateId)).toEqual(expected.map((match) => match.candidateId));
          if (expected.length > 1) nonEmpty += 1;

          // The per-competency figures of the matches, as Fit's competencies show them.
          const ids = actual.map((row) => row.candidateId);
          const details = actual.flatMap((row) => row.competencies);
          const reference = pooledCompetencies(ids, ratings, { requirements: world.requirements, blindCandidacyIds: blind });
          const byKey = <T extends { candidateId: string; competencyKey: string }>(rows: T[]): T[] =>
            [...rows].sort((x, y) => `${x.candidateId}:${x.competencyKey}`.localeCompare(`${y.candidateId}:${y.competencyKey}`));
          // Means, fits and coverage are each rounded once from their exact value: equal to the last bit.
          expect(byKey(details)).toEqual(byKey(reference));
          actual.forEach((row, index) => {
            const match = expected[index];
            expect(row.mustHavesMet).toBe(match.fit.mustHavesMet);
            expect(row.fit).toBe(match.fit.fit);
            expect(row.coverage).toBe(match.fit.coverage);
            expect(row.lastAssessedAt).toEqual(match.lastAssessedAt);
            expect(row.inPipeline).toBe(match.inPipeline);
          });
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 90_000 },
    );
    // Not a comparison of empty lists: many runs ranked two or more candidates.
    expect(nonEmpty).toBeGreaterThan(5);
  }, 120_000);
});
