import type { Feature } from '../../common/feature';
import { GdprResolver } from './gdpr.resolver';

export const gdprFeature: Feature = { entities: [], resolvers: [GdprResolver], nodeSources: [] };

export { candidateDataExport } from './data-export.service';
export { ERASURE_RULES } from './erasure';
