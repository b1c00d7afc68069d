// Talent rediscovery (issue 17, PRODUCT.md §3c): the firm's assessed candidates ranked against a
// mandate's requirement profile on their pooled interview evidence.
export { findTalentPool, type PoolRow, type TalentPoolFilterData } from './talent-pool.repository';
export { comparePool, type PoolCandidate, type PoolMatch, type PoolQuery, type PoolRating, talentPool } from './talent-pool-model';
