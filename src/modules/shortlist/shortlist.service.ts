import { LockMode, ref, type EntityManager, type Ref } from '@mikro-orm/postgresql';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { flushOrRefuse } from '../../common/unique';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { canChangeStatus, findMandate, isFinalStatus, Mandate, MandateStatus, mandateStatusChanged } from '../mandate';
import { Candidacy, CandidacyStage, EXIT_STAGES, recordStageChange } from '../candidacy';
import { assess, computeFit, findFitInputs } from '../fit';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntry } from './shortlist-entry.entity';
import { ShortlistPublication } from './shortlist-publication.entity';
import { ShortlistEntrySnapshot } from './shortlist-entry-snapshot.entity';
import { SHORTLIST_LIMITS } from './shortlist.limits';
import { shortlistPublished } from './shortlist.events';
import { erasedError, refuseIfErased } from '../candidate';

// Every change of a shortlist first locks its mandate's row, so changes of one shortlist run
// one after the other (the first one also creates the shortlist), and each decides on what the
// previous one committed. Ids are local ids; null means the global id named nothing.

export interface AddToShortlistData {
  mandateId: string | null;
  candidacyId: string | null;
  note: string;
  expectedVersion?: number | null;
}

export interface UpdateShortlistEntryData {
  entryId: string | null;
  note: string;
  expectedVersion?: number | null;
}

export interface ReorderShortlistData {
  mandateId: string | null;
  // Local ids in the new order; null where a global id named nothing.
  entryIds: (string | null)[];
  expectedVersion?: number | null;
}

export interface WithdrawFromShortlistData {
  entryId: string | null;
  reason: string;
  expectedVersion?: number | null;
}

export interface PublishShortlistData {
  mandateId: string | null;
  expectedVersion?: number | null;
}

// The pipeline before the client has seen the candidate; later stages stay where they are.
const BEFORE_SHORTLISTED: readonly CandidacyStage[] = [CandidacyStage.SOURCED, CandidacyStage.SCREENING, CandidacyStage.INTERVIEWING];
const BEFORE_PRESENTED: readonly CandidacyStage[] = [...BEFORE_SHORTLISTED, CandidacyStage.SHORTLISTED];

const MANDATE_ID = ['input', 'mandateId'];
const CANDIDACY_ID = ['input', 'candidacyId'];
const ENTRY_ID = ['input', 'entryId'];
const ENTRY_IDS = ['input', 'entryIds'];
const NOTE = ['input', 'note'];

// Adds a candidacy of the mandate at the end of its shortlist, and moves it to SHORTLISTED if it
// was earlier in the pipeline. Shown to the client with the next publication.
export async function addToShortlist(
  em: EntityManager,
  firmId: string,
  userId: string | null,
  data: AddToShortlistData,
): Promise<{ shortlist: Shortlist; entry: ShortlistEntry }> {
  const mandate = await findMandate(em, firmId, data.mandateId, LockMode.PESSIMISTIC_WRITE);
  const check = new InputCheck();
  checkOpenForChanges(check, mandate, MANDATE_ID);
  const note = check.text(NOTE, data.note, { max: SHORTLIST_LIMITS.note, required: true });
  const candidacy = data.candidacyId
    ? await em.findOne(Candidacy, { id: data.candidacyId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  // The note is text about the person.
  if (candidacy) await refuseIfErased(em, firmId, { candidacyId: candidacy.id }, CANDIDACY_ID);
  const shortlist = await em.findOne(Shortlist, { mandate: mandate.id, firm: firmId });
  check.version('shortlist', shortlist?.version ?? 0, data.expectedVersion);
  const active = shortlist ? await activeEntries(em, firmId, shortlist) : [];
  if (!candidacy) {
    check.add(UserErrorCode.NOT_FOUND, 'No candidacy with this id.', CANDIDACY_ID);
  } else if (candidacy.mandate.id !== mandate.id) {
    check.add(UserErrorCode.INVALID, "This candidacy is in another mandate's pipeline: add a candidacy of this mandate.", CANDIDACY_ID);
  } else if (EXIT_STAGES.includes(candidacy.stage)) {
    check.add(
      UserErrorCode.INVALID_STATE,
      `The candidacy is ${candidacy.stage}: move it back into the pipeline before shortlisting it.`,
      CANDIDACY_ID,
    );
  } else if (active.some((entry) => entry.candidacy.id === candidacy.id)) {
    check.add(UserErrorCode.ALREADY_EXISTS, 'This candidacy is already on the shortlist.', CANDIDACY_ID);
  } else if (active.length >= SHORTLIST_LIMITS.entries) {
    check.add(UserErrorCode.OUT_OF_RANGE, `A shortlist holds at most ${SHORTLIST_LIMITS.entries} candidates.`, CANDIDACY_ID);
  }
  check.done();

  const list = shortlist ?? em.create(Shortlist, { id: mandate.id, firm: em.getReference(Firm, firmId), mandate });
  const entry = em.create(ShortlistEntry, {
    firm: list.firm,
    shortlist: list,
    candidacy: candidacy!,
    note: note!,
    position: active.length + 1,
    addedBy: userReference(em, userId),
  });
  if (BEFORE_SHORTLISTED.includes(candidacy!.stage)) {
    await recordStageChange(em, candidacy!, CandidacyStage.SHORTLISTED, userId, 'Added to the shortlist.');
  }
  list.version += 1;
  // The lock makes a duplicate impossible; the partial unique index is the last word anyway.
  await flushOrRefuse(em, () =>
    UserInputError.of(UserErrorCode.ALREADY_EXISTS, 'This candidacy is already on the shortlist.', CANDIDACY_ID),
  );
  return { shortlist: list, entry };
}

// Changes the note for the client; it reaches the client with the next publication.
export async function updateShortlistEntry(
  em: EntityManager,
  firmId: string,
  data: UpdateShortlistEntryData,
): Promise<{ shortlist: Shortlist; entry: ShortlistEntry }> {
  const { mandate, shortlist, entry } = await lockEntry(em, firmId, data.entryId);
  await refuseIfErased(em, firmId, { entryId: entry.id }, ENTRY_ID);
  const check = new InputCheck();
  checkOpenForChanges(check, mandate, ENTRY_ID);
  check.version('shortlist', shortlist?.version ?? 0, data.expectedVersion);
  checkNotWithdrawn(check, entry);
  const note = check.text(NOTE, data.note, { max: SHORTLIST_LIMITS.note, required: true });
  check.done();

  if (entry.note !== note) {
    entry.note = note!;
    shortlist.version += 1;
  }
  return { shortlist, entry };
}

// Puts the active entries in a new order: entryIds names every one of them exactly once.
export async function reorderShortlist(em: EntityManager, firmId: string, data: ReorderShortlistData): Promise<{ shortlist: Shortlist }> {
  const mandate = await findMandate(em, firmId, data.mandateId, LockMode.PESSIMISTIC_WRITE);
  const shortlist = await em.findOne(Shortlist, { mandate: mandate.id, firm: firmId });
  const active = shortlist ? await activeEntries(em, firmId, shortlist) : [];
  const check = new InputCheck();
  checkOpenForChanges(check, mandate, MANDATE_ID);
  check.version('shortlist', shortlist?.version ?? 0, data.expectedVersion);
  const byId = new Map(active.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  data.entryIds.forEach((id, index) => {
    const field = [...ENTRY_IDS, String(index)];
    if (!id || !byId.has(id)) {
      check.add(UserErrorCode.NOT_FOUND, 'No active entry of this shortlist with this id.', field);
    } else if (seen.has(id)) {
      check.add(UserErrorCode.INVALID, 'This entry is named more than once.', field);
    }
    if (id) seen.add(id);
  });
  const missing = active.filter((entry) => !seen.has(entry.id)).length;
  if (missing > 0) {
    check.add(
      UserErrorCode.INVALID,
      `entryIds must name every active entry of the shortlist exactly once; ` +
        `${missing} of ${active.length} ${missing === 1 ? 'is' : 'are'} missing.`,
      ENTRY_IDS,
    );
  }
  check.done();

  let changed = false;
  data.entryIds.forEach((id, index) => {
    const entry = byId.get(id!)!;
    if (entry.position !== index + 1) {
      entry.position = index + 1;
      changed = true;
    }
  });
  if (changed) shortlist!.version += 1;
  // A shortlist that never had an entry is not made just to be reordered.
  return { shortlist: shortlist ?? emptyShortlist(mandate) };
}

// Takes an entry off the shortlist: the client stops seeing it at once, without a new
// publication. Possible whatever the mandate's status: a candidate may ask to be taken off.
// The candidacy stays where it is in the pipeline.
export async function withdrawFromShortlist(
  em: EntityManager,
  firmId: string,
  userId: string | null,
  data: WithdrawFromShortlistData,
): Promise<{ shortlist: Shortlist; entry: ShortlistEntry }> {
  const { shortlist, entry } = await lockEntry(em, firmId, data.entryId);
  // An erased person's entry may still be withdrawn (the client stops seeing it), with an empty
  // reason: a reason would be new text about them.
  const erased = await erasedError(em, firmId, { entryId: entry.id }, ENTRY_ID);
  if (erased && data.reason.trim()) throw erased;
  const check = new InputCheck();
  check.version('shortlist', shortlist?.version ?? 0, data.expectedVersion);
  checkNotWithdrawn(check, entry);
  const reason = check.text(['input', 'reason'], data.reason, { max: SHORTLIST_LIMITS.withdrawalReason, required: !erased });
  check.done();

  entry.withdrawnAt = new Date();
  entry.withdrawalReason = reason;
  entry.withdrawnBy = userReference(em, userId);
  entry.position = null;
  entry.published = null;
  const remaining = await activeEntries(em, firmId, shortlist);
  remaining.filter((other) => other.id !== entry.id).forEach((other, index) => (other.position = index + 1));
  shortlist.version += 1;
  return { shortlist, entry };
}

// Shows the active entries to the client's users as they are now: an immutable snapshot of
// each (note, place, fit). Moves the candidacies to PRESENTED and an OPEN mandate to PRESENTED.
export async function publishShortlist(
  em: EntityManager,
  firmId: string,
  userId: string | null,
  data: PublishShortlistData,
): Promise<{ shortlist: Shortlist }> {
  const mandate = await findMandate(em, firmId, data.mandateId, LockMode.PESSIMISTIC_WRITE);
  const shortlist = await em.findOne(Shortlist, { mandate: mandate.id, firm: firmId });
  const active = shortlist ? await activeEntries(em, firmId, shortlist) : [];
  const candidacies = await em.find(
    Candidacy,
    { id: { $in: active.map((entry) => entry.candidacy.id) }, firm: firmId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const candidacyOf = new Map(candidacies.map((candidacy) => [candidacy.id, candidacy]));

  const check = new InputCheck();
  check.version('shortlist', shortlist?.version ?? 0, data.expectedVersion);
  if (mandate.status === MandateStatus.DRAFT) {
    check.add(UserErrorCode.INVALID_STATE, 'The mandate is DRAFT: open it before presenting candidates to the client.', MANDATE_ID);
  } else {
    checkOpenForChanges(check, mandate, MANDATE_ID);
  }
  if (active.length === 0) {
    check.add(UserErrorCode.INVALID_STATE, 'The shortlist has no entries: add candidates before publishing.', MANDATE_ID);
  }
  const leftPipeline = active.filter((entry) => EXIT_STAGES.includes(candidacyOf.get(entry.candidacy.id)!.stage));
  if (leftPipeline.length > 0) {
    const positions = leftPipeline.map((entry) => entry.position).join(', ');
    check.add(
      UserErrorCode.INVALID_STATE,
      `The candidacies at position ${positions} were rejected or withdrew: withdraw them from the shortlist before publishing.`,
      MANDATE_ID,
    );
  }
  check.done();

  const list = shortlist!;
  const inputs = await findFitInputs(em, firmId, [...candidacyOf.keys()], [mandate.id]);
  list.version += 1;
  list.publicationCount += 1;
  list.publishedVersion = list.version;
  list.publishedAt = new Date();
  const publication = em.create(ShortlistPublication, {
    firm: list.firm,
    shortlist: list,
    number: list.publicationCount,
    shortlistVersion: list.version,
    publishedBy: userReference(em, userId),
    createdAt: list.publishedAt,
    updatedAt: list.publishedAt,
  });
  for (const entry of active) {
    const candidacyId = entry.candidacy.id;
    const requirements = inputs.requirements.filter((requirement) => requirement.mandateId === mandate.id);
    const ratings = inputs.ratings.filter((rating) => rating.candidacyId === candidacyId);
    const fit = computeFit(requirements, ratings);
    // The spread goes along, so the client reads where interviewers disagree (never who).
    const spreads = new Map(
      assess(
        fit.competencies.map((competency) => competency.key),
        ratings,
      ).map((assessment) => [assessment.key, assessment.spread]),
    );
    const snapshot = em.create(ShortlistEntrySnapshot, {
      firm: list.firm,
      publication,
      entry,
      position: entry.position!,
      note: entry.note,
      fit: fit.fit,
      coverage: fit.coverage,
      mustHavesMet: fit.mustHavesMet,
      competencies: fit.competencies.map((competency) => ({ ...competency, spread: spreads.get(competency.key) ?? null })),
      createdAt: list.publishedAt,
      updatedAt: list.publishedAt,
    });
    entry.published = ref(snapshot);
    const candidacy = candidacyOf.get(candidacyId)!;
    if (BEFORE_PRESENTED.includes(candidacy.stage)) {
      const reason = `Presented to the client (shortlist publication ${publication.number}).`;
      await recordStageChange(em, candidacy, CandidacyStage.PRESENTED, userId, reason);
    }
  }
  if (mandate.status === MandateStatus.OPEN && canChangeStatus(mandate.status, MandateStatus.PRESENTED)) {
    await mandateStatusChanged(em, firmId, { mandateId: mandate.id, fromStatus: mandate.status, toStatus: MandateStatus.PRESENTED });
    mandate.status = MandateStatus.PRESENTED;
  }
  await shortlistPublished(em, firmId, {
    mandateId: mandate.id,
    shortlistId: list.id,
    publicationNumber: publication.number,
    entryIds: active.map((entry) => entry.id),
    publishedById: userId,
  });
  return { shortlist: list };
}

// The shortlist of a mandate that has none yet: nothing on it, never published (not stored).
// A mandate's shortlist before anything was added: not stored, with the id the stored one will
// have (a new shortlist takes its mandate's id), so the id a client reads now stays valid.
// The mandate may be a plain row (node(id)): only its id is kept.
export function emptyShortlist(mandate: { readonly id: string }): Shortlist {
  const shortlist = new Shortlist();
  shortlist.id = mandate.id;
  shortlist.mandate = ref(Mandate, mandate.id);
  return shortlist;
}

// The active entries in shortlist order.
function activeEntries(em: EntityManager, firmId: string, shortlist: Shortlist): Promise<ShortlistEntry[]> {
  return em.find(
    ShortlistEntry,
    { shortlist: shortlist.id, firm: firmId, withdrawnAt: null },
    { orderBy: { position: 'asc', createdAt: 'asc', id: 'asc' } },
  );
}

// An entry with its shortlist and mandate, read again after locking the mandate. The entry's
// shortlist and the shortlist's mandate never change, so finding them before the lock is safe.
async function lockEntry(
  em: EntityManager,
  firmId: string,
  entryId: string | null,
): Promise<{ mandate: Mandate; shortlist: Shortlist; entry: ShortlistEntry }> {
  const found = entryId ? await em.findOne(ShortlistEntry, { id: entryId, firm: firmId }, { populate: ['shortlist'] }) : null;
  if (!found) throw notFound(ENTRY_ID, 'shortlist entry');
  const mandate = await findMandate(em, firmId, found.shortlist.getEntity().mandate.id, LockMode.PESSIMISTIC_WRITE);
  const shortlist = await em.findOneOrFail(Shortlist, { id: found.shortlist.id, firm: firmId }, { refresh: true });
  const entry = await em.findOneOrFail(ShortlistEntry, { id: found.id, firm: firmId }, { refresh: true });
  return { mandate, shortlist, entry };
}

// A FILLED or CANCELLED mandate's shortlist stays as it was.
// `field`: the input field that leads to the mandate (the input of each mutation names it differently).
function checkOpenForChanges(check: InputCheck, mandate: Mandate, field: string[]): void {
  if (isFinalStatus(mandate.status)) {
    check.add(UserErrorCode.INVALID_STATE, `The mandate is ${mandate.status}: its shortlist can no longer change.`, field);
  }
}

function checkNotWithdrawn(check: InputCheck, entry: ShortlistEntry): void {
  if (entry.withdrawnAt) {
    check.add(UserErrorCode.INVALID_STATE, 'This entry was withdrawn from the shortlist; add the candidacy again to present it.', ENTRY_ID);
  }
}

function userReference(em: EntityManager, userId: string | null): Ref<User> | null {
  return userId ? em.getReference(User, userId, { wrapped: true }) : null;
}
