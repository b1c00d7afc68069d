import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate, Requirement } from '../../src/modules/mandate';
import { Candidate } from '../../src/modules/candidate';
import { Candidacy, type CandidacyStage } from '../../src/modules/candidacy';
import {
  Interview,
  InterviewKind,
  Rating,
  Recommendation,
  Scorecard,
  ScorecardRevision,
  ScorecardStatus,
} from '../../src/modules/interview';
import { Rubric } from '../../src/modules/rubric';
import type { Firm } from '../../src/common/firm.entity';
import type { User } from '../../src/modules/user';

export interface ScorecardPlan {
  submitted: boolean;
  // Revision 1, 2, …: the last one counts. Scores by competency key; null = not assessed.
  revisions: Record<string, number | null>[];
  // Index into the interviewers given; default the scorecard's place on the panel.
  interviewer?: number;
}

export interface CandidacyPlan {
  createdAt: Date;
  // Default SOURCED.
  stage?: CandidacyStage;
  // Interviews, each with the scorecards of its panel.
  interviews: ScorecardPlan[][];
}

export interface MandatePlan {
  requirements: { competencyKey: string; weight: number; target: number; minimum: number | null }[];
  candidacies: CandidacyPlan[];
}

// Writes a mandate with its profile and scored candidacies straight to the database.
export async function insertScoredMandate(em: EntityManager, firm: Firm, interviewers: User[], plan: MandatePlan) {
  const rubric = await em.findOneOrFail(Rubric, { firm, key: 'customer-oriented-leadership', version: 1 }, { filters: false });
  const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO' });
  const mandate = em.create(Mandate, {
    firm,
    title: 'Chief Customer Officer',
    client,
    leadershipLevel: LeadershipLevel.EXECUTIVE,
    leadRecruiter: interviewers[0],
    rubric,
  });
  for (const requirement of plan.requirements) em.create(Requirement, { firm, mandate, ...requirement });
  const candidacies = plan.candidacies.map((candidacyPlan, index) => {
    const candidate = em.create(Candidate, { firm, firstName: 'Candidate', lastName: `${index}` });
    const candidacy = em.create(Candidacy, {
      firm,
      mandate,
      candidate,
      createdAt: candidacyPlan.createdAt,
      ...(candidacyPlan.stage ? { stage: candidacyPlan.stage } : {}),
    });
    for (const panel of candidacyPlan.interviews) {
      const interview = em.create(Interview, { firm, candidacy, kind: InterviewKind.COMPETENCY, scheduledAt: new Date('2026-10-01') });
      panel.forEach((scorecardPlan, panelIndex) => {
        const interviewer = interviewers[scorecardPlan.interviewer ?? panelIndex];
        const scorecard = em.create(Scorecard, {
          firm,
          interview,
          interviewer,
          status: scorecardPlan.submitted ? ScorecardStatus.SUBMITTED : ScorecardStatus.DRAFT,
          submittedAt: scorecardPlan.submitted ? new Date('2026-10-02') : null,
        });
        scorecardPlan.revisions.forEach((scores, revisionIndex) => {
          const revision = em.create(ScorecardRevision, {
            firm,
            scorecard,
            number: revisionIndex + 1,
            recommendation: Recommendation.YES,
            author: interviewer,
          });
          for (const [competencyKey, score] of Object.entries(scores)) {
            em.create(Rating, { firm, revision, competencyKey, score, evidence: score === null ? null : 'Said and did.' });
          }
          scorecard.latestRevision = revision as never;
        });
      });
    }
    return candidacy;
  });
  await em.flush();
  return { mandate, candidacies };
}
