import type { CompetencyKey, DemoCandidacy, DemoFirm, DemoInterview, DemoRating, DemoScorecard } from './demo-world';

// Second panels for the demo world, so that calibration and agreement show something true
// (PRODUCT.md §3b): every Nordlys candidacy still being interviewed or shortlisted gets one more
// competency interview with Jonas Lindqvist, who scores a point above the panel's consensus, and
// Ingrid Halvorsen (the admin), who scores a point below it. The consensus of a competency is the
// rounded mean of what the candidacy's earlier interviewers gave it, 3 when nobody rated it.

const LENIENT = 'jonas.lindqvist@nordlys.example';
const SEVERE = 'admin@nordlys.example';
const FIRM = 'nordlys';
const STAGES = ['INTERVIEWING', 'SHORTLISTED'];

const EVIDENCE: Record<CompetencyKey, string> = {
  CUSTOMER_INSIGHT: 'Second panel: quoted churn and complaint figures for her own unit and what each of them had changed.',
  OUTSIDE_IN: "Second panel: described the last service failure she handled from the customer's first contact to the apology.",
  FORESIGHT: 'Second panel: named two shifts in what customers will expect within five years and a first step for each.',
  SERVICE_CULTURE: 'Second panel: explained how frontline staff are allowed to fix a problem without asking a manager.',
  EXECUTION: 'Second panel: walked through one change she delivered, with the timeline, the setbacks and the result.',
  LEADS_BY_EXAMPLE: 'Second panel: told how often she meets customers herself and what she did after the last visit.',
  ACTS_ON_GAPS: 'Second panel: gave an example of a gap between promise and delivery she closed, and how fast.',
  LEARNING_ORIENTATION: 'Second panel: described an experiment that failed and what her team does differently since.',
  LOYALTY_ECONOMICS: 'Second panel: estimated what a lost customer costs against winning a new one, and used it in a decision.',
};

export function withCalibrationPanels(firms: DemoFirm[]): DemoFirm[] {
  return firms.map((firm) =>
    firm.slug !== FIRM
      ? firm
      : {
          ...firm,
          mandates: firm.mandates.map((mandate) => ({
            ...mandate,
            candidacies: mandate.candidacies.map((candidacy) =>
              STAGES.includes(candidacy.stage) && candidacy.interviews.length > 0
                ? { ...candidacy, interviews: [...candidacy.interviews, secondPanel(candidacy)] }
                : candidacy,
            ),
          })),
        },
  );
}

function secondPanel(candidacy: DemoCandidacy): DemoInterview {
  const consensus = consensusOf(candidacy);
  // The day after the candidacy moved to INTERVIEWING, at 09:00 UTC.
  const moved = candidacy.history.find((move) => move.stage === 'INTERVIEWING') ?? candidacy.history.at(-1)!;
  const day = new Date(moved.at);
  day.setUTCDate(day.getUTCDate() + 1);
  day.setUTCHours(9, 0, 0, 0);
  const scheduledAt = day.toISOString().replace('.000Z', 'Z');
  const submittedAt = new Date(day.getTime() + 5 * 3600_000).toISOString().replace('.000Z', 'Z');
  const card = (interviewerEmail: string, offset: number): DemoScorecard => {
    const ratings: DemoRating[] = (Object.keys(EVIDENCE) as CompetencyKey[]).map((competencyKey) => ({
      competencyKey,
      score: Math.min(5, Math.max(1, consensus(competencyKey) + offset)),
      evidence: EVIDENCE[competencyKey],
    }));
    const mean = ratings.reduce((sum, rating) => sum + rating.score!, 0) / ratings.length;
    return {
      interviewerEmail,
      ratings,
      recommendation: mean >= 4 ? 'STRONG_YES' : mean >= 3 ? 'YES' : 'NO',
      summary: offset > 0 ? 'Impressive throughout; would move forward.' : 'Solid in places, but the examples were thin.',
      status: 'SUBMITTED',
      submittedAt,
    };
  };
  return { kind: 'COMPETENCY', scheduledAt, interviewerEmails: [LENIENT, SEVERE], scorecards: [card(LENIENT, 1), card(SEVERE, -1)] };
}

// The rounded mean of the scores the candidacy's submitted scorecards gave each competency.
function consensusOf(candidacy: DemoCandidacy): (key: CompetencyKey) => number {
  const scores = new Map<CompetencyKey, number[]>();
  for (const interview of candidacy.interviews) {
    for (const card of interview.scorecards.filter((each) => each.status === 'SUBMITTED')) {
      for (const rating of card.ratings) {
        if (rating.score !== null) scores.set(rating.competencyKey, [...(scores.get(rating.competencyKey) ?? []), rating.score]);
      }
    }
  }
  return (key) => {
    const given = scores.get(key);
    return given ? Math.round(given.reduce((sum, score) => sum + score, 0) / given.length) : 3;
  };
}
