import type { Feature } from '../../common/feature';
import { Firm } from '../../common/firm.entity';
import { firmNode } from './firm.node';

export const firmFeature: Feature = { entities: [Firm], resolvers: [], nodeSources: [firmNode] };

export { createFirm } from './firm.service';
