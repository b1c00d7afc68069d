import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiKeyScope } from '../../src/common/access';
import type { Firm } from '../../src/common/firm.entity';
import { customerOrientedLeadershipRubric } from '../../src/modules/rubric';
import type { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { insertScoredMandate } from '../helpers/fit-fixtures';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/competency-keys';
import {
  MandateComparisonDocument,
  MandateComparisonNamesDocument,
  MandateFitNamesDocument,
  MandateRequirementNamesDocument,
  MandatesRequirementNamesDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

const competencyOf = (key: string) => customerOrientedLeadershipRubric.competencies.find((competency) => competency.key === key)!;

// A mandate whose profile weighs EXECUTION and OUTSIDE_IN (listed out of rubric order), with two
// assessed candidacies.
async function scoredMandate(firm: Firm, interviewers: User[]) {
  const em = app.em();
  return insertScoredMandate(em, await em.findOneOrFail('Firm', firm.id), interviewers as never, {
    requirements: [
      { competencyKey: 'EXECUTION', weight: 3, target: 4, minimum: 3 },
      { competencyKey: 'OUTSIDE_IN', weight: 2, target: 3, minimum: null },
    ],
    candidacies: [
      { createdAt: new Date('2026-03-01'), interviews: [[{ submitted: true, revisions: [{ EXECUTION: 4 }] }]] },
      { createdAt: new Date('2026-03-02'), interviews: [[{ submitted: true, revisions: [{ OUTSIDE_IN: 2 }] }]] },
    ],
  });
}

describe('Requirement.competencyName and competencyDescription', () => {
  it('should give the name and description in the locale asked for', async () => {
    const { mandate } = await scoredMandate(nordlys.firm, [nordlys.recruiter]);
    const { node } = await nordlys.asRecruiter.data(MandateRequirementNamesDocument, { id: mandate.nodeId, locale: 'NB' });
    expect(node).toEqual({
      requirementProfile: [
        {
          competencyKey: 'OUTSIDE_IN',
          competencyName: 'Utenfra og inn – med kundens øyne',
          competencyDescription: competencyOf('OUTSIDE_IN').description.NB,
        },
        {
          competencyKey: 'EXECUTION',
          competencyName: 'Beslutningsevne og gjennomføringskraft',
          competencyDescription: competencyOf('EXECUTION').description.NB,
        },
      ],
    });
  });

  it('should follow Accept-Language when no locale is given, and fall back to English', async () => {
    const { mandate } = await scoredMandate(nordlys.firm, [nordlys.recruiter]);
    const swedish = await nordlys.asRecruiter.request(
      MandateRequirementNamesDocument,
      { id: mandate.nodeId },
      { 'accept-language': 'sv-SE, en;q=0.5' },
    );
    const english = await nordlys.asRecruiter.request(MandateRequirementNamesDocument, { id: mandate.nodeId }, { 'accept-language': 'fr' });
    const danishByArgument = await nordlys.asRecruiter.request(
      MandateRequirementNamesDocument,
      { id: mandate.nodeId, locale: 'DA' },
      { 'accept-language': 'sv' },
    );
    const names = (response: typeof swedish) =>
      response.data?.node && 'requirementProfile' in response.data.node
        ? response.data.node.requirementProfile.map((requirement) => requirement.competencyName)
        : null;
    expect([errorCodes(swedish), errorCodes(english), errorCodes(danishByArgument)]).toEqual([[], [], []]);
    expect(names(swedish)).toEqual(['Utifrån och in – med kundens ögon', competencyOf('EXECUTION').name.SV]);
    expect(names(english)).toEqual(["Outside-in: through the customer's eyes", 'Decisiveness and execution']);
    expect(names(danishByArgument)).toEqual(['Udefra og ind – med kundens øjne', 'Beslutsomhed og gennemførelseskraft']);
  });

  it('should list 12 mandates with named profiles in as many statements as 3', async () => {
    const firm = await createTestFirm(app, 'names');
    for (let index = 0; index < 12; index++) await scoredMandate(firm.firm, [firm.recruiter]);
    const sizes: number[] = [];
    const few = await app.countStatements(async () => {
      const { mandates } = await firm.asRecruiter.data(MandatesRequirementNamesDocument, { first: 3, locale: 'NB' });
      sizes.push(mandates.nodes.length);
    });
    const many = await app.countStatements(async () => {
      const { mandates } = await firm.asRecruiter.data(MandatesRequirementNamesDocument, { first: 12, locale: 'NB' });
      sizes.push(mandates.nodes.length);
      expect(
        new Set(mandates.nodes.flatMap((mandate) => mandate.requirementProfile.map((requirement) => requirement.competencyName))),
      ).toEqual(new Set(['Utenfra og inn – med kundens øyne', 'Beslutningsevne og gjennomføringskraft']));
    });
    expect(sizes).toEqual([3, 12]);
    expect(many).toBe(few);
  });
});

describe('ComparisonRow.name and description', () => {
  it('should name every row of the comparison in the locale asked for, in rubric order', async () => {
    const { mandate, candidacies } = await scoredMandate(nordlys.firm, [nordlys.recruiter]);
    const { node } = await nordlys.asRecruiter.data(MandateComparisonNamesDocument, {
      id: mandate.nodeId,
      candidacyIds: candidacies.map((candidacy) => candidacy.nodeId),
      locale: 'DA',
    });
    expect(node).toEqual({
      comparison: {
        rows: DEFAULT_COMPETENCY_KEYS.map((key) => ({
          key,
          name: competencyOf(key).name.DA,
          description: competencyOf(key).description.DA,
        })),
      },
    });
    expect(node && 'comparison' in node ? node.comparison.rows[4] : null).toMatchObject({
      key: 'EXECUTION',
      name: 'Beslutsomhed og gennemførelseskraft',
    });
  });

  it('should name the rows by Accept-Language for an API key with assessment access', async () => {
    const { mandate, candidacies } = await scoredMandate(nordlys.firm, [nordlys.recruiter]);
    const { client } = await nordlys.apiKey([ApiKeyScope.ASSESSMENTS_READ, ApiKeyScope.MANDATES_READ]);
    const response = await client.request(
      MandateComparisonNamesDocument,
      { id: mandate.nodeId, candidacyIds: candidacies.map((candidacy) => candidacy.nodeId) },
      { 'accept-language': 'nb-NO' },
    );
    expect(errorCodes(response)).toEqual([]);
    const rows = response.data?.node && 'comparison' in response.data.node ? response.data.node.comparison.rows : [];
    expect(rows.map((row) => row.name)).toEqual(DEFAULT_COMPETENCY_KEYS.map((key) => competencyOf(key).name.NB));
  });

  it('should cost no statement more than the comparison without names', async () => {
    const { mandate, candidacies } = await scoredMandate(nordlys.firm, [nordlys.recruiter]);
    const ids = candidacies.map((candidacy) => candidacy.nodeId);
    const withNames = await app.countStatements(() =>
      nordlys.asRecruiter.data(MandateComparisonNamesDocument, { id: mandate.nodeId, candidacyIds: ids }),
    );
    const without = await app.countStatements(() =>
      nordlys.asRecruiter.data(MandateComparisonDocument, { id: mandate.nodeId, candidacyIds: ids }),
    );
    expect(withNames).toBe(without);
  });
});

describe('Requirement.competencyName and competencyDescription', () => {
  // node(id) reads the mandate as a plain row, not into the identity map: the profile's loader
  // hands each requirement's rubric on, so the names take no statement of their own.
  const profile = (fields: string) =>
    parse(`query Profile($id: ID!) { node(id: $id) { ... on Mandate { requirementProfile { ${fields} } } } }`) as TypedDocumentNode<
      { node: { requirementProfile?: Record<string, unknown>[] } | null },
      { id: string }
    >;

  it('should name the requirements of a mandate read by node(id) in no statement more than the keys alone', async () => {
    const { mandate } = await scoredMandate(nordlys.firm, [nordlys.recruiter]);
    const named = await nordlys.asRecruiter.data(profile('competencyKey competencyName(locale: NB)'), { id: mandate.nodeId });
    expect(named.node?.requirementProfile).toEqual(
      ['OUTSIDE_IN', 'EXECUTION'].map((key) => ({ competencyKey: key, competencyName: competencyOf(key).name.NB })),
    );
    const withNames = await app.countStatements(() =>
      nordlys.asRecruiter.data(profile('competencyKey competencyName competencyDescription'), { id: mandate.nodeId }),
    );
    const keysOnly = await app.countStatements(() => nordlys.asRecruiter.data(profile('competencyKey'), { id: mandate.nodeId }));
    expect(withNames).toBe(keysOnly);
  });
});

describe('CompetencyFit.name and description', () => {
  it('should name each weighted competency of the fit in the locale asked for, in as many statements for 2 candidacies as for 1', async () => {
    const { mandate } = await scoredMandate(nordlys.firm, [nordlys.recruiter]);
    const fitNames = async (first: number) => {
      const { node } = await nordlys.asRecruiter.data(MandateFitNamesDocument, { id: mandate.nodeId, first, locale: 'NB' });
      return node && 'ranking' in node ? node.ranking.edges.map((edge) => edge.node.fit?.competencies) : null;
    };
    const expected = ['OUTSIDE_IN', 'EXECUTION'].map((key) => ({
      key,
      name: competencyOf(key).name.NB,
      description: competencyOf(key).description.NB,
    }));
    expect(await fitNames(2)).toEqual([expected, expected]);
    const one = await app.countStatements(() => fitNames(1));
    const two = await app.countStatements(() => fitNames(2));
    expect(two).toBe(one);
  });
});
