// Talent rediscovery (issue 17, PRODUCT.md §3c): the firm's assessed candidates ranked against a
// mandate's requirement profile on their pooled interview evidence.
import type { Feature } from '../../common/feature';
import { MandateTalentPoolResolver, TalentPoolEvidenceResolver, TalentPoolMatchResolver } from './talent-pool.resolver';

export const talentPoolFeature: Feature = {
  entities: [],
  resolvers: [MandateTalentPoolResolver, TalentPoolMatchResolver, TalentPoolEvidenceResolver],
  nodeSources: [],
};

export {
  countTalentPool,
  findPoolEvidence,
  findTalentPool,
  type PoolEvidenceRow,
  type PooledCompetencyRow,
  type PoolRow,
  poolStatement,
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
