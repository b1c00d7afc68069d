import type { Feature } from '../../common/feature';
import { auditEventNode } from './audit.node';
import { AuditEventResolver } from './audit.resolver';

export { auditMutations } from './audit-schema';
export { newAuditTrail, readPersonal, restoreReads, storedReads, type AuditTrail, type StoredRead } from './audit-trail';
export { recordMutation, writeReadEvents, type ActingUser, type AuditedRequest } from './audit.service';

export const auditFeature: Feature = { resolvers: [AuditEventResolver], nodeSources: [auditEventNode] };
