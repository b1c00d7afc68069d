import type { Feature } from '../../common/feature';
import { ViewerResolver } from './viewer.resolver';

export const viewerFeature: Feature = { resolvers: [ViewerResolver], nodeSources: [] };
