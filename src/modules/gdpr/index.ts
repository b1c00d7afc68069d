import type { Feature } from '../../common/feature';
import { GdprResolver } from './gdpr.resolver';

export const gdprFeature: Feature = { resolvers: [GdprResolver], nodeSources: [] };
