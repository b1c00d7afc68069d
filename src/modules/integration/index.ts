import type { Feature } from '../../common/feature';
import { CandidateUpsertResolver } from './integration.resolver';
import { SyncResolver } from './sync.resolver';

export const integrationFeature: Feature = { resolvers: [CandidateUpsertResolver, SyncResolver], nodeSources: [] };
