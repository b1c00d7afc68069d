import type { Feature } from '../../common/feature';
import { SyncChange } from './sync-change.entity';

// The change feed behind every incremental sync: rows in the order their changes committed.
export const syncFeature: Feature = { entities: [SyncChange], resolvers: [], nodeSources: [] };

export { SyncEntityType } from './sync-change.entity';
export { paginateInSyncOrder } from './sync.repository';
