import type { Feature } from '../../common/feature';
import { ApiKey } from './api-key.entity';
import { apiKeyNode } from './api-key.node';
import { ApiKeyResolver } from './api-key.resolver';

export const apiKeyFeature: Feature = { entities: [ApiKey], resolvers: [ApiKeyResolver], nodeSources: [apiKeyNode] };

export { ApiKey } from './api-key.entity';
export { createApiKey, revokeApiKey } from './api-key.service';
