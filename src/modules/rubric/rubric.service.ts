import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { flushOrRefuse } from '../../common/unique';
import type { LocalizedText } from '../../common/locale';
import { Firm } from '../../common/firm.entity';
import { Rubric, RubricStatus } from './rubric.entity';
import { Competency } from './competency.entity';
import { RUBRIC_LIMITS } from './rubric.limits';
import { checkCompetencies, checkLocalized, checkRubricKey, type CompetencyData } from './rubric.checks';

export interface CreateRubricData {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  competencies: CompetencyData[];
}

// Parts left out (or null) stay as they are.
export interface UpdateRubricDraftData {
  name?: LocalizedText | null;
  description?: LocalizedText | null;
  competencies?: CompetencyData[] | null;
}

export interface RubricFilterData {
  key?: string | null;
  status?: RubricStatus | null;
}

const RUBRIC_ID: string[] = ['input', 'rubricId'];

// The firm's rubrics, every version, ordered by key and then version.
export function listRubrics(
  em: EntityManager,
  firmId: string,
  filter: RubricFilterData | null | undefined,
  page: ConnectionArgs,
): Promise<Connection<Rubric>> {
  const where = {
    firm: firmId,
    ...(filter?.key != null ? { key: filter.key } : {}),
    ...(filter?.status != null ? { status: filter.status } : {}),
  };
  return paginate(em, Rubric, where, { list: 'rubrics', keys: ['key', 'version', 'id'], ...page });
}

// Version 1 of a new rubric, as a draft.
export async function createRubric(em: EntityManager, firmId: string, data: CreateRubricData) {
  const check = new InputCheck();
  const key = checkRubricKey(check, ['input', 'key'], data.key);
  const name = checkLocalized(check, ['input', 'name'], data.name, RUBRIC_LIMITS.name);
  const description = checkLocalized(check, ['input', 'description'], data.description, RUBRIC_LIMITS.description);
  const competencies = checkCompetencies(check, ['input', 'competencies'], data.competencies);
  if (key && (await em.count(Rubric, { firm: firmId, key })) > 0) check.add(UserErrorCode.ALREADY_EXISTS, keyTaken(key), ['input', 'key']);
  check.done();

  const rubric = em.create(Rubric, {
    firm: em.getReference(Firm, firmId),
    key: key!,
    version: 1,
    status: RubricStatus.DRAFT,
    name,
    description,
  });
  competencies.forEach((competency, index) => createCompetency(em, rubric, competency, index));
  // Two callers creating the same key at once: the unique (firm, key, version) decides.
  await flushOrRefuse(em, () => UserInputError.of(UserErrorCode.ALREADY_EXISTS, keyTaken(key!), ['input', 'key']));
  return { rubric };
}

// Replaces the content of a draft. A competency keeps its id for as long as its key stays.
export async function updateRubricDraft(em: EntityManager, firmId: string, rubricId: string | null, data: UpdateRubricDraftData) {
  const check = new InputCheck();
  const rubric = await lockRubric(em, firmId, rubricId);
  if (!rubric) check.add(UserErrorCode.NOT_FOUND, 'No rubric with this id.', RUBRIC_ID);
  else if (rubric.status !== RubricStatus.DRAFT) check.add(UserErrorCode.INVALID_STATE, unchangeable(rubric), RUBRIC_ID);
  const name = data.name ? checkLocalized(check, ['input', 'name'], data.name, RUBRIC_LIMITS.name) : null;
  const description = data.description
    ? checkLocalized(check, ['input', 'description'], data.description, RUBRIC_LIMITS.description)
    : null;
  const competencies = data.competencies ? checkCompetencies(check, ['input', 'competencies'], data.competencies) : null;
  check.done();

  const draft = rubric!;
  if (name) draft.name = name;
  if (description) draft.description = description;
  if (competencies) {
    const current = new Map((await em.find(Competency, { rubric: draft.id })).map((competency) => [competency.key, competency]));
    competencies.forEach((competency, index) => {
      const kept = current.get(competency.key);
      if (kept) {
        Object.assign(kept, contentOf(competency, index));
        current.delete(competency.key);
      } else {
        createCompetency(em, draft, competency, index);
      }
    });
    // What is left has no key in the new list.
    current.forEach((removed) => em.remove(removed));
  }
  // The rubric's own row may be unchanged when only its competencies changed.
  draft.updatedAt = new Date();
  return { rubric: draft };
}

// Copies a published version into the next version of its key, as a draft.
export async function reviseRubric(em: EntityManager, firmId: string, rubricId: string | null) {
  const found = rubricId ? await em.findOne(Rubric, { id: rubricId, firm: firmId }) : null;
  if (!found) throw notFound(RUBRIC_ID, 'rubric');
  // Revisions of one key queue on a transaction lock. Only then are the versions read: a
  // statement that started before the lock was granted would not see the draft just committed.
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`rubric:${firmId}:${found.key}`]);
  const versions = await em.find(Rubric, { firm: firmId, key: found.key }, { refresh: true, orderBy: { version: 'asc' } });
  const source = versions.find((version) => version.id === found.id)!;
  if (source.status === RubricStatus.DRAFT) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      `${title(source)} is a draft: change it with updateRubricDraft; only a published version can be revised.`,
      RUBRIC_ID,
    );
  }
  if (source.status === RubricStatus.RETIRED) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      `${title(source)} is retired; only a published version can be revised.`,
      RUBRIC_ID,
    );
  }
  const openDraft = versions.find((version) => version.status === RubricStatus.DRAFT);
  if (openDraft) {
    throw UserInputError.of(
      UserErrorCode.CONFLICT,
      `Rubric ${source.key} already has an open draft, version ${openDraft.version}: change or publish that draft instead of starting another.`,
      RUBRIC_ID,
    );
  }

  const draft = em.create(Rubric, {
    firm: em.getReference(Firm, firmId),
    key: source.key,
    version: Math.max(...versions.map((version) => version.version)) + 1,
    status: RubricStatus.DRAFT,
    name: { ...source.name },
    description: { ...source.description },
  });
  const competencies = await em.find(Competency, { rubric: source.id }, { orderBy: { position: 'asc' } });
  competencies.forEach((competency, index) => createCompetency(em, draft, structuredClone(copyOf(competency)), index));
  return { rubric: draft };
}

// Freezes a draft: from now on every score given against it stays comparable.
export async function publishRubric(em: EntityManager, firmId: string, rubricId: string | null) {
  const rubric = await lockRubric(em, firmId, rubricId);
  if (!rubric) throw notFound(RUBRIC_ID, 'rubric');
  if (rubric.status !== RubricStatus.DRAFT) {
    const state = rubric.status === RubricStatus.PUBLISHED ? 'is already published' : 'is retired';
    throw UserInputError.of(UserErrorCode.INVALID_STATE, `${title(rubric)} ${state}; only a draft can be published.`, RUBRIC_ID);
  }
  rubric.status = RubricStatus.PUBLISHED;
  rubric.publishedAt = new Date();
  return { rubric };
}

// A retired version stays readable (mandates pinned to it keep their scores) but is no longer offered.
export async function retireRubric(em: EntityManager, firmId: string, rubricId: string | null) {
  const rubric = await lockRubric(em, firmId, rubricId);
  if (!rubric) throw notFound(RUBRIC_ID, 'rubric');
  if (rubric.status !== RubricStatus.PUBLISHED) {
    const state = rubric.status === RubricStatus.DRAFT ? 'is a draft' : 'is already retired';
    throw UserInputError.of(UserErrorCode.INVALID_STATE, `${title(rubric)} ${state}; only a published version can be retired.`, RUBRIC_ID);
  }
  rubric.status = RubricStatus.RETIRED;
  return { rubric };
}

// The rubric row locked for this transaction, so a publish and an edit can never interleave.
function lockRubric(em: EntityManager, firmId: string, rubricId: string | null): Promise<Rubric | null> {
  if (!rubricId) return Promise.resolve(null);
  return em.findOne(Rubric, { id: rubricId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

function createCompetency(em: EntityManager, rubric: Rubric, competency: CompetencyData, index: number): void {
  em.create(Competency, { firm: rubric.firm, rubric, key: competency.key, ...contentOf(competency, index) });
}

function contentOf(competency: CompetencyData, index: number) {
  const { name, description, indicators, questions, anchors } = competency;
  return { position: index + 1, name, description, indicators, questions, anchors };
}

function copyOf(competency: Competency): CompetencyData {
  const { key, name, description, indicators, questions, anchors } = competency;
  return { key, name, description, indicators, questions, anchors };
}

function title(rubric: Rubric): string {
  return `Rubric ${rubric.key} version ${rubric.version}`;
}

function unchangeable(rubric: Rubric): string {
  return rubric.status === RubricStatus.PUBLISHED
    ? `${title(rubric)} is published, and a published rubric never changes; use reviseRubric to make a new draft version.`
    : `${title(rubric)} is retired, and a retired rubric never changes; use reviseRubric on a published version to make a new draft.`;
}

function keyTaken(key: string): string {
  return `A rubric with the key ${key} already exists; use reviseRubric to make a new version of it.`;
}
