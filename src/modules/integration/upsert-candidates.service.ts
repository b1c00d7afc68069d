import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError, type UserErrorData } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import {
  CANDIDATE_VALUE_KEYS,
  candidatesWritten,
  type CandidateData,
  type CandidateRow,
  type CandidateValues,
  checkCandidateData,
  checkExternalRef,
  erasedRefKeys,
  refreshDuplicates,
  type DuplicateView,
  type ExternalRefData,
  sameValue,
  searchTextOf,
} from '../candidate';
import { refreshCandidateProfiles } from '../competency-profile';
import {
  type ExistingCandidateRow,
  insertCandidates,
  lockCandidatesByRef,
  updateCandidates,
  type ChangedCandidate,
  type NewCandidate,
} from './candidate-upsert.repository';
import { MAX_UPSERT_BATCH } from '../../config/limits';
import { UpsertCandidateStatus } from './upsert-candidates.inputs';

export interface UpsertCandidateData extends Omit<CandidateData, 'externalRefs'> {
  externalRef: ExternalRefData;
}

export interface UpsertCandidateOutcome {
  index: number;
  externalRef: ExternalRefData;
  status: UpsertCandidateStatus;
  // The candidate as written (a plain row, as the read path hands to the Candidate type).
  candidate: CandidateRow | null;
  userErrors: UserErrorData[];
}

export interface UpsertCandidatesOutcome {
  results: UpsertCandidateOutcome[];
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  duplicateWarnings: DuplicateView[];
}

type Values = CandidateValues & { searchText: string };

// Many candidates matched by their ref in one system, in a constant number of statements: one
// select (which locks the known ones), one insert of the new ones, one update of the changed ones.
// Each item is checked by the rules of createCandidate / updateCandidate; a bad item is left out
// whole and reported, the good ones are written. Values equal to the stored ones are not written,
// so the same batch sent again changes nothing, updatedAt included.
export async function upsertCandidates(em: EntityManager, firmId: string, items: UpsertCandidateData[]): Promise<UpsertCandidatesOutcome> {
  if (items.length > MAX_UPSERT_BATCH) {
    throw UserInputError.of(
      UserErrorCode.TOO_LONG,
      `candidates may hold at most ${MAX_UPSERT_BATCH} items, got ${items.length}: send them in batches.`,
      ['input', 'candidates'],
    );
  }
  const now = new Date();
  const pathOf = (index: number) => ['input', 'candidates', String(index)];

  // The match keys: checked, and each one at most once in the batch (a later repeat is refused).
  const firstIndexOfKey = new Map<string, number>();
  const keyed = items.map((item, index) => {
    const check = new InputCheck();
    const refPath = [...pathOf(index), 'externalRef'];
    const ref = checkExternalRef(check, item.externalRef, refPath);
    const key = refKey(ref);
    const first = firstIndexOfKey.get(key);
    if (check.ok && first !== undefined) {
      check.add(
        UserErrorCode.CONFLICT,
        `The external ref ${ref.system}/${ref.externalId} already comes at index ${first} of this batch.`,
        refPath,
      );
    } else if (check.ok) {
      firstIndexOfKey.set(key, index);
    }
    return { item, index, ref, key, check };
  });

  const existing = await lockCandidatesByRef(
    em,
    firmId,
    keyed.filter(({ check }) => check.ok).map(({ ref }) => ref),
  );
  const existingByKey = new Map<string, ExistingCandidateRow>(existing.map((found) => [refKey(found), found]));
  // A ref of an erased candidate that no live candidate holds: the ATS still has the person, and
  // creating them again would undo the erasure without anyone deciding it.
  const erased = await erasedRefKeys(
    em,
    firmId,
    keyed.filter(({ check, key }) => check.ok && !existingByKey.has(key)).map(({ ref }) => ref),
  );
  const creates: NewCandidate[] = [];
  const changes: ChangedCandidate[] = [];
  const claimedBy = new Map<string, number>();
  // Who withdrew or gave consent again: the talent pools' maintained profile follows (as updateCandidate's).
  const consentChanged: string[] = [];
  const outcomes = keyed.map(({ item, index, ref, key, check }): UpsertCandidateOutcome & { plannedId?: string } => {
    const found = check.ok ? existingByKey.get(key) : undefined;
    const current = found?.row ?? null;
    if (erased.has(key)) {
      check.add(
        UserErrorCode.ERASED,
        `The candidate with external ref ${ref.system}/${ref.externalId} was erased (GDPR); they are not created again. Remove them from the sync.`,
        [...pathOf(index), 'externalRef'],
      );
    }
    if (current) {
      const other = claimedBy.get(current.id);
      if (other !== undefined) {
        check.add(
          UserErrorCode.CONFLICT,
          `This candidate is also matched by the item at index ${other} of this batch (through another external ref).`,
          [...pathOf(index), 'externalRef'],
        );
      } else {
        claimedBy.set(current.id, index);
      }
    }
    const { externalRef: _ref, ...data } = item;
    const given = checkCandidateData(check, data, current, now, pathOf(index));
    const userErrors = errorsOf(check);
    if (userErrors.length > 0) {
      return { index, externalRef: ref, status: UpsertCandidateStatus.REJECTED, candidate: null, userErrors };
    }
    if (!current) {
      const values = given as CandidateValues;
      const id = randomUUID();
      creates.push({ id, refId: randomUUID(), ref, values: { ...values, searchText: searchTextOf(values) } });
      return { index, externalRef: ref, status: UpsertCandidateStatus.CREATED, candidate: null, userErrors, plannedId: id };
    }
    const merged = mergeChanges(current, found!.searchText, given);
    if (!merged) return { index, externalRef: ref, status: UpsertCandidateStatus.UNCHANGED, candidate: current, userErrors };
    changes.push({ id: current.id, values: merged });
    if (merged.consentStatus !== current.consentStatus) consentChanged.push(current.id);
    return { index, externalRef: ref, status: UpsertCandidateStatus.UPDATED, candidate: current, userErrors };
  });

  const inserted = new Map((await insertCandidates(em, firmId, now, creates)).map((row) => [row.id, row]));
  const updated = new Map((await updateCandidates(em, firmId, now, changes)).map((row) => [row.id, row]));

  const results = outcomes.map(({ plannedId, ...outcome }): UpsertCandidateOutcome => {
    if (outcome.status === UpsertCandidateStatus.CREATED) {
      const row = inserted.get(plannedId!);
      if (row) return { ...outcome, candidate: row };
      return {
        ...outcome,
        status: UpsertCandidateStatus.REJECTED,
        userErrors: [
          {
            code: UserErrorCode.CONFLICT,
            message: 'Another request created a candidate with this external ref at the same moment; send the item again.',
            field: [...pathOf(outcome.index), 'externalRef'],
          },
        ],
      };
    }
    if (outcome.status === UpsertCandidateStatus.UPDATED) {
      return { ...outcome, candidate: updated.get(outcome.candidate!.id)! };
    }
    return outcome;
  });
  const idsOf = (status: UpsertCandidateStatus) => results.flatMap((result) => (result.status === status ? [result.candidate!.id] : []));
  await candidatesWritten(em, firmId, {
    createdIds: idsOf(UpsertCandidateStatus.CREATED),
    updatedIds: idsOf(UpsertCandidateStatus.UPDATED),
  });
  await refreshCandidateProfiles(em, firmId, consentChanged);
  const written = results.filter(
    (result) => result.status === UpsertCandidateStatus.CREATED || result.status === UpsertCandidateStatus.UPDATED,
  );
  const duplicateWarnings = await refreshDuplicates(
    em,
    firmId,
    written.map((result) => result.candidate!),
  );
  const count = (status: UpsertCandidateStatus) => results.filter((result) => result.status === status).length;
  return {
    results,
    duplicateWarnings,
    createdCount: count(UpsertCandidateStatus.CREATED),
    updatedCount: count(UpsertCandidateStatus.UPDATED),
    unchangedCount: count(UpsertCandidateStatus.UNCHANGED),
    rejectedCount: count(UpsertCandidateStatus.REJECTED),
  };
}

// The candidate's values with the given ones applied, or null when none differs (the search text
// included, which the row does not carry: `searchText` is the stored one).
function mergeChanges(current: CandidateRow, searchText: string, given: Partial<CandidateValues>): Values | null {
  const stored = current as unknown as CandidateValues;
  const next = Object.fromEntries(CANDIDATE_VALUE_KEYS.map((key) => [key, stored[key]])) as CandidateValues;
  let changed = false;
  for (const [key, value] of Object.entries(given) as [keyof CandidateValues, never][]) {
    if (!sameValue(key, stored[key], value)) {
      next[key] = value;
      changed = true;
    }
  }
  const nextSearchText = searchTextOf(next);
  if (!changed && nextSearchText === searchText) return null;
  return { ...next, searchText: nextSearchText };
}

function errorsOf(check: InputCheck): UserErrorData[] {
  try {
    check.done();
    return [];
  } catch (error) {
    if (error instanceof UserInputError) return error.errors;
    throw error;
  }
}

function refKey(ref: ExternalRefData): string {
  return `${ref.system}\u0000${ref.externalId}`;
}
