import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginateRows, type Connection, type ConnectionArgs } from '../../common/connection';
import type { Selection } from '../../common/selection';
import { UserErrorCode, UserInputError, badUserInput, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { flushOrRefuse } from '../../common/unique';
import { Firm } from '../../common/firm.entity';
import { Candidate } from './candidate.entity';
import { CandidateExternalRef } from './candidate-external-ref.entity';
import { CANDIDATE_LIMITS as LIMITS } from './candidate.limits';
import {
  type CandidateData,
  type CandidateValues,
  checkCandidateData,
  checkExternalRefs,
  type ExternalRefData,
  sameValue,
  searchTextOf,
} from './candidate.validation';
import { foldForSearch } from './search-text';
import { paginateInSyncOrder, SyncEntityType } from '../sync';
import { alreadyErased } from './erased';
import { refreshDuplicates, type DuplicateView } from './duplicate.service';
import { candidatesWritten } from './candidate.events';
import { CANDIDATE_OPTIONAL_COLUMNS, CANDIDATE_ROW_COLUMNS, type CandidateRow } from './candidate.loaders';
import { refreshCandidateProfiles } from '../competency-profile';

export interface CandidateFilterData {
  search?: string | null;
  tag?: string | null;
  externalRef?: ExternalRefData | null;
  updatedSince?: Date | null;
}

export async function createCandidate(
  em: EntityManager,
  firmId: string,
  data: CandidateData,
): Promise<{ candidate: Candidate; duplicateWarnings: DuplicateView[] }> {
  const now = new Date();
  const check = new InputCheck();
  const values = checkCandidateData(check, data, null, now, ['input']) as CandidateValues;
  const refs = data.externalRefs ? checkExternalRefs(check, data.externalRefs) : [];
  check.done();
  await checkRefsUnused(em, firmId, null, refs);

  const candidate = em.create(Candidate, {
    firm: em.getReference(Firm, firmId),
    ...values,
    retainUntil: values.retainUntil as unknown as Date | null,
    searchText: searchTextOf(values),
    createdAt: now,
    updatedAt: now,
  });
  for (const ref of refs) em.create(CandidateExternalRef, { firm: candidate.firm, candidate, ...ref });
  await flushRefs(em);
  await candidatesWritten(em, firmId, { createdIds: [candidate.id], updatedIds: [] });
  return { candidate, duplicateWarnings: await refreshDuplicates(em, firmId, [candidate]) };
}

// Writes only what really changes, so an update that changes nothing leaves updatedAt alone.
export async function updateCandidate(
  em: EntityManager,
  firmId: string,
  candidateId: string | null,
  data: CandidateData,
): Promise<{ candidate: Candidate; duplicateWarnings: DuplicateView[] }> {
  // A record merged into another is gone, as for node(id).
  const candidate = candidateId ? await em.findOne(Candidate, { id: candidateId, firm: firmId, mergedAt: null }) : null;
  if (!candidate) throw notFound(['input', 'candidateId'], 'candidate');
  if (candidate.erasedAt) throw alreadyErased(['input', 'candidateId']);

  const check = new InputCheck();
  const values = checkCandidateData(check, data, candidate, new Date(), ['input']);
  const refs = data.externalRefs !== undefined ? checkExternalRefs(check, data.externalRefs ?? []) : null;
  check.done();

  const consentBefore = candidate.consentStatus;
  let changed = false;
  const current = candidate as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    if (!sameValue(key as keyof CandidateValues, current[key], value)) {
      current[key] = value;
      changed = true;
    }
  }
  const searchText = searchTextOf(candidate);
  if (candidate.searchText !== searchText) candidate.searchText = searchText;

  if (refs) {
    await checkRefsUnused(em, firmId, candidate.id, refs);
    if (await replaceExternalRefs(em, candidate, refs)) {
      // Refs live in their own table; the candidate still changed for anyone syncing by updatedAt.
      if (!changed) candidate.updatedAt = new Date();
      changed = true;
    }
  }
  await flushRefs(em);
  // An update that changes nothing tells nobody.
  if (changed) await candidatesWritten(em, firmId, { createdIds: [], updatedIds: [candidate.id] });
  // Withdrawing consent takes the candidate out of every talent pool, giving it back puts them in.
  if (candidate.consentStatus !== consentBefore) await refreshCandidateProfiles(em, firmId, [candidate.id]);
  return { candidate, duplicateWarnings: await refreshDuplicates(em, firmId, [candidate]) };
}

export function listCandidates(
  em: EntityManager,
  firmId: string,
  filter: CandidateFilterData | null | undefined,
  page: ConnectionArgs,
  // What the query's document asks (common/selection.ts): the page leaves out what it does not.
  selected?: Selection,
): Promise<Connection<CandidateRow>> {
  const conditions: FilterQuery<Candidate>[] = [{ firm: firmId }];
  if (filter?.search != null) {
    if (filter.search.length > LIMITS.search) {
      throw badUserInput(`filter.search is longer than ${LIMITS.search} characters.`, 'filter');
    }
    const term = foldForSearch(filter.search);
    if (term) conditions.push({ searchText: { $like: `%${escapeLike(term)}%` } });
  }
  if (filter?.tag != null) conditions.push({ tags: { $contains: [filter.tag.trim()] } });
  if (filter?.externalRef) {
    const { system, externalId } = filter.externalRef;
    conditions.push({ externalRefs: { $some: { system: system.trim(), externalId: externalId.trim() } } });
  }
  if (filter?.updatedSince) conditions.push({ updatedAt: { $gte: filter.updatedSince } });
  // A merged-away record is listed no more; a sync shows it once, marked merged (and erased), to be deleted.
  else conditions.push({ mergedAt: null });
  const where: FilterQuery<Candidate> = { $and: conditions };
  // Incremental sync reads in the order of change, gap-free under concurrent writes (see
  // paginateInSyncOrder); the cursors name their order, so a cursor of one order is refused by the other.
  return filter?.updatedSince
    ? paginateInSyncOrder(em, Candidate, SyncEntityType.CANDIDATE, firmId, where, { list: 'candidatesBySync', ...page })
    : paginateRows<Candidate, CandidateRow>(em, Candidate, where, CANDIDATE_ROW_COLUMNS, {
        list: 'candidates',
        keys: ['createdAt', 'id'],
        ...page,
        optional: CANDIDATE_OPTIONAL_COLUMNS,
        selected,
      });
}

// A ref of another candidate of the firm cannot be taken over.
async function checkRefsUnused(em: EntityManager, firmId: string, candidateId: string | null, refs: ExternalRefData[]) {
  if (refs.length === 0) return;
  const taken = await em.find(CandidateExternalRef, {
    firm: firmId,
    $or: refs.map(({ system, externalId }) => ({ system, externalId })),
    ...(candidateId ? { candidate: { $ne: candidateId } } : {}),
  });
  if (taken.length === 0) return;
  const errors = refs.flatMap((ref, index) =>
    taken.some((row) => row.system === ref.system && row.externalId === ref.externalId)
      ? [
          {
            code: UserErrorCode.ALREADY_EXISTS,
            message: `Another candidate already has external id "${ref.externalId}" in ${ref.system}.`,
            field: ['input', 'externalRefs', String(index), 'externalId'],
          },
        ]
      : [],
  );
  throw new UserInputError(errors);
}

// Makes the candidate's refs exactly `refs`: one row per system, changed in place. True if any changed.
async function replaceExternalRefs(em: EntityManager, candidate: Candidate, refs: ExternalRefData[]): Promise<boolean> {
  const existing = await em.find(CandidateExternalRef, { candidate: candidate.id });
  let changed = false;
  for (const row of existing) {
    const wanted = refs.find((ref) => ref.system === row.system);
    if (!wanted) {
      em.remove(row);
      changed = true;
    } else if (wanted.externalId !== row.externalId) {
      row.externalId = wanted.externalId;
      changed = true;
    }
  }
  for (const ref of refs) {
    if (!existing.some((row) => row.system === ref.system)) {
      em.create(CandidateExternalRef, { firm: candidate.firm, candidate, ...ref });
      changed = true;
    }
  }
  return changed;
}

// Flushes now, so a ref taken at the same moment by another request is a user error, not a 500.
function flushRefs(em: EntityManager): Promise<void> {
  return flushOrRefuse(em, () =>
    UserInputError.of(UserErrorCode.ALREADY_EXISTS, 'Another candidate took one of these external ids at the same moment; try again.', [
      'input',
      'externalRefs',
    ]),
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
