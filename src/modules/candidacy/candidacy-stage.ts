import { CandidacyStage } from './candidacy.entity';

const { SOURCED, SCREENING, INTERVIEWING, SHORTLISTED, PRESENTED, OFFER, PLACED, REJECTED, WITHDRAWN } = CandidacyStage;

// Where a candidacy may go from each stage: one step forward, one step back while being
// assessed, out (REJECTED, WITHDRAWN) from any open stage, and from an exit back to SOURCED to
// reconsider. PLACED is final. SHORTLISTED → PRESENTED is also what publishShortlist does.
const MOVES: Record<CandidacyStage, readonly CandidacyStage[]> = {
  [SOURCED]: [SCREENING, REJECTED, WITHDRAWN],
  [SCREENING]: [INTERVIEWING, REJECTED, WITHDRAWN],
  [INTERVIEWING]: [SHORTLISTED, SCREENING, REJECTED, WITHDRAWN],
  [SHORTLISTED]: [PRESENTED, INTERVIEWING, REJECTED, WITHDRAWN],
  [PRESENTED]: [OFFER, REJECTED, WITHDRAWN],
  [OFFER]: [PLACED, REJECTED, WITHDRAWN],
  [PLACED]: [],
  [REJECTED]: [SOURCED],
  [WITHDRAWN]: [SOURCED],
};

export const EXIT_STAGES: readonly CandidacyStage[] = [REJECTED, WITHDRAWN];

// A candidacy in one of these stages is decided: nobody is interviewed for it any more.
export const DECIDED_STAGES: readonly CandidacyStage[] = [PLACED, ...EXIT_STAGES];

export function canMoveCandidacy(from: CandidacyStage, to: CandidacyStage): boolean {
  return MOVES[from].includes(to);
}

// Why a move is refused, with where the candidacy may go instead.
export function refusedMoveMessage(from: CandidacyStage, to: CandidacyStage): string {
  const allowed = MOVES[from];
  return allowed.length > 0
    ? `Cannot move a candidacy from ${from} to ${to}: from ${from} it may move to ${allowed.join(', ')}.`
    : `Cannot move a candidacy from ${from} to ${to}: ${from} is final.`;
}

// Leaving the pipeline, or coming back into it, is explained.
export function moveNeedsReason(from: CandidacyStage, to: CandidacyStage): boolean {
  return EXIT_STAGES.includes(to) || EXIT_STAGES.includes(from);
}
