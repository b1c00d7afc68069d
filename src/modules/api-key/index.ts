import type { Feature } from '../../common/feature';
import { apiKeyNode } from './api-key.node';
import { ApiKeyResolver } from './api-key.resolver';

export const apiKeyFeature: Feature = { resolvers: [ApiKeyResolver], nodeSources: [apiKeyNode] };
