import type { EntityManager } from '@mikro-orm/postgresql';
import { Locale, type LocalizedText } from '../../src/common/locale';
import { Firm } from '../../src/common/firm.entity';
import { Competency, DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import type { CompetencyInput, CreateRubricInput, LocalizedTextInput } from '../generated/graphql';
import type { TestApp } from './test-app';

export const LOCALES: Locale[] = [Locale.EN, Locale.NB, Locale.DA, Locale.SV];

const SUFFIX: Record<Locale, string> = { EN: '', NB: ' (nb)', DA: ' (da)', SV: ' (sv)' };

// A text in all four locales, each recognisably its own: "Listens" → NB "Listens (nb)".
export function localized(text: string): LocalizedTextInput & LocalizedText {
  return { EN: text, NB: `${text}${SUFFIX.NB}`, DA: `${text}${SUFFIX.DA}`, SV: `${text}${SUFFIX.SV}` };
}

// A valid competency: two indicators, two questions and the five anchors.
export function competencyInput(key: string, overrides: Partial<CompetencyInput> = {}): CompetencyInput {
  return {
    key,
    name: localized(`${key} name`),
    description: localized(`${key} description`),
    indicators: [localized(`${key} indicator 1`), localized(`${key} indicator 2`)],
    questions: [localized(`${key} question 1`), localized(`${key} question 2`)],
    anchors: [1, 2, 3, 4, 5].map((score) => localized(`${key} anchor ${score}`)),
    ...overrides,
  };
}

export function rubricInput(key: string, competencyKeys = ['LISTENS', 'FOLLOWS_UP']): CreateRubricInput {
  return {
    key,
    name: localized(`${key} name`),
    description: localized(`${key} description`),
    competencies: competencyKeys.map((competencyKey) => competencyInput(competencyKey)),
  };
}

// Writes a rubric version straight into the database (for lists too long to build over HTTP).
export async function insertRubric(
  app: TestApp,
  firm: Firm,
  data: { key: string; version?: number; status?: RubricStatus; competencyKeys?: string[] },
): Promise<Rubric> {
  return app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const status = data.status ?? RubricStatus.DRAFT;
    const rubric = em.create(Rubric, {
      firm: em.getReference(Firm, firm.id),
      key: data.key,
      version: data.version ?? 1,
      status,
      publishedAt: status === RubricStatus.DRAFT ? null : new Date(),
      name: localized(`${data.key} name`),
      description: localized(`${data.key} description`),
    });
    (data.competencyKeys ?? ['LISTENS', 'FOLLOWS_UP']).forEach((key, index) => {
      const input = competencyInput(key);
      em.create(Competency, {
        firm: rubric.firm,
        rubric,
        key,
        position: index + 1,
        name: input.name as LocalizedText,
        description: input.description as LocalizedText,
        indicators: input.indicators as LocalizedText[],
        questions: input.questions as LocalizedText[],
        anchors: input.anchors as LocalizedText[],
      });
    });
    return rubric;
  });
}

export async function defaultRubricOf(app: TestApp, firm: Firm): Promise<Rubric> {
  return app.em().findOneOrFail(Rubric, { firm: firm.id, key: DEFAULT_RUBRIC_KEY, version: 1 });
}

// Every rubric and competency row of a firm, exactly as stored: to prove a refused mutation wrote nothing.
export async function rubricRows(app: TestApp, firm: Firm): Promise<unknown[]> {
  const connection = app.em().getConnection();
  const rubrics = await connection.execute('select * from rubric where firm_id = ? order by key, version', [firm.id]);
  const competencies = await connection.execute('select * from competency where firm_id = ? order by rubric_id, position', [firm.id]);
  return [...rubrics, ...competencies];
}
