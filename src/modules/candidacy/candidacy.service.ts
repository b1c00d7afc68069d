import { Candidate, ERASED_MESSAGE, erasedError } from '../candidate';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginateRows, type Connection, type ConnectionArgs } from '../../common/connection';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { flushOrRefuse } from '../../common/unique';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { isFinalStatus, Mandate } from '../mandate';
import { Candidacy, CandidacySource, CandidacyStage } from './candidacy.entity';
import { CandidacyStageChange } from './candidacy-stage-change.entity';
import { EXIT_STAGES, canMoveCandidacy, moveNeedsReason, refusedMoveMessage } from './candidacy-stage';
import { CANDIDACY_LIMITS } from './candidacy.limits';
import { candidacyStageChanged } from './candidacy.events';
import { CANDIDACY_FIELDS, type CandidacyRow } from './candidacy.loaders';

export interface AddCandidateToMandateData {
  mandateId: string | null;
  candidateId: string | null;
  reason?: string | null;
  // Default DIRECT.
  source?: CandidacySource | null;
}

export interface MoveCandidacyData {
  candidacyId: string | null;
  stage: CandidacyStage;
  reason?: string | null;
}

// `movedById`: the user who acts; null for an API key.
export async function addCandidateToMandate(
  em: EntityManager,
  firmId: string,
  movedById: string | null,
  data: AddCandidateToMandateData,
): Promise<{ candidacy: Candidacy }> {
  const check = new InputCheck();
  const reason = check.text(['input', 'reason'], data.reason, { max: CANDIDACY_LIMITS.reason });
  // Locked for share, so the mandate cannot be closed while the candidate goes in.
  const mandate = data.mandateId
    ? await em.findOne(Mandate, { id: data.mandateId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_READ })
    : null;
  // Locked for share too: an erasure running now finishes first, and its erasedAt is seen below.
  const candidate = data.candidateId
    ? await em.findOne(Candidate, { id: data.candidateId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_READ })
    : null;
  if (!mandate) check.add(UserErrorCode.NOT_FOUND, 'No mandate with this id.', ['input', 'mandateId']);
  if (!candidate) check.add(UserErrorCode.NOT_FOUND, 'No candidate with this id.', ['input', 'candidateId']);
  if (candidate?.erasedAt) check.add(UserErrorCode.ERASED, ERASED_MESSAGE, ['input', 'candidateId']);
  // A mandate that is over (FILLED, CANCELLED) takes no new candidates.
  if (mandate && isFinalStatus(mandate.status)) {
    check.add(UserErrorCode.INVALID_STATE, `Cannot add a candidate to a ${mandate.status} mandate.`, ['input', 'mandateId']);
  }
  if (mandate && candidate && (await em.count(Candidacy, { mandate: mandate.id, candidate: candidate.id })) > 0) {
    check.add(UserErrorCode.ALREADY_EXISTS, 'This candidate is already in the mandate.', ['input', 'candidateId']);
  }
  check.done();

  const now = new Date();
  const candidacy = em.create(Candidacy, {
    firm: em.getReference(Firm, firmId),
    mandate: mandate!,
    candidate: candidate!,
    stage: CandidacyStage.SOURCED,
    createdAt: now,
    updatedAt: now,
  });
  recordMove(em, candidacy, null, movedById, reason, now, data.source ?? CandidacySource.DIRECT);
  // Another request may add the same candidate at the same moment.
  await flushOrRefuse(em, () =>
    UserInputError.of(UserErrorCode.ALREADY_EXISTS, 'This candidate is already in the mandate.', ['input', 'candidateId']),
  );
  return { candidacy };
}

export async function moveCandidacy(
  em: EntityManager,
  firmId: string,
  movedById: string | null,
  data: MoveCandidacyData,
): Promise<{ candidacy: Candidacy }> {
  // Locked for update, so two moves at the same moment are applied one after the other.
  const candidacy = data.candidacyId
    ? await em.findOne(Candidacy, { id: data.candidacyId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!candidacy) throw notFound(['input', 'candidacyId'], 'candidacy');

  const check = new InputCheck();
  const reason = check.text(['input', 'reason'], data.reason, { max: CANDIDACY_LIMITS.reason });
  const from = candidacy.stage;
  const to = data.stage;
  // An erased person's candidacy may still be closed (REJECTED, WITHDRAWN), without a reason: the
  // reason would be new text about them. Any other move, or any reason, is refused.
  const erased = await erasedError(em, firmId, { candidacyId: candidacy.id }, ['input', 'candidacyId']);
  if (erased && (reason || !EXIT_STAGES.includes(to))) throw erased;
  if (from === to) {
    check.add(UserErrorCode.INVALID_STATE, `The candidacy is already ${to}.`, ['input', 'stage']);
  } else if (!canMoveCandidacy(from, to)) {
    check.add(UserErrorCode.INVALID_STATE, refusedMoveMessage(from, to), ['input', 'stage']);
  } else if (moveNeedsReason(from, to) && !reason && !erased) {
    check.add(UserErrorCode.REQUIRED, `reason is required to move a candidacy from ${from} to ${to}.`, ['input', 'reason']);
  }
  check.done();

  await recordStageChange(em, candidacy, to, movedById, reason);
  return { candidacy };
}

export function listMandateCandidacies(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  stages: CandidacyStage[],
  page: ConnectionArgs,
): Promise<Connection<CandidacyRow>> {
  return paginateRows<Candidacy, CandidacyRow>(
    em,
    Candidacy,
    { firm: firmId, mandate: mandateId, stage: { $in: stages } },
    CANDIDACY_FIELDS,
    { list: 'mandateCandidacies', keys: ['createdAt', 'id'], ...page },
  );
}

function recordMove(
  em: EntityManager,
  candidacy: Candidacy,
  fromStage: CandidacyStage | null,
  movedById: string | null,
  reason: string | null,
  at: Date,
  // The first entry's: where the candidate came from.
  source: CandidacySource | null = null,
): void {
  em.create(CandidacyStageChange, {
    firm: candidacy.firm,
    candidacy,
    fromStage,
    toStage: candidacy.stage,
    reason,
    source,
    movedBy: movedById ? em.getReference(User, movedById) : null,
    createdAt: at,
    updatedAt: at,
  });
}

// Moves a candidacy whose move was checked: by moveCandidacy, or by another feature's rules
// (the shortlist moves candidacies to SHORTLISTED and PRESENTED). Recorded in the history
// strictly after the previous move, so its order never depends on clocks agreeing.
export async function recordStageChange(
  em: EntityManager,
  candidacy: Candidacy,
  to: CandidacyStage,
  movedById: string | null,
  reason: string | null,
): Promise<void> {
  const from = candidacy.stage;
  const now = new Date(Math.max(Date.now(), candidacy.updatedAt.getTime() + 1));
  candidacy.stage = to;
  candidacy.updatedAt = now;
  recordMove(em, candidacy, from, movedById, reason, now);
  // Every move, whoever makes it (moveCandidacy, the shortlist), tells the integrators.
  await candidacyStageChanged(em, candidacy.firm.id, {
    candidacyId: candidacy.id,
    mandateId: candidacy.mandate.id,
    candidateId: candidacy.candidate.id,
    fromStage: from,
    toStage: to,
  });
}
