import type { Feature } from '../../common/feature';
import { auditEventNode } from './audit.node';
import { AuditEventResolver } from './audit.resolver';

export { auditMutations } from './audit-schema';
export { readPersonal, restoreReads, storedReads, type StoredRead } from './audit-trail';
export { recordMutation, writeReadEvents, type AuditedRequest } from './audit.service';

export const auditFeature: Feature = { resolvers: [AuditEventResolver], nodeSources: [auditEventNode] };
