import type { Feature } from '../../common/feature';
import { mandateNode } from './mandate.node';
import { MandateResolver } from './mandate.resolver';
import { ClientMandatesResolver } from './client-mandates.resolver';

export const mandateFeature: Feature = { resolvers: [MandateResolver, ClientMandatesResolver], nodeSources: [mandateNode] };
