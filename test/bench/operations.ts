// The operations the benchmark loads, exactly as an ATS integration would send them.

export const RANKING = `query Ranking($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Mandate {
      ranking(first: $first) {
        edges {
          cursor
          node {
            id
            stage
            fit {
              fit
              coverage
              mustHavesMet
              competencies { key weight target minimum score gap surplus attainment meetsMinimum }
            }
            candidate { firstName lastName headline }
          }
        }
      }
    }
  }
}`;

export const ASSESSMENT = `query Assessment($id: ID!) {
  node(id: $id) {
    ... on Candidacy {
      id
      assessment { competencies { key score ratingsCount spread disagreement } }
    }
  }
}`;

export const CANDIDATES = `query Candidates($first: Int!) {
  candidates(first: $first) {
    edges { node { id firstName lastName email headline tags } }
  }
}`;

// A recruiter's screen in one request: a page of a mandate's pipeline with each candidate's name,
// the interviews, their scorecards and the latest ratings (no evidence: not an audited read).
export const NESTED = `query Nested($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Mandate {
      id
      candidacies(first: $first) {
        edges {
          node {
            id
            stage
            candidate { firstName lastName headline }
            interviews {
              id
              kind
              scheduledAt
              scorecards { id status recommendation ratings { competencyKey score } }
            }
          }
        }
      }
    }
  }
}`;

// What a sync reads: a page of candidates with the ids they carry in other systems.
export const CANDIDATES_WITH_REFS = `query CandidatesWithRefs($first: Int!) {
  candidates(first: $first) {
    edges { node { id firstName lastName email headline tags externalRefs { system externalId } } }
  }
}`;

// The same page without `email`: no personal data read, so no read audit row (compare.js and
// profile.js, for what the audit costs).
export const CANDIDATES_WITH_REFS_NO_EMAIL = CANDIDATES_WITH_REFS.replace(' email ', ' ');

// The ranking on calibrated scores (PRODUCT.md §3b), with the same fields as RANKING.
export const RANKING_CALIBRATED = RANKING.replace('query Ranking(', 'query RankingCalibrated(').replace(
  'ranking(first: $first)',
  'ranking(first: $first, calibrated: true)',
);

// Issue 15: every interviewer's leniency over the whole firm (an admin's question; people only).
export const CALIBRATION = `query Calibration($first: Int!) {
  interviewerCalibration(first: $first) {
    nodes { interviewer { id } comparedCells leniency standardError low high shrunkLeniency }
  }
}`;

// Issue 15: how far a mandate's panels agree, overall and per competency (interval metric).
export const AGREEMENT = `query Agreement($id: ID!) {
  node(id: $id) {
    ... on Mandate {
      agreement {
        overall { alpha pairableUnits pairableValues low high reading }
        byCompetency { key alpha pairableUnits pairableValues low high reading }
      }
    }
  }
}`;

export type OperationName =
  | 'ranking'
  | 'assessment'
  | 'candidates'
  | 'nested'
  | 'candidatesWithRefs'
  | 'calibration'
  | 'agreement'
  | 'rankingCalibrated'
  | 'talentPool';

export const OPERATION_NAMES: readonly OperationName[] = [
  'ranking',
  'assessment',
  'candidates',
  'nested',
  'candidatesWithRefs',
  'calibration',
  'agreement',
  'rankingCalibrated',
  'talentPool',
];

// The least an authenticated request does: the key's look-up and the pipeline around it, no
// field of the API (for the fixed cost of one request; compare.js and profile.js, `typename`).
export const TYPENAME = `query Typename { __typename }`;

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

// Talent rediscovery (issue 17): a new mandate's pool of the firm's assessed candidates, top 50,
// with the pooled figures per competency. As an API key sees it (no evidence: that is for staff).
export const TALENT_POOL = `query TalentPool($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Mandate {
      talentPool(first: $first) {
        edges {
          cursor
          node {
            inPipeline
            lastAssessedAt
            candidate { firstName lastName headline }
            fit {
              fit
              coverage
              mustHavesMet
              competencies { key weight target minimum score ratingsCount mandatesCount lastAssessedAt gap attainment meetsMinimum }
            }
          }
        }
      }
    }
  }
}`;
