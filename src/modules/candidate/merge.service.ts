import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError, notFound, type UserErrorData } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { emitEvent } from '../webhook';
import { refreshCandidateProfiles } from '../competency-profile';
import { Candidate } from './candidate.entity';
import { CANDIDATE_LIMITS } from './candidate.limits';
import { searchTextOf } from './candidate.validation';
import { alreadyErased } from './erased';
import { refreshDuplicates } from './duplicate.service';
import { mergedValues, type FieldChoices, type MergeRecord } from './merge-model';
import { externalRefSystems, MERGE_RULES, repointMergedRecords, sharedMandates } from './merge.repository';

export interface MergeCandidatesData {
  survivorId: string | null;
  duplicateId: string | null;
  fieldChoices?: FieldChoices | null;
  expectedVersions: { survivor: number; duplicate: number };
}

// The placeholder a merged-away record keeps: its names are required columns.
export const MERGED_FIRST_NAME = 'Merged';
export const MERGED_LAST_NAME = 'candidate';

const FIELDS = {
  survivor: ['input', 'survivorId'],
  duplicate: ['input', 'duplicateId'],
  survivorVersion: ['input', 'expectedVersions', 'survivor'],
  duplicateVersion: ['input', 'expectedVersions', 'duplicate'],
};

// Two records of one person become one, in the caller's transaction: everything about the
// duplicate moves to the survivor (MERGE_RULES), the survivor keeps the chosen values with the
// stricter consent, and the duplicate stays as a placeholder without personal data, marked erased
// and merged into the survivor, so that a sync shows it go (as it shows an erasure). Both rows
// are locked FOR UPDATE (in id order) before anything is checked, so a concurrent write, erasure
// or second merge of either waits, then sees the merge.
export async function mergeCandidates(
  em: EntityManager,
  firmId: string,
  data: MergeCandidatesData,
): Promise<{ candidate: Candidate; mergedCandidateId: string }> {
  const ids = [data.survivorId, data.duplicateId].filter((id): id is string => id !== null);
  const found =
    ids.length === 0
      ? []
      : await em.find(Candidate, { id: { $in: ids }, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
  const survivor = found.find((row) => row.id === data.survivorId);
  const duplicate = found.find((row) => row.id === data.duplicateId);
  const errors = [...stateErrors(survivor, FIELDS.survivor), ...stateErrors(duplicate, FIELDS.duplicate)];
  if (errors.length > 0) throw new UserInputError(errors);
  // After the look-up, so that an id nobody may see is answered like a missing one.
  if (survivor!.id === duplicate!.id) {
    throw UserInputError.of(
      UserErrorCode.INVALID,
      'A candidate cannot be merged with themselves: name two different candidates.',
      FIELDS.duplicate,
    );
  }
  await refuseUnmergeable(em, firmId, survivor!, duplicate!, data.expectedVersions);

  const now = new Date();
  const values = mergedValues(recordOf(survivor!), recordOf(duplicate!), data.fieldChoices ?? {});
  Object.assign(survivor!, values, { retainUntil: values.retainUntil as unknown as Date | null, updatedAt: now });
  survivor!.searchText = searchTextOf(survivor!);
  for (const rule of Object.values(MERGE_RULES)) await rule.move?.(em, firmId, survivor!.id, duplicate!.id);
  await repointMergedRecords(em, firmId, survivor!.id, duplicate!.id);
  // No text about the person stays on the merged-away record: what the survivor did not take is gone.
  Object.assign(duplicate!, {
    firstName: MERGED_FIRST_NAME,
    lastName: MERGED_LAST_NAME,
    email: null,
    phone: null,
    headline: null,
    location: null,
    languages: [],
    linkedinUrl: null,
    tags: [],
    searchText: '',
    erasedAt: now,
    mergedIntoId: survivor!.id,
    mergedAt: now,
    updatedAt: now,
  });
  await em.flush();

  // The survivor's pool profile counts the moved ratings; the duplicate has none left.
  await refreshCandidateProfiles(em, firmId, [survivor!.id, duplicate!.id]);
  await refreshDuplicates(em, firmId, [survivor!]);
  await emitEvent(em, firmId, 'candidate.merged', {
    survivorId: toGlobalId('Candidate', survivor!.id),
    mergedId: toGlobalId('Candidate', duplicate!.id),
  });
  return { candidate: survivor!, mergedCandidateId: toGlobalId('Candidate', duplicate!.id) };
}

// Missing (or another firm's), merged already, or erased: each with its own code.
function stateErrors(candidate: Candidate | undefined, field: string[]): UserErrorData[] {
  if (!candidate) return notFound(field, 'candidate').errors;
  if (candidate.mergedAt) {
    return [
      {
        code: UserErrorCode.MERGED,
        message: 'This candidate was already merged into another (see the survivor, Candidate.mergedFrom).',
        field,
      },
    ];
  }
  if (candidate.erasedAt) return alreadyErased(field).errors;
  return [];
}

// What refuses a merge of two live records: stale versions, one mandate's pipeline holding both,
// an external ref of each in one system, or more tags or refs together than one candidate may have.
async function refuseUnmergeable(
  em: EntityManager,
  firmId: string,
  survivor: Candidate,
  duplicate: Candidate,
  expected: MergeCandidatesData['expectedVersions'],
): Promise<void> {
  const errors: UserErrorData[] = [];
  for (const [candidate, version, field] of [
    [survivor, expected.survivor, FIELDS.survivorVersion],
    [duplicate, expected.duplicate, FIELDS.duplicateVersion],
  ] as const) {
    if (candidate.version !== version) {
      errors.push({
        code: UserErrorCode.CONFLICT,
        message: `The candidate is at version ${candidate.version}, not ${version}: it was changed meanwhile. Read both again and redo the merge.`,
        field: [...field],
      });
    }
  }
  if (errors.length > 0) throw new UserInputError(errors);

  for (const mandate of await sharedMandates(em, firmId, survivor.id, duplicate.id)) {
    errors.push({
      code: UserErrorCode.SAME_MANDATE,
      message: `Both are in the pipeline of the mandate "${mandate.title}" (${toGlobalId('Mandate', mandate.id)}): a person has one candidacy per mandate; decide which to keep first.`,
      field: FIELDS.duplicate,
    });
  }
  const refs = await externalRefSystems(em, firmId, [survivor.id, duplicate.id]);
  const survivorSystems = new Set(refs.filter((ref) => ref.candidate_id === survivor.id).map((ref) => ref.system));
  const clashing = refs.filter((ref) => ref.candidate_id === duplicate.id && survivorSystems.has(ref.system)).map((ref) => ref.system);
  if (clashing.length > 0) {
    errors.push({
      code: UserErrorCode.ALREADY_EXISTS,
      message: `Both have an external id in ${clashing.join(', ')} (one per system): remove one with updateCandidate first.`,
      field: FIELDS.duplicate,
    });
  }
  if (refs.length > CANDIDATE_LIMITS.externalRefs) {
    errors.push({
      code: UserErrorCode.OUT_OF_RANGE,
      message: `Together they have ${refs.length} external ids, more than the ${CANDIDATE_LIMITS.externalRefs} one candidate may have.`,
      field: FIELDS.duplicate,
    });
  }
  const tags = new Set([...survivor.tags, ...duplicate.tags]).size;
  if (tags > CANDIDATE_LIMITS.tags) {
    errors.push({
      code: UserErrorCode.OUT_OF_RANGE,
      message: `Together they have ${tags} tags, more than the ${CANDIDATE_LIMITS.tags} one candidate may have: remove some first.`,
      field: FIELDS.duplicate,
    });
  }
  if (errors.length > 0) throw new UserInputError(errors);
}

function recordOf(candidate: Candidate): MergeRecord {
  return {
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    email: candidate.email,
    phone: candidate.phone,
    headline: candidate.headline,
    location: candidate.location,
    languages: candidate.languages,
    linkedinUrl: candidate.linkedinUrl,
    tags: candidate.tags,
    consentStatus: candidate.consentStatus,
    consentGivenAt: candidate.consentGivenAt,
    consentWithdrawnAt: candidate.consentWithdrawnAt,
    retainUntil: candidate.retainUntil as unknown as string | null,
  };
}
