import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { type Rubric, RubricStatus } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient, type GraphQLResponse } from '../helpers/graphql-client';
import { competencyInput, defaultRubricOf, insertRubric, localized, rubricInput, rubricRows } from '../helpers/rubric-fixtures';
import {
  CreateRubricDocument,
  PublishRubricDocument,
  RetireRubricDocument,
  ReviseRubricDocument,
  RubricNodeDocument,
  UpdateRubricDraftDocument,
  type CompetencyInput,
  type CreateRubricInput,
  type RubricDetailsFragment,
  type UpdateRubricDraftInput,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let keyNumber = 0;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

// A rubric key no test has used yet.
function newKey(): string {
  return `rubric-${++keyNumber}`;
}

const NOT_FOUND = { code: 'NOT_FOUND', field: ['input', 'rubricId'], message: 'No rubric with this id.' };

// Runs work and asserts that not a single rubric or competency row of the firm changed.
async function expectNothingWritten(work: () => Promise<unknown>, firm: TestFirm = nordlys): Promise<void> {
  const before = await rubricRows(app, firm.firm);
  await work();
  expect(await rubricRows(app, firm.firm)).toEqual(before);
}

async function create(input: CreateRubricInput, client: GraphQLClient = nordlys.asRecruiter) {
  return (await client.data(CreateRubricDocument, { input })).createRubric;
}

async function createDraft(competencyKeys?: string[]): Promise<RubricDetailsFragment> {
  const { rubric, userErrors } = await create(rubricInput(newKey(), competencyKeys));
  expect(userErrors).toEqual([]);
  return rubric!;
}

async function update(input: UpdateRubricDraftInput, client: GraphQLClient = nordlys.asRecruiter) {
  return (await client.data(UpdateRubricDraftDocument, { input })).updateRubricDraft;
}

async function revise(rubricId: string, client: GraphQLClient = nordlys.asRecruiter) {
  return (await client.data(ReviseRubricDocument, { input: { rubricId } })).reviseRubric;
}

async function publish(rubricId: string, client: GraphQLClient = nordlys.asAdmin) {
  return (await client.data(PublishRubricDocument, { input: { rubricId } })).publishRubric;
}

async function retire(rubricId: string, client: GraphQLClient = nordlys.asAdmin) {
  return (await client.data(RetireRubricDocument, { input: { rubricId } })).retireRubric;
}

async function read(rubricId: string): Promise<RubricDetailsFragment | null> {
  const { node } = await nordlys.asRecruiter.data(RubricNodeDocument, { id: rubricId });
  if (!node || !('competencies' in node)) return null;
  const { __typename, ...rubric } = node;
  return rubric as RubricDetailsFragment;
}

function published(key = newKey()): Promise<Rubric> {
  return insertRubric(app, nordlys.firm, { key, status: RubricStatus.PUBLISHED });
}

// A CreateRubricInput with one competency changed.
function withCompetency(index: number, change: Partial<CompetencyInput>): CreateRubricInput {
  const input = rubricInput(newKey(), ['LISTENS', 'FOLLOWS_UP']);
  input.competencies = input.competencies.map((competency, at) => (at === index ? { ...competency, ...change } : competency));
  return input;
}

// What the API shows of a competency made from competencyInput(key), in English.
function shownInEnglish(key: string, position: number) {
  return {
    id: expect.any(String),
    key,
    position,
    name: `${key} name`,
    description: `${key} description`,
    indicators: [`${key} indicator 1`, `${key} indicator 2`],
    questions: [`${key} question 1`, `${key} question 2`],
    anchors: [1, 2, 3, 4, 5].map((score) => ({ score, description: `${key} anchor ${score}` })),
  };
}

describe('createRubric', () => {
  it('should create version 1 as a draft with the competencies in the given order', async () => {
    const key = newKey();
    const { rubric, userErrors } = await create(rubricInput(key, ['FOLLOWS_UP', 'LISTENS', 'COACHES']));
    expect(userErrors).toEqual([]);
    expect(rubric).toEqual({
      id: expect.any(String),
      key,
      version: 1,
      status: 'DRAFT',
      publishedAt: null,
      name: `${key} name`,
      description: `${key} description`,
      locales: ['EN', 'NB', 'DA', 'SV'],
      competencies: [shownInEnglish('FOLLOWS_UP', 1), shownInEnglish('LISTENS', 2), shownInEnglish('COACHES', 3)],
    });
    expect(await read(rubric!.id)).toEqual(rubric);
    const rows = await app.em().getConnection().execute('select firm_id, status from rubric where key = ?', [key]);
    expect(rows).toEqual([{ firm_id: nordlys.firm.id, status: 'DRAFT' }]);
  });

  it('should store every locale and trim the texts when an admin creates a rubric', async () => {
    const input = rubricInput(newKey(), ['LISTENS']);
    input.name = { EN: '  Board readiness ', NB: 'Styreklarhet', DA: 'Bestyrelsesparathed', SV: 'Styrelseberedskap\n' };
    const { rubric } = await create(input, nordlys.asAdmin);
    const response = await nordlys.asAdmin.request(RubricNodeDocument, { id: rubric!.id }, { 'accept-language': 'sv' });
    expect(response.data!.node).toMatchObject({
      name: 'Styrelseberedskap',
      competencies: [{ name: 'LISTENS name (sv)', anchors: [{ score: 1, description: 'LISTENS anchor 1 (sv)' }, {}, {}, {}, {}] }],
    });
    expect(rubric!.name).toBe('Board readiness');
  });

  it('should accept texts and lists exactly at their limits', async () => {
    // The same text in all four locales, `length` characters long.
    const sized = (letter: string, length: number) => {
      const text = letter.repeat(length);
      return { EN: text, NB: text, DA: text, SV: text };
    };
    const input = withCompetency(0, {
      key: 'K'.repeat(60),
      name: sized('n', 200),
      description: sized('d', 2000),
      indicators: Array.from({ length: 20 }, () => sized('i', 500)),
      questions: Array.from({ length: 20 }, () => sized('q', 500)),
      anchors: Array.from({ length: 5 }, () => sized('a', 1000)),
    });
    input.key = 'k'.repeat(100);
    input.name = sized('n', 200);
    input.description = sized('d', 2000);
    input.competencies = [...input.competencies, ...Array.from({ length: 28 }, (_, index) => competencyInput(`EXTRA_${index}`))];
    const { userErrors, rubric } = await create(input);
    expect(userErrors).toEqual([]);
    expect(rubric!.competencies).toHaveLength(30);
    expect(rubric!.competencies[0]).toMatchObject({ key: 'K'.repeat(60), name: 'n'.repeat(200) });
    expect(rubric!.competencies[0].indicators).toEqual(Array(20).fill('i'.repeat(500)));
  });

  it('should let another firm use a key this firm already uses', async () => {
    const key = newKey();
    await create(rubricInput(key));
    const { rubric, userErrors } = await create(rubricInput(key), fjellvik.asRecruiter);
    expect(userErrors).toEqual([]);
    expect(rubric).toMatchObject({ key, version: 1 });
  });

  it.each([
    ['a key of a draft', async () => (await createDraft()).key],
    ['the key of the default rubric', async () => 'customer-oriented-leadership'],
  ])('should refuse %s with ALREADY_EXISTS and write nothing', async (_case, existingKey) => {
    const key = await existingKey();
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(rubricInput(key));
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'key'],
          message: `A rubric with the key ${key} already exists; use reviseRubric to make a new version of it.`,
        },
      ]);
    });
  });

  const notKebab = 'key must be lower-kebab-case: lowercase letters and digits joined by single hyphens, e.g. board-readiness.';
  it.each([
    ['Board-Readiness', 'INVALID', notKebab],
    ['board_readiness', 'INVALID', notKebab],
    ['board readiness', 'INVALID', notKebab],
    ['board--readiness', 'INVALID', notKebab],
    ['-board', 'INVALID', notKebab],
    ['board-', 'INVALID', notKebab],
    ['styreklarhet-ø', 'INVALID', notKebab],
    ['', 'REQUIRED', 'key is required.'],
    ['k'.repeat(101), 'TOO_LONG', 'key is longer than 100 characters.'],
  ])('should refuse the rubric key %p with %s and write nothing', async (key, code, message) => {
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(rubricInput(key));
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([{ code, field: ['input', 'key'], message }]);
    });
  });

  const notSnake =
    'competencies[1].key must be UPPER_SNAKE_CASE: capital letters and digits joined by single underscores, starting with a letter, e.g. OUTSIDE_IN.';
  it.each([
    ['outside_in', 'INVALID', notSnake],
    ['OUTSIDE-IN', 'INVALID', notSnake],
    ['OUTSIDE__IN', 'INVALID', notSnake],
    ['_OUTSIDE', 'INVALID', notSnake],
    ['OUTSIDE_', 'INVALID', notSnake],
    ['1ST_IMPRESSION', 'INVALID', notSnake],
    [' OUTSIDE_IN', 'INVALID', notSnake],
    ['', 'REQUIRED', 'competencies[1].key is required.'],
    ['K'.repeat(61), 'TOO_LONG', 'competencies[1].key is longer than 60 characters.'],
  ])('should refuse the competency key %p with %s and write nothing', async (key, code, message) => {
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(withCompetency(1, { key }));
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([{ code, field: ['input', 'competencies', '1', 'key'], message }]);
    });
  });

  it('should refuse a competency key used twice in the rubric, at the second use', async () => {
    const input = rubricInput(newKey(), ['LISTENS', 'FOLLOWS_UP', 'LISTENS', 'FOLLOWS_UP']);
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(input);
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'competencies', '2', 'key'],
          message: 'competencies[2].key: LISTENS is already the key of competencies[0]; keys are unique within a rubric.',
        },
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'competencies', '3', 'key'],
          message: 'competencies[3].key: FOLLOWS_UP is already the key of competencies[1]; keys are unique within a rubric.',
        },
      ]);
    });
  });

  it.each([0, 1, 4, 6])('should refuse %d anchors with INVALID: exactly five are needed', async (count) => {
    const anchors = Array.from({ length: count }, (_, index) => localized(`anchor ${index + 1}`));
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(withCompetency(1, { anchors }));
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'INVALID',
          field: ['input', 'competencies', '1', 'anchors'],
          message: `competencies[1].anchors must hold exactly 5 texts, one per score from 1 to 5, got ${count}.`,
        },
      ]);
    });
  });

  it.each([
    [
      'no competencies',
      () => ({ ...rubricInput(newKey()), competencies: [] }),
      ['input', 'competencies'],
      'REQUIRED',
      'competencies needs at least one item.',
    ],
    [
      '31 competencies',
      () =>
        rubricInput(
          newKey(),
          Array.from({ length: 31 }, (_, index) => `C${index}`),
        ),
      ['input', 'competencies'],
      'OUT_OF_RANGE',
      'competencies holds 31 items; at most 30 are allowed.',
    ],
    [
      'no indicators',
      () => withCompetency(0, { indicators: [] }),
      ['input', 'competencies', '0', 'indicators'],
      'REQUIRED',
      'competencies[0].indicators needs at least one item.',
    ],
    [
      '21 indicators',
      () => withCompetency(0, { indicators: Array.from({ length: 21 }, () => localized('indicator')) }),
      ['input', 'competencies', '0', 'indicators'],
      'OUT_OF_RANGE',
      'competencies[0].indicators holds 21 items; at most 20 are allowed.',
    ],
    [
      'no questions',
      () => withCompetency(1, { questions: [] }),
      ['input', 'competencies', '1', 'questions'],
      'REQUIRED',
      'competencies[1].questions needs at least one item.',
    ],
    [
      '21 questions',
      () => withCompetency(1, { questions: Array.from({ length: 21 }, () => localized('question?')) }),
      ['input', 'competencies', '1', 'questions'],
      'OUT_OF_RANGE',
      'competencies[1].questions holds 21 items; at most 20 are allowed.',
    ],
  ])('should refuse %s', async (_case, input, field, code, message) => {
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(input());
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([{ code, field, message }]);
    });
  });

  it.each([
    ['an empty NB name', (input: CreateRubricInput) => (input.name.NB = ''), ['input', 'name', 'NB']],
    ['a blank DA description', (input: CreateRubricInput) => (input.description.DA = ' \n\t '), ['input', 'description', 'DA']],
    [
      'an empty SV competency name',
      (input: CreateRubricInput) => (input.competencies[1].name.SV = ''),
      ['input', 'competencies', '1', 'name', 'SV'],
    ],
    [
      'an empty EN indicator',
      (input: CreateRubricInput) => (input.competencies[0].indicators[1].EN = ''),
      ['input', 'competencies', '0', 'indicators', '1', 'EN'],
    ],
    [
      'a blank NB question',
      (input: CreateRubricInput) => (input.competencies[1].questions[0].NB = '   '),
      ['input', 'competencies', '1', 'questions', '0', 'NB'],
    ],
    [
      'an empty SV anchor',
      (input: CreateRubricInput) => (input.competencies[1].anchors[3].SV = ''),
      ['input', 'competencies', '1', 'anchors', '3', 'SV'],
    ],
  ])('should refuse %s with REQUIRED at its exact path', async (_case, change, field) => {
    const input = rubricInput(newKey());
    change(input);
    const path = field.slice(1).reduce((text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(input);
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([{ code: 'REQUIRED', field, message: `${path} is required: every text needs all four languages.` }]);
    });
  });

  it('should refuse a text without one of its locales as a GraphQL BAD_USER_INPUT error, writing nothing', async () => {
    const input = rubricInput(newKey());
    delete (input.competencies[0].anchors[2] as Partial<CreateRubricInput['name']>).DA;
    await expectNothingWritten(async () => {
      const response = await nordlys.asRecruiter.request(CreateRubricDocument, { input });
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain('Field "DA" of required type "String!" was not provided.');
    });
  });

  it.each([
    ['the rubric name', (input: CreateRubricInput) => (input.name.EN = 'n'.repeat(201)), ['input', 'name', 'EN'], 200],
    [
      'the rubric description',
      (input: CreateRubricInput) => (input.description.NB = 'd'.repeat(2001)),
      ['input', 'description', 'NB'],
      2000,
    ],
    [
      'a competency name',
      (input: CreateRubricInput) => (input.competencies[0].name.DA = 'n'.repeat(201)),
      ['input', 'competencies', '0', 'name', 'DA'],
      200,
    ],
    [
      'a competency description',
      (input: CreateRubricInput) => (input.competencies[0].description.SV = 'd'.repeat(2001)),
      ['input', 'competencies', '0', 'description', 'SV'],
      2000,
    ],
    [
      'an indicator',
      (input: CreateRubricInput) => (input.competencies[1].indicators[0].EN = 'i'.repeat(501)),
      ['input', 'competencies', '1', 'indicators', '0', 'EN'],
      500,
    ],
    [
      'a question',
      (input: CreateRubricInput) => (input.competencies[1].questions[1].NB = 'q'.repeat(501)),
      ['input', 'competencies', '1', 'questions', '1', 'NB'],
      500,
    ],
    [
      'an anchor',
      (input: CreateRubricInput) => (input.competencies[0].anchors[4].SV = 'a'.repeat(1001)),
      ['input', 'competencies', '0', 'anchors', '4', 'SV'],
      1000,
    ],
  ])('should refuse %s when too long with TOO_LONG', async (_case, change, field, max) => {
    const input = rubricInput(newKey());
    change(input);
    const path = field.slice(1).reduce((text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(input);
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([{ code: 'TOO_LONG', field, message: `${path} is longer than ${max} characters.` }]);
    });
  });

  it('should report every problem of one input at once, in input order', async () => {
    const input = rubricInput('Bad Key', ['LISTENS', 'LISTENS']);
    input.name.NB = '';
    input.competencies[0].anchors = input.competencies[0].anchors.slice(0, 4);
    input.competencies[1].indicators = [];
    input.competencies[1].questions[0].SV = 'q'.repeat(501);
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await create(input);
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        { code: 'INVALID', field: ['input', 'key'], message: notKebab },
        { code: 'REQUIRED', field: ['input', 'name', 'NB'], message: 'name.NB is required: every text needs all four languages.' },
        {
          code: 'INVALID',
          field: ['input', 'competencies', '0', 'anchors'],
          message: 'competencies[0].anchors must hold exactly 5 texts, one per score from 1 to 5, got 4.',
        },
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'competencies', '1', 'key'],
          message: 'competencies[1].key: LISTENS is already the key of competencies[0]; keys are unique within a rubric.',
        },
        {
          code: 'REQUIRED',
          field: ['input', 'competencies', '1', 'indicators'],
          message: 'competencies[1].indicators needs at least one item.',
        },
        {
          code: 'TOO_LONG',
          field: ['input', 'competencies', '1', 'questions', '0', 'SV'],
          message: 'competencies[1].questions[0].SV is longer than 500 characters.',
        },
      ]);
    });
  });
});

describe('updateRubricDraft', () => {
  it('should replace only the parts given', async () => {
    const draft = await createDraft();
    const { rubric, userErrors } = await update({ rubricId: draft.id, name: localized('Renamed') });
    expect(userErrors).toEqual([]);
    expect(rubric).toEqual({ ...draft, name: 'Renamed' });
    expect(await read(draft.id)).toEqual({ ...draft, name: 'Renamed' });
  });

  it('should replace the competencies, keeping the id of every key that stays', async () => {
    const draft = await createDraft(['LISTENS', 'FOLLOWS_UP', 'COACHES']);
    const idOf = (key: string) => draft.competencies.find((competency) => competency.key === key)!.id;
    const changed = competencyInput('COACHES', { name: localized('Coaches the team') });
    const { rubric, userErrors } = await update({
      rubricId: draft.id,
      description: localized('A new description'),
      competencies: [changed, competencyInput('NEW_ONE'), competencyInput('LISTENS')],
    });
    expect(userErrors).toEqual([]);
    expect(rubric).toEqual({
      ...draft,
      description: 'A new description',
      competencies: [
        { ...shownInEnglish('COACHES', 1), id: idOf('COACHES'), name: 'Coaches the team' },
        shownInEnglish('NEW_ONE', 2),
        { ...shownInEnglish('LISTENS', 3), id: idOf('LISTENS') },
      ],
    });
    expect(rubric!.competencies[1].id).not.toBe(idOf('FOLLOWS_UP'));
    const stored = await app
      .em()
      .getConnection()
      .execute('select c.key, c.position from competency c join rubric r on r.id = c.rubric_id where r.key = ? order by c.position', [
        draft.key,
      ]);
    expect(stored).toEqual([
      { key: 'COACHES', position: 1 },
      { key: 'NEW_ONE', position: 2 },
      { key: 'LISTENS', position: 3 },
    ]);
  });

  it('should let an admin change a draft too', async () => {
    const draft = await createDraft();
    const { rubric, userErrors } = await update({ rubricId: draft.id, competencies: [competencyInput('ONLY_ONE')] }, nordlys.asAdmin);
    expect(userErrors).toEqual([]);
    expect(rubric!.competencies).toEqual([shownInEnglish('ONLY_ONE', 1)]);
  });

  it('should refuse to change a published rubric with INVALID_STATE, pointing to reviseRubric', async () => {
    const standard = await defaultRubricOf(app, nordlys.firm);
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await update({
        rubricId: standard.nodeId,
        name: localized('Hijacked'),
        competencies: [competencyInput('X')],
      });
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message:
            'Rubric customer-oriented-leadership version 1 is published, and a published rubric never changes; use reviseRubric to make a new draft version.',
        },
      ]);
    });
  });

  it('should refuse to change a retired rubric with INVALID_STATE', async () => {
    const retired = await insertRubric(app, nordlys.firm, { key: newKey(), status: RubricStatus.RETIRED });
    await expectNothingWritten(async () => {
      const { userErrors } = await update({ rubricId: retired.nodeId, name: localized('Back from the dead') });
      expect(userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: `Rubric ${retired.key} version 1 is retired, and a retired rubric never changes; use reviseRubric on a published version to make a new draft.`,
        },
      ]);
    });
  });

  it('should refuse a rubric that was published since it was drafted', async () => {
    const draft = await createDraft();
    expect((await publish(draft.id)).userErrors).toEqual([]);
    await expectNothingWritten(async () => {
      const { userErrors } = await update({ rubricId: draft.id, competencies: [competencyInput('SNEAKED_IN')] });
      expect(userErrors.map((error) => error.code)).toEqual(['INVALID_STATE']);
    });
  });

  it('should validate the new content like createRubric, with exact paths, and write nothing', async () => {
    const draft = await createDraft();
    const bad = competencyInput('bad key', { anchors: [localized('only one')] });
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await update({
        rubricId: draft.id,
        description: { ...localized('ok'), SV: '' },
        competencies: [competencyInput('LISTENS'), bad],
      });
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'REQUIRED',
          field: ['input', 'description', 'SV'],
          message: 'description.SV is required: every text needs all four languages.',
        },
        {
          code: 'INVALID',
          field: ['input', 'competencies', '1', 'key'],
          message:
            'competencies[1].key must be UPPER_SNAKE_CASE: capital letters and digits joined by single underscores, starting with a letter, e.g. OUTSIDE_IN.',
        },
        {
          code: 'INVALID',
          field: ['input', 'competencies', '1', 'anchors'],
          message: 'competencies[1].anchors must hold exactly 5 texts, one per score from 1 to 5, got 1.',
        },
      ]);
    });
  });

  it('should refuse an empty competency list with REQUIRED', async () => {
    const draft = await createDraft();
    await expectNothingWritten(async () => {
      const { userErrors } = await update({ rubricId: draft.id, competencies: [] });
      expect(userErrors).toEqual([
        { code: 'REQUIRED', field: ['input', 'competencies'], message: 'competencies needs at least one item.' },
      ]);
    });
  });

  it.each([
    ['an id that does not exist', () => toGlobalId('Rubric', '00000000-0000-4000-8000-000000000000')],
    ['a malformed id', () => 'not-an-id'],
    ['the id of another type', () => nordlys.admin.nodeId],
  ])('should answer NOT_FOUND for %s', async (_case, rubricId) => {
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await update({ rubricId: rubricId(), name: localized('x') });
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([NOT_FOUND]);
    });
  });
});

describe('reviseRubric', () => {
  it('should copy a published version into the next version as a draft, keeping competency keys and texts', async () => {
    const standard = await defaultRubricOf(app, nordlys.firm);
    const original = (await read(standard.nodeId))!;
    const storedBefore = await rowsOfRubric(standard.id);
    const { rubric: copy, userErrors } = await revise(standard.nodeId);
    expect(userErrors).toEqual([]);
    expect(copy).toEqual({
      ...original,
      id: expect.any(String),
      version: 2,
      status: 'DRAFT',
      publishedAt: null,
      competencies: original.competencies.map((competency) => ({ ...competency, id: expect.any(String) })),
    });
    expect(copy!.id).not.toBe(original.id);
    const originalIds = new Set(original.competencies.map((competency) => competency.id));
    expect(copy!.competencies.filter((competency) => originalIds.has(competency.id))).toEqual([]);
    expect(await rowsOfRubric(standard.id)).toEqual(storedBefore);
  });

  it('should let the new draft drop and add competencies while the published version stays as it was', async () => {
    const v1 = await createDraft(['LISTENS', 'FOLLOWS_UP']);
    await publish(v1.id);
    const before = (await read(v1.id))!;
    const { rubric: v2 } = await revise(v1.id);
    const { rubric: changed, userErrors } = await update({
      rubricId: v2!.id,
      competencies: [competencyInput('FOLLOWS_UP'), competencyInput('COACHES')],
    });
    expect(userErrors).toEqual([]);
    expect(changed!.competencies.map((competency) => competency.key)).toEqual(['FOLLOWS_UP', 'COACHES']);
    expect(changed!.competencies[0].id).toBe(v2!.competencies[1].id);
    expect(await read(v1.id)).toEqual(before);
  });

  it('should number the new draft after the highest version of the key, whichever version is revised', async () => {
    const key = newKey();
    const v1 = await insertRubric(app, nordlys.firm, { key, version: 1, status: RubricStatus.PUBLISHED });
    await insertRubric(app, nordlys.firm, { key, version: 2, status: RubricStatus.RETIRED });
    await insertRubric(app, nordlys.firm, { key, version: 3, status: RubricStatus.PUBLISHED });
    const { rubric, userErrors } = await revise(v1.nodeId);
    expect(userErrors).toEqual([]);
    expect(rubric).toMatchObject({ key, version: 4, status: 'DRAFT' });
  });

  it('should refuse to revise a draft with INVALID_STATE', async () => {
    const draft = await createDraft();
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await revise(draft.id);
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: `Rubric ${draft.key} version 1 is a draft: change it with updateRubricDraft; only a published version can be revised.`,
        },
      ]);
    });
  });

  it('should refuse to revise a retired version with INVALID_STATE', async () => {
    const retired = await insertRubric(app, nordlys.firm, { key: newKey(), status: RubricStatus.RETIRED });
    await expectNothingWritten(async () => {
      const { userErrors } = await revise(retired.nodeId);
      expect(userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: `Rubric ${retired.key} version 1 is retired; only a published version can be revised.`,
        },
      ]);
    });
  });

  it('should refuse a second open draft of the same key with CONFLICT', async () => {
    const v1 = await published();
    const { rubric: v2 } = await revise(v1.nodeId);
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT' });
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await revise(v1.nodeId, nordlys.asAdmin);
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'CONFLICT',
          field: ['input', 'rubricId'],
          message: `Rubric ${v1.key} already has an open draft, version 2: change or publish that draft instead of starting another.`,
        },
      ]);
    });
  });

  it('should make exactly one draft when two revisions of one rubric race', async () => {
    const v1 = await published();
    const results = await Promise.all([revise(v1.nodeId, nordlys.asAdmin), revise(v1.nodeId, nordlys.asRecruiter)]);
    const made = results.filter((result) => result.rubric);
    expect(made.map((result) => result.rubric!.version)).toEqual([2]);
    expect(results.flatMap((result) => result.userErrors.map((error) => error.code))).toEqual(['CONFLICT']);
    const rows = await app.em().getConnection().execute('select version from rubric where key = ? order by version', [v1.key]);
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('should answer NOT_FOUND for a rubric of another firm', async () => {
    const theirs = await defaultRubricOf(app, fjellvik.firm);
    await expectNothingWritten(async () => {
      expect((await revise(theirs.nodeId)).userErrors).toEqual([NOT_FOUND]);
    }, fjellvik);
  });
});

describe('publishRubric', () => {
  it('should freeze a draft and stamp the time', async () => {
    const draft = await createDraft();
    const before = Date.now();
    const { rubric, userErrors } = await publish(draft.id);
    expect(userErrors).toEqual([]);
    expect(rubric).toEqual({ id: draft.id, version: 1, status: 'PUBLISHED', publishedAt: expect.any(String) });
    const publishedAt = new Date(rubric!.publishedAt!).getTime();
    expect(publishedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(publishedAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await read(draft.id)).toEqual({ ...draft, status: 'PUBLISHED', publishedAt: rubric!.publishedAt });
  });

  it('should refuse to publish twice with INVALID_STATE', async () => {
    const draft = await createDraft();
    await publish(draft.id);
    await expectNothingWritten(async () => {
      const { rubric, userErrors } = await publish(draft.id);
      expect(rubric).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: `Rubric ${draft.key} version 1 is already published; only a draft can be published.`,
        },
      ]);
    });
  });

  it('should refuse to publish a retired version with INVALID_STATE', async () => {
    const retired = await insertRubric(app, nordlys.firm, { key: newKey(), status: RubricStatus.RETIRED });
    await expectNothingWritten(async () => {
      expect((await publish(retired.nodeId)).userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: `Rubric ${retired.key} version 1 is retired; only a draft can be published.`,
        },
      ]);
    });
  });

  it('should answer NOT_FOUND for a rubric of another firm', async () => {
    const theirs = await insertRubric(app, fjellvik.firm, { key: newKey() });
    await expectNothingWritten(async () => {
      expect((await publish(theirs.nodeId)).userErrors).toEqual([NOT_FOUND]);
    }, fjellvik);
  });
});

describe('retireRubric', () => {
  it('should retire a published version and keep its publishing time', async () => {
    const rubric = await published();
    const { rubric: retired, userErrors } = await retire(rubric.nodeId);
    expect(userErrors).toEqual([]);
    expect(retired).toEqual({ id: rubric.nodeId, version: 1, status: 'RETIRED', publishedAt: rubric.publishedAt!.toISOString() });
  });

  it.each([
    ['a draft', () => insertRubric(app, nordlys.firm, { key: newKey() }), 'is a draft'],
    ['a retired version', () => insertRubric(app, nordlys.firm, { key: newKey(), status: RubricStatus.RETIRED }), 'is already retired'],
  ])('should refuse to retire %s with INVALID_STATE', async (_case, arrange, state) => {
    const rubric = await arrange();
    await expectNothingWritten(async () => {
      const { rubric: retired, userErrors } = await retire(rubric.nodeId);
      expect(retired).toBeNull();
      expect(userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: `Rubric ${rubric.key} version 1 ${state}; only a published version can be retired.`,
        },
      ]);
    });
  });

  it('should answer NOT_FOUND for a rubric of another firm', async () => {
    const theirs = await defaultRubricOf(app, fjellvik.firm);
    await expectNothingWritten(async () => {
      expect((await retire(theirs.nodeId)).userErrors).toEqual([NOT_FOUND]);
    }, fjellvik);
  });
});

describe('a rubric through its life', () => {
  it('should go from draft to published to revised, and retire the old version once the new one is out', async () => {
    const key = newKey();
    const v1 = (await create(rubricInput(key, ['LISTENS']))).rubric!;
    await update({ rubricId: v1.id, competencies: [competencyInput('LISTENS'), competencyInput('FOLLOWS_UP')] });
    await publish(v1.id);
    const v2 = (await revise(v1.id)).rubric!;
    await update({ rubricId: v2.id, competencies: [competencyInput('FOLLOWS_UP'), competencyInput('COACHES')] });
    await publish(v2.id);
    await retire(v1.id);
    const versions = await Promise.all([read(v1.id), read(v2.id)]);
    expect(versions.map((version) => [version!.version, version!.status, version!.competencies.map((item) => item.key)])).toEqual([
      [1, 'RETIRED', ['LISTENS', 'FOLLOWS_UP']],
      [2, 'PUBLISHED', ['FOLLOWS_UP', 'COACHES']],
    ]);
  });
});

describe('access to rubric mutations', () => {
  // Each mutation with the input of a rubric it could work on, so a refusal can only come from access.
  const mutations: Record<
    string,
    { arrange: () => Promise<string>; run: (client: GraphQLClient, rubricId: string) => Promise<GraphQLResponse<unknown>> }
  > = {
    createRubric: {
      arrange: async () => '',
      run: (client) => client.request(CreateRubricDocument, { input: rubricInput(newKey()) }),
    },
    updateRubricDraft: {
      arrange: async () => (await createDraft()).id,
      run: (client, rubricId) => client.request(UpdateRubricDraftDocument, { input: { rubricId, name: localized('x') } }),
    },
    reviseRubric: {
      arrange: async () => (await published()).nodeId,
      run: (client, rubricId) => client.request(ReviseRubricDocument, { input: { rubricId } }),
    },
    publishRubric: {
      arrange: async () => (await createDraft()).id,
      run: (client, rubricId) => client.request(PublishRubricDocument, { input: { rubricId } }),
    },
    retireRubric: {
      arrange: async () => (await published()).nodeId,
      run: (client, rubricId) => client.request(RetireRubricDocument, { input: { rubricId } }),
    },
  };

  const refusals: [string, string, () => Promise<GraphQLClient>][] = [
    ...Object.keys(mutations).flatMap((name): [string, string, () => Promise<GraphQLClient>][] => [
      [name, 'a client user', async () => nordlys.asClientUser],
      [name, 'an API key with every scope', async () => (await nordlys.apiKey(Object.values(ApiKeyScope))).client],
    ]),
    ['publishRubric', 'a recruiter', async () => nordlys.asRecruiter],
    ['retireRubric', 'a recruiter', async () => nordlys.asRecruiter],
  ];

  it.each(refusals)('should refuse %s by %s with FORBIDDEN and write nothing', async (name, _caller, client) => {
    const caller = await client();
    const rubricId = await mutations[name].arrange();
    await expectNothingWritten(async () => {
      const response = await mutations[name].run(caller, rubricId);
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    });
  });

  it.each(Object.keys(mutations))('should refuse %s without a token with UNAUTHENTICATED', async (name) => {
    const rubricId = await mutations[name].arrange();
    await expectNothingWritten(async () => {
      const response = await mutations[name].run(app.anonymous(), rubricId);
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });
  });
});

// A rubric's row and its competencies' rows, exactly as stored.
async function rowsOfRubric(id: string): Promise<unknown[]> {
  const connection = app.em().getConnection();
  return [
    ...(await connection.execute('select * from rubric where id = ?', [id])),
    ...(await connection.execute('select * from competency where rubric_id = ? order by position', [id])),
  ];
}
