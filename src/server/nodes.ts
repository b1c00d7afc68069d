import type { NodeSource } from '../common/node-source';
import { firmNode } from '../modules/firm/firm.node';
import { userNode } from '../modules/user/user.node';
import { apiKeyNode } from '../modules/api-key/api-key.node';

// Every type node(id) can return. A type missing here is simply never found.
export const nodeSources: NodeSource[] = [firmNode, userNode, apiKeyNode];
