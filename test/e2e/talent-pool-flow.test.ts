import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser } from '../helpers/interview-fixtures';
import { insertMandate, insertRequirementProfile } from '../helpers/mandate-fixtures';
import { newRequestId, requestHeaders, auditRowsOf } from '../helpers/audit-fixtures';
import { insertEarlierPool, type EarlierPool } from '../helpers/talent-pool-fixtures';
import { MandateStatus, type Mandate } from '../../src/modules/mandate';
import {
  AddCandidateToMandateDocument,
  CandidacySourceHistoryDocument,
  EraseCandidateDocument,
  TalentPoolDocument,
  UpdateCandidateDocument,
  type TalentPoolFilter,
} from '../generated/graphql';

// Talent rediscovery end to end over HTTP: a new mandate's pool, its best match added to the
// pipeline from the pool (source TALENT_POOL, in the candidacy's history and the audit log), the
// match then only with includePipeline, and erasure and withdrawn consent taking a matched
// candidate out of the pool at once (read right after the mutation).

let app: TestApp;
let firm: TestFirm;
let pool: EarlierPool;
let mandate: Mandate;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'flow');
  const colleague = await createStaffUser(app, firm);
  const at = (day: number) => new Date(Date.UTC(2026, 4, day, 9));
  pool = await insertEarlierPool(app, firm, [firm.recruiter, colleague.user], 2, [
    {
      firstName: 'Liv',
      lastName: 'Lund',
      assessments: [
        { mandate: 0, submittedAt: at(1), scores: { CUSTOMER_INSIGHT: 5, EXECUTION: 5 } },
        { mandate: 1, interviewer: 1, submittedAt: at(2), scores: { CUSTOMER_INSIGHT: 5, EXECUTION: 4 } },
      ],
    },
    {
      firstName: 'Mats',
      lastName: 'Moe',
      assessments: [{ mandate: 0, submittedAt: at(3), scores: { CUSTOMER_INSIGHT: 4, EXECUTION: 3 } }],
    },
    {
      firstName: 'Nora',
      lastName: 'Nes',
      assessments: [{ mandate: 1, submittedAt: at(4), scores: { CUSTOMER_INSIGHT: 3, EXECUTION: 3 } }],
    },
  ]);
  mandate = await insertMandate(app, firm, { title: 'Chief Operating Officer', status: MandateStatus.OPEN });
  await insertRequirementProfile(app, firm, mandate, [
    { competencyKey: 'CUSTOMER_INSIGHT', weight: 2, target: 4, minimum: 3 },
    { competencyKey: 'EXECUTION', weight: 1, target: 4, minimum: null },
  ]);
}, 180_000);
afterAll(() => app.close());

async function poolNames(filter?: TalentPoolFilter) {
  const { node } = await firm.asRecruiter.data(TalentPoolDocument, { id: mandate.nodeId, first: 20, filter });
  if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
  return node.talentPool.edges.map(({ node: match }) => [match.candidate.firstName, match.inPipeline]);
}

describe('Talent rediscovery, end to end', () => {
  it('should add the best match to the pipeline from the pool, and show it only with includePipeline', async () => {
    const { node } = await firm.asRecruiter.data(TalentPoolDocument, { id: mandate.nodeId, first: 20 });
    if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
    const [best] = node.talentPool.edges.map((edge) => edge.node);
    expect(best.candidate.firstName).toBe('Liv');
    expect(best.fit.fit).toBe(100);

    const requestId = newRequestId('from-pool');
    const response = await firm.asRecruiter.request(
      AddCandidateToMandateDocument,
      { input: { mandateId: mandate.nodeId, candidateId: best.candidate.id, source: 'TALENT_POOL', reason: 'Runner-up last year.' } },
      requestHeaders(requestId),
    );
    const added = response.data!.addCandidateToMandate;
    expect(added.userErrors).toEqual([]);
    const history = await firm.asRecruiter.data(CandidacySourceHistoryDocument, { id: added.candidacy!.id });
    expect(history.node).toEqual({
      __typename: 'Candidacy',
      history: [{ fromStage: null, toStage: 'SOURCED', source: 'TALENT_POOL', reason: 'Runner-up last year.' }],
    });
    const [mutationRow] = await auditRowsOf(app, requestId);
    expect(mutationRow.action).toBe('addCandidateToMandate');
    expect((mutationRow.summary.input as Record<string, unknown>).source).toBe('TALENT_POOL');

    expect(await poolNames()).toEqual([
      ['Mats', false],
      ['Nora', false],
    ]);
    expect(await poolNames({ includePipeline: true })).toEqual([
      ['Liv', true],
      ['Mats', false],
      ['Nora', false],
    ]);

    // Added directly, the history says so.
    const direct = await firm.asRecruiter.data(AddCandidateToMandateDocument, {
      input: { mandateId: mandate.nodeId, candidateId: pool.candidates[2].nodeId },
    });
    const directHistory = await firm.asRecruiter.data(CandidacySourceHistoryDocument, { id: direct.addCandidateToMandate.candidacy!.id });
    expect(directHistory.node).toEqual({
      __typename: 'Candidacy',
      history: [{ fromStage: null, toStage: 'SOURCED', source: 'DIRECT', reason: null }],
    });
    expect(await poolNames({ includePipeline: true })).toEqual([
      ['Liv', true],
      ['Mats', false],
      ['Nora', true],
    ]);
  });

  it('should take a matched candidate out of the pool in the transaction that withdraws their consent or erases them', async () => {
    const mats = pool.candidates[1];
    expect((await poolNames({ includePipeline: true })).map(([name]) => name)).toContain('Mats');
    const withdrawn = await firm.asRecruiter.data(UpdateCandidateDocument, {
      input: { candidateId: mats.nodeId, consent: { status: 'WITHDRAWN' } },
    });
    expect(withdrawn.updateCandidate.userErrors).toEqual([]);
    expect(await poolNames({ includePipeline: true })).toEqual([
      ['Liv', true],
      ['Nora', true],
    ]);

    const erased = await firm.asAdmin.data(EraseCandidateDocument, { input: { candidateId: pool.candidates[0].nodeId } });
    expect(erased.eraseCandidate.userErrors).toEqual([]);
    expect(await poolNames({ includePipeline: true })).toEqual([['Nora', true]]);
  });
});
