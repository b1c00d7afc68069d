import type { Feature } from '../../common/feature';
import { ViewerResolver } from './viewer.resolver';

export const viewerFeature: Feature = { entities: [], resolvers: [ViewerResolver], nodeSources: [] };
