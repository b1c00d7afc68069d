// Talent rediscovery (issue 17, PRODUCT.md §3c): the firm's assessed candidates ranked against a
// mandate's requirement profile on their pooled interview evidence.
export {
  findPooledCompetencies,
  findTalentPool,
  type PooledCompetencyRow,
  type PoolRow,
  type TalentPoolFilterData,
} from './talent-pool.repository';
export {
  comparePool,
  type PoolCandidate,
  type PooledCompetency,
  pooledCompetencies,
  type PoolMatch,
  type PoolQuery,
  type PoolRating,
  talentPool,
} from './talent-pool-model';
