import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadershipLevel, Mandate, MandateStatus } from '../../src/modules/mandate';
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
import { refreshCandidateProfiles } from '../../src/modules/competency-profile';
import type { User } from '../../src/modules/user';
import type { TestApp } from './test-app';
import type { TestFirm } from './fixtures';

// Earlier-assessed candidates for the talent pool: written straight to the database (far faster
// than over HTTP), then the maintained profile refreshed as submitScorecard would.

export interface AssessmentPlan {
  // Index into the earlier mandates.
  mandate: number;
  // Index into the interviewers; default 0.
  interviewer?: number;
  submitted?: boolean;
  submittedAt: Date;
  scores: Record<string, number | null>;
}

export interface PersonPlan {
  firstName: string;
  lastName: string;
  location?: string;
  languages?: string[];
  tags?: string[];
  consent?: ConsentStatus;
  retainUntil?: string;
  assessments: AssessmentPlan[];
}

export interface EarlierPool {
  mandates: Mandate[];
  candidates: Candidate[];
  candidacies: Candidacy[][];
  scorecards: Scorecard[][];
}

export async function insertEarlierPool(
  app: TestApp,
  testFirm: TestFirm,
  interviewers: User[],
  mandateCount: number,
  people: PersonPlan[],
): Promise<EarlierPool> {
  const firm = testFirm.firm;
  return app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const rubric = await em.findOneOrFail(Rubric, { firm: firm.id, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
    const mandates = Array.from({ length: mandateCount }, (_, index) =>
      em.create(Mandate, {
        firm: firm.id,
        title: `Earlier search ${index + 1}`,
        client: testFirm.client.id,
        leadershipLevel: LeadershipLevel.EXECUTIVE,
        leadRecruiter: testFirm.recruiter.id,
        rubric,
        status: MandateStatus.FILLED,
      }),
    );
    const candidates: Candidate[] = [];
    const candidacies: Candidacy[][] = [];
    const scorecards: Scorecard[][] = [];
    for (const person of people) {
      const candidate = em.create(Candidate, {
        firm: firm.id,
        firstName: person.firstName,
        lastName: person.lastName,
        location: person.location ?? null,
        languages: person.languages ?? [],
        tags: person.tags ?? [],
        consentStatus: person.consent ?? ConsentStatus.GIVEN,
        consentGivenAt: new Date('2026-01-01T00:00:00Z'),
        retainUntil: new Date(person.retainUntil ?? '2031-12-31'),
      });
      candidates.push(candidate);
      const own = new Map<number, Candidacy>();
      const cards: Scorecard[] = [];
      for (const plan of person.assessments) {
        let candidacy = own.get(plan.mandate);
        if (!candidacy) {
          candidacy = em.create(Candidacy, { firm: firm.id, mandate: mandates[plan.mandate], candidate, stage: CandidacyStage.REJECTED });
          own.set(plan.mandate, candidacy);
        }
        const interview = em.create(Interview, { firm: firm.id, candidacy, kind: InterviewKind.COMPETENCY, scheduledAt: plan.submittedAt });
        const interviewer = interviewers[plan.interviewer ?? 0];
        const submitted = plan.submitted ?? true;
        const scorecard = em.create(Scorecard, {
          firm: firm.id,
          interview,
          interviewer,
          status: submitted ? ScorecardStatus.SUBMITTED : ScorecardStatus.DRAFT,
          submittedAt: submitted ? plan.submittedAt : null,
        });
        if (submitted) {
          const revision = em.create(ScorecardRevision, {
            firm: firm.id,
            scorecard,
            number: 1,
            recommendation: Recommendation.YES,
            author: interviewer,
          });
          for (const [competencyKey, score] of Object.entries(plan.scores)) {
            em.create(Rating, { firm: firm.id, revision, competencyKey, score, evidence: score === null ? null : 'Said and did.' });
          }
          scorecard.latestRevision = revision as never;
        }
        cards.push(scorecard);
      }
      candidacies.push([...own.values()]);
      scorecards.push(cards);
    }
    await em.flush();
    await refreshCandidateProfiles(
      em,
      firm.id,
      candidates.map((candidate) => candidate.id),
    );
    return { mandates, candidates, candidacies, scorecards };
  });
}
