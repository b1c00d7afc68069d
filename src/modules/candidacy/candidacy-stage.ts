import { badUserInput } from '../../common/errors';
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

// The stages a list of a mandate's candidacies keeps: those asked for; when none are, every stage
// but the exits (a rejected or withdrawn candidacy is no longer in the running). An empty list
// asked for is a mistake, not "nothing".
export function pipelineStages(stages: CandidacyStage[] | null | undefined): CandidacyStage[] {
  if (stages && stages.length === 0)
    throw badUserInput('stages must name at least one stage; leave it out for every stage but the exits.', 'stages');
  return stages ? [...new Set(stages)] : Object.values(CandidacyStage).filter((stage) => !EXIT_STAGES.includes(stage));
}
