import { UserErrorCode } from '../../common/errors';
import type { InputCheck } from '../../common/input-check';
import { Locale, type LocalizedText } from '../../common/locale';
import { COMPETENCY_KEY_PATTERN, RUBRIC_KEY_PATTERN, RUBRIC_LIMITS } from './rubric.limits';

// The checks of a rubric draft's content: keys, competencies, anchors, counts and texts in every
// language, within RUBRIC_LIMITS. Each adds its problems to the InputCheck and returns what it
// checked, texts trimmed.

export interface CompetencyData {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  indicators: LocalizedText[];
  questions: LocalizedText[];
  anchors: LocalizedText[];
}

const LOCALES = Object.values(Locale);

export function checkRubricKey(check: InputCheck, field: string[], value: string): string | null {
  if (!value) {
    check.add(UserErrorCode.REQUIRED, 'key is required.', field);
  } else if (value.length > RUBRIC_LIMITS.key) {
    check.add(UserErrorCode.TOO_LONG, `key is longer than ${RUBRIC_LIMITS.key} characters.`, field);
  } else if (!RUBRIC_KEY_PATTERN.test(value)) {
    check.add(
      UserErrorCode.INVALID,
      'key must be lower-kebab-case: lowercase letters and digits joined by single hyphens, e.g. board-readiness.',
      field,
    );
  } else {
    return value;
  }
  return null;
}

export function checkCompetencies(check: InputCheck, field: string[], competencies: CompetencyData[]): CompetencyData[] {
  checkCount(check, field, competencies.length, RUBRIC_LIMITS.competencies);
  const firstIndexOfKey = new Map<string, number>();
  return competencies.map((competency, index) => {
    const at = [...field, String(index)];
    const key = checkCompetencyKey(check, [...at, 'key'], competency.key);
    if (key !== null) {
      const first = firstIndexOfKey.get(key);
      if (first === undefined) firstIndexOfKey.set(key, index);
      else {
        const message = `${describe([...at, 'key'])}: ${key} is already the key of competencies[${first}]; keys are unique within a rubric.`;
        check.add(UserErrorCode.ALREADY_EXISTS, message, [...at, 'key']);
      }
    }
    const anchorsField = [...at, 'anchors'];
    if (competency.anchors.length !== RUBRIC_LIMITS.anchors) {
      check.add(
        UserErrorCode.INVALID,
        `${describe(anchorsField)} must hold exactly ${RUBRIC_LIMITS.anchors} texts, one per score from 1 to 5, got ${competency.anchors.length}.`,
        anchorsField,
      );
    }
    checkCount(check, [...at, 'indicators'], competency.indicators.length, RUBRIC_LIMITS.indicators);
    checkCount(check, [...at, 'questions'], competency.questions.length, RUBRIC_LIMITS.questions);
    return {
      key: competency.key,
      name: checkLocalized(check, [...at, 'name'], competency.name, RUBRIC_LIMITS.competencyName),
      description: checkLocalized(check, [...at, 'description'], competency.description, RUBRIC_LIMITS.competencyDescription),
      indicators: checkLocalizedList(check, [...at, 'indicators'], competency.indicators, RUBRIC_LIMITS.indicator),
      questions: checkLocalizedList(check, [...at, 'questions'], competency.questions, RUBRIC_LIMITS.question),
      anchors: checkLocalizedList(check, anchorsField, competency.anchors, RUBRIC_LIMITS.anchor),
    };
  });
}

function checkCompetencyKey(check: InputCheck, field: string[], value: string): string | null {
  if (!value) {
    check.add(UserErrorCode.REQUIRED, `${describe(field)} is required.`, field);
  } else if (value.length > RUBRIC_LIMITS.competencyKey) {
    check.add(UserErrorCode.TOO_LONG, `${describe(field)} is longer than ${RUBRIC_LIMITS.competencyKey} characters.`, field);
  } else if (!COMPETENCY_KEY_PATTERN.test(value)) {
    check.add(
      UserErrorCode.INVALID,
      `${describe(field)} must be UPPER_SNAKE_CASE: capital letters and digits joined by single underscores, starting with a letter, e.g. OUTSIDE_IN.`,
      field,
    );
  } else {
    return value;
  }
  return null;
}

// A list of 1 to max items: none is REQUIRED, too many is OUT_OF_RANGE.
function checkCount(check: InputCheck, field: string[], count: number, max: number): void {
  if (count === 0) check.add(UserErrorCode.REQUIRED, `${describe(field)} needs at least one item.`, field);
  else if (count > max)
    check.add(UserErrorCode.OUT_OF_RANGE, `${describe(field)} holds ${count} items; at most ${max} are allowed.`, field);
}

function checkLocalizedList(check: InputCheck, field: string[], texts: LocalizedText[], max: number): LocalizedText[] {
  return texts.map((text, index) => checkLocalized(check, [...field, String(index)], text, max));
}

// Every locale present, trimmed, non-empty and within the limit.
export function checkLocalized(check: InputCheck, field: string[], text: LocalizedText, max: number): LocalizedText {
  const result = {} as LocalizedText;
  for (const locale of LOCALES) {
    const at = [...field, locale];
    const value = (text[locale] ?? '').trim();
    if (!value) check.add(UserErrorCode.REQUIRED, `${describe(at)} is required: every text needs all four languages.`, at);
    else if (value.length > max) check.add(UserErrorCode.TOO_LONG, `${describe(at)} is longer than ${max} characters.`, at);
    result[locale] = value;
  }
  return result;
}

// ['input', 'competencies', '3', 'anchors'] → "competencies[3].anchors"
function describe(field: string[]): string {
  return field.slice(1).reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}
