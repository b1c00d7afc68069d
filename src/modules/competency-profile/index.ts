import type { Feature } from '../../common/feature';

// The maintained per-candidate competency profile (issue 17): a table of sums and counts kept by
// the features that change ratings or who may be found, and the talent pool's per-mandate match
// order computed from it; read by the talent pool. No API of its own.
export const competencyProfileFeature: Feature = { entities: [], resolvers: [], nodeSources: [] };

export {
  maintainedAndRebuiltProfiles,
  type ProfileRow,
  rebuildFirmProfiles,
  type RollupRow,
  refreshCandidateProfiles,
} from './profile.repository';
export {
  buildMatchOrderAhead,
  dropMatchOrder,
  ensureMatchOrder,
  MATCH_KEYS_SQL,
  type MatchRow,
  withFreshMatchOrder,
  withMatchOrder,
} from './match-order.repository';
export { MATCH_ORDER_QUEUE, type MatchOrderWorker, startMatchOrderWorker } from './match-order-worker';
