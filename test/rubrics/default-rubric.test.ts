import { Locale } from '../../src/common/locale';
import { customerOrientedLeadershipRubric as seed } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { LOCALES, defaultRubricOf } from '../helpers/rubric-fixtures';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/competency-keys';
import { RubricInLocaleDocument, RubricNodeDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let rubricId: string;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  rubricId = (await defaultRubricOf(app, nordlys.firm)).nodeId;
});
afterAll(() => app.close());

// The default rubric exactly as the seed writes it, in one locale.
function seedIn(locale: Locale) {
  return {
    key: 'customer-oriented-leadership',
    name: seed.name[locale],
    description: seed.description[locale],
    locales: ['EN', 'NB', 'DA', 'SV'],
    competencies: seed.competencies.map((competency, index) => ({
      key: competency.key,
      position: index + 1,
      name: competency.name[locale],
      description: competency.description[locale],
      indicators: competency.indicators.map((text) => text[locale]),
      questions: competency.questions.map((text) => text[locale]),
      anchors: competency.anchors.map((text, score) => ({ score: score + 1, description: text[locale] })),
    })),
  };
}

async function readIn(locale: Locale | null, acceptLanguage?: string) {
  const response = await nordlys.asRecruiter.request(
    RubricInLocaleDocument,
    { id: rubricId, locale },
    acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  );
  expect(response.errors).toBeUndefined();
  return response.data!.node;
}

describe('the default rubric of a new firm', () => {
  it('should be version 1 of customer-oriented-leadership, published, with the nine competencies in order', async () => {
    const { node } = await nordlys.asRecruiter.data(RubricNodeDocument, { id: rubricId });
    expect(node).toMatchObject({
      __typename: 'Rubric',
      key: 'customer-oriented-leadership',
      version: 1,
      status: 'PUBLISHED',
      name: 'Customer-oriented leadership',
      locales: ['EN', 'NB', 'DA', 'SV'],
    });
    expect(node && 'publishedAt' in node && new Date(node.publishedAt!).getTime()).toBeLessThanOrEqual(Date.now());
    const competencies = node && 'competencies' in node ? node.competencies : [];
    expect(competencies.map((competency) => [competency.position, competency.key])).toEqual(
      DEFAULT_COMPETENCY_KEYS.map((key, index) => [index + 1, key]),
    );
  });

  it.each([
    [Locale.EN, 'Customer-oriented leadership'],
    [Locale.NB, 'Kundeorientert lederskap'],
    [Locale.DA, 'Kundeorienteret ledelse'],
    [Locale.SV, 'Kundorienterat ledarskap'],
  ])('should read completely in %s when asked with the locale argument', async (locale, name) => {
    const node = await readIn(locale);
    expect(node).toEqual(seedIn(locale));
    expect(node && 'name' in node && node.name).toBe(name);
  });

  it.each(LOCALES)('should have ≥3 indicators, ≥2 questions and 5 anchors, none empty, for every competency in %s', async (locale) => {
    const node = await readIn(locale);
    const competencies = node && 'competencies' in node ? node.competencies : [];
    expect(competencies).toHaveLength(9);
    for (const competency of competencies) {
      expect(competency.indicators.length).toBeGreaterThanOrEqual(3);
      expect(competency.questions.length).toBeGreaterThanOrEqual(2);
      expect(competency.anchors.map((anchor) => anchor.score)).toEqual([1, 2, 3, 4, 5]);
      const texts = [
        competency.name,
        competency.description,
        ...competency.indicators,
        ...competency.questions,
        ...competency.anchors.map((anchor) => anchor.description),
      ];
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(3);
    }
  });

  it('should be really translated: no text reads the same in two locales', async () => {
    const readings = await Promise.all(LOCALES.map((locale) => readIn(locale)));
    const flatten = (node: Awaited<ReturnType<typeof readIn>>): string[] =>
      node && 'competencies' in node
        ? [
            node.name!,
            node.description!,
            ...node.competencies.flatMap((competency) => [
              competency.description,
              ...competency.indicators,
              ...competency.questions,
              ...competency.anchors.map((anchor) => anchor.description),
            ]),
          ]
        : [];
    const texts = readings.map(flatten);
    expect(texts[0].length).toBeGreaterThan(2 + 9 * (1 + 3 + 2 + 5));
    for (const locale of texts) expect(locale.length).toBe(texts[0].length);
    for (let index = 0; index < texts[0].length; index++) {
      const inEveryLocale = texts.map((locale) => locale[index]);
      expect(new Set(inEveryLocale).size).toBe(4);
    }
  });
});

describe('locale resolution', () => {
  it.each([
    ['sv-SE,sv;q=0.9,en;q=0.5', Locale.SV],
    ['da', Locale.DA],
    ['de', Locale.EN],
    ['nn', Locale.NB],
    ['nb-NO', Locale.NB],
    ['no', Locale.NB],
    ['de-DE,de;q=0.9,da;q=0.8,en;q=0.7', Locale.DA],
    ['en;q=0.3,sv;q=0.6', Locale.SV],
    ['*', Locale.EN],
  ])('should answer Accept-Language %p in %s when no locale argument is given', async (acceptLanguage, locale) => {
    expect(await readIn(null, acceptLanguage)).toEqual(seedIn(locale));
  });

  it('should answer in English when neither the argument nor Accept-Language is given', async () => {
    expect(await readIn(null)).toEqual(seedIn(Locale.EN));
  });

  it('should let the locale argument beat Accept-Language', async () => {
    expect(await readIn(Locale.NB, 'sv-SE,sv;q=0.9,en;q=0.5')).toEqual(seedIn(Locale.NB));
    expect(await readIn(Locale.EN, 'da')).toEqual(seedIn(Locale.EN));
  });

  it('should apply Accept-Language to every text field without a locale argument', async () => {
    const response = await nordlys.asRecruiter.request(RubricNodeDocument, { id: rubricId }, { 'accept-language': 'da' });
    const node = response.data!.node;
    expect(node && 'name' in node && node.name).toBe('Kundeorienteret ledelse');
    expect(node && 'competencies' in node && node.competencies[0].anchors[4].description).toBe(seed.competencies[0].anchors[4].DA);
  });
});
