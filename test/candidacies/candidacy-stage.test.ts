import { CandidacyStage, canMoveCandidacy, moveNeedsReason } from '../../src/modules/candidacy';

const { SOURCED, SCREENING, INTERVIEWING, SHORTLISTED, PRESENTED, OFFER, PLACED, REJECTED, WITHDRAWN } = CandidacyStage;

// The whole table of allowed moves, written out; every other pair is refused.
const ALLOWED: [CandidacyStage, CandidacyStage][] = [
  [SOURCED, SCREENING],
  [SCREENING, INTERVIEWING],
  [INTERVIEWING, SHORTLISTED],
  [SHORTLISTED, PRESENTED],
  [PRESENTED, OFFER],
  [OFFER, PLACED],
  [INTERVIEWING, SCREENING],
  [SHORTLISTED, INTERVIEWING],
  ...[SOURCED, SCREENING, INTERVIEWING, SHORTLISTED, PRESENTED, OFFER].flatMap((from): [CandidacyStage, CandidacyStage][] => [
    [from, REJECTED],
    [from, WITHDRAWN],
  ]),
  [REJECTED, SOURCED],
  [WITHDRAWN, SOURCED],
];

const stages = Object.values(CandidacyStage);
const pairs = stages.flatMap((from) => stages.map((to): [CandidacyStage, CandidacyStage] => [from, to]));
const isAllowed = (from: CandidacyStage, to: CandidacyStage) => ALLOWED.some(([f, t]) => f === from && t === to);

describe('candidacy stage moves', () => {
  it.each(pairs.filter(([from, to]) => isAllowed(from, to)))('should allow %s → %s', (from, to) => {
    expect(canMoveCandidacy(from, to)).toBe(true);
  });

  it.each(pairs.filter(([from, to]) => !isAllowed(from, to)))('should refuse %s → %s', (from, to) => {
    expect(canMoveCandidacy(from, to)).toBe(false);
  });

  it('should allow nothing out of PLACED', () => {
    expect(stages.filter((to) => canMoveCandidacy(PLACED, to))).toEqual([]);
  });

  it('should ask for a reason to leave the pipeline and to come back, and for no other move', () => {
    expect(ALLOWED.filter(([from, to]) => moveNeedsReason(from, to))).toEqual(
      ALLOWED.filter(([, to]) => to === REJECTED || to === WITHDRAWN || to === SOURCED),
    );
  });
});
