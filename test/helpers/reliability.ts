// `npm run test:reliability` sets RELIABILITY=full: the crash and fuzz suites then run at full size
// (thousands of writes, 10,000 fuzz cases); inside `npm test` they run a shorter variant.
export const FULL_RELIABILITY_RUN = process.env.RELIABILITY === 'full';

export function reliabilityScale<T>(short: T, full: T): T {
  return FULL_RELIABILITY_RUN ? full : short;
}
