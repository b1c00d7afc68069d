import { ApiKeyScope, Role, type Principal } from '../../src/common/access';
import type { Context } from '../../src/common/context';
import { ScorecardStatus, visibleScorecards } from '../../src/modules/interview';

// Interview.scorecards runs this once per interview of a read: where the answer needs no statement
// it comes back at once, not as a promise (the same scorecards as before; the rule itself is
// tested end to end in independent-scoring.test.ts).
const FIRM = '00000000-0000-4000-8000-000000000001';
const ME = '00000000-0000-4000-8000-000000000002';
const OTHER = '00000000-0000-4000-8000-000000000003';
const panel = [
  { id: 'a', status: ScorecardStatus.SUBMITTED, interviewer: { id: OTHER } },
  { id: 'b', status: ScorecardStatus.DRAFT, interviewer: { id: OTHER } },
  { id: 'c', status: ScorecardStatus.SUBMITTED, interviewer: { id: ME } },
];
const contextOf = (principal: Principal) => ({ principal }) as unknown as Context;
const apiKey = (scopes: ApiKeyScope[]): Principal => ({ kind: 'API_KEY', firmId: FIRM, apiKeyId: ME, scopes });
const user = (role: Role): Principal => ({ kind: 'USER', firmId: FIRM, userId: ME, role, clientId: null });

describe('visibleScorecards without a statement', () => {
  it('gives an API key with assessments:read the submitted scorecards at once', () => {
    const visible = visibleScorecards(contextOf(apiKey([ApiKeyScope.ASSESSMENTS_READ])), FIRM, panel);
    expect(visible).not.toBeInstanceOf(Promise);
    expect((visible as typeof panel).map((scorecard) => scorecard.id)).toEqual(['a', 'c']);
  });

  it('gives an API key without assessments:read and a client user none, at once', () => {
    expect(visibleScorecards(contextOf(apiKey([ApiKeyScope.CANDIDATES_READ])), FIRM, panel)).toEqual([]);
    expect(visibleScorecards(contextOf(user(Role.CLIENT)), FIRM, panel)).toEqual([]);
  });

  it('gives a user a panel of only their own scorecards at once', () => {
    const own = panel.filter((scorecard) => scorecard.interviewer.id === ME);
    const visible = visibleScorecards(contextOf(user(Role.RECRUITER)), FIRM, own);
    expect(visible).not.toBeInstanceOf(Promise);
    expect(visible).toBe(own);
  });
});
