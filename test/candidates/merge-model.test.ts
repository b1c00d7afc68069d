import fc from 'fast-check';
import { ConsentStatus, stricterConsent, type ConsentState } from '../../src/modules/candidate';

// A consent state as records hold them: status with its times, and an optional retention term.
const day = fc.integer({ min: 0, max: 4000 }).map((offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000));
const consentState: fc.Arbitrary<ConsentState> = fc
  .record({
    status: fc.constantFrom(ConsentStatus.PENDING, ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN),
    givenAt: day,
    withdrawnAt: day,
    term: fc.option(day, { nil: null }),
  })
  .map(({ status, givenAt, withdrawnAt, term }) => ({
    consentStatus: status,
    consentGivenAt: status === ConsentStatus.PENDING ? null : givenAt,
    consentWithdrawnAt: status === ConsentStatus.WITHDRAWN ? withdrawnAt : null,
    retainUntil: term === null ? null : term.toISOString().slice(0, 10),
  }));

// The reference: how permissive each state is for the firm, and the earliest term set.
const PERMISSIVENESS = { WITHDRAWN: 0, PENDING: 1, GIVEN: 2 } as const;
function referenceStatus(a: ConsentState, b: ConsentState): ConsentStatus {
  return PERMISSIVENESS[a.consentStatus] <= PERMISSIVENESS[b.consentStatus] ? a.consentStatus : b.consentStatus;
}
function referenceTerm(a: ConsentState, b: ConsentState): string | null {
  const terms = [a.retainUntil, b.retainUntil].filter((term) => term !== null) as string[];
  return terms.length === 0 ? null : terms.reduce((earliest, term) => (term < earliest ? term : earliest));
}

describe('stricterConsent (merging two records of one person)', () => {
  it('should keep the stricter status and the earlier retention term, in either order', () => {
    fc.assert(
      fc.property(consentState, consentState, (a, b) => {
        const merged = stricterConsent(a, b);
        const swapped = stricterConsent(b, a);
        expect([merged.consentStatus, merged.retainUntil]).toEqual([referenceStatus(a, b), referenceTerm(a, b)]);
        expect([swapped.consentStatus, swapped.retainUntil]).toEqual([merged.consentStatus, merged.retainUntil]);
      }),
      { numRuns: 500 },
    );
  });

  it('should keep a withdrawal on either side, with the time of a withdrawal that was recorded', () => {
    fc.assert(
      fc.property(consentState, consentState, (a, b) => {
        fc.pre(a.consentStatus === ConsentStatus.WITHDRAWN || b.consentStatus === ConsentStatus.WITHDRAWN);
        const merged = stricterConsent(a, b);
        expect(merged.consentStatus).toBe(ConsentStatus.WITHDRAWN);
        const recorded = [a, b]
          .filter((side) => side.consentStatus === ConsentStatus.WITHDRAWN)
          .map((side) => side.consentWithdrawnAt!.getTime());
        expect(merged.consentWithdrawnAt!.getTime()).toBe(Math.min(...recorded));
      }),
      { numRuns: 500 },
    );
  });

  it('should keep the times of the state it keeps, never mixing the two records', () => {
    fc.assert(
      fc.property(consentState, consentState, (a, b) => {
        const { retainUntil: _term, ...kept } = stricterConsent(a, b);
        const sides = [a, b].map(({ retainUntil: _unused, ...state }) => state);
        expect(sides).toContainEqual(kept);
      }),
      { numRuns: 500 },
    );
  });

  it('should keep PENDING over GIVEN: a consent on one record does not cover the other', () => {
    const given: ConsentState = {
      consentStatus: ConsentStatus.GIVEN,
      consentGivenAt: new Date('2026-03-01T00:00:00Z'),
      consentWithdrawnAt: null,
      retainUntil: '2030-12-31',
    };
    const pending: ConsentState = {
      consentStatus: ConsentStatus.PENDING,
      consentGivenAt: null,
      consentWithdrawnAt: null,
      retainUntil: null,
    };
    expect(stricterConsent(given, pending)).toEqual({ ...pending, retainUntil: '2030-12-31' });
  });
});
