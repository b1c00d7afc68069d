// The three operations the benchmark loads, exactly as an ATS integration would send them.

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

export type OperationName = 'ranking' | 'assessment' | 'candidates';

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}
