import type { Feature } from '../../common/feature';
import { AuditEvent } from './audit-event.entity';
import { auditEventNode } from './audit.node';
import { AuditEventResolver } from './audit.resolver';

export const auditFeature: Feature = { entities: [AuditEvent], resolvers: [AuditEventResolver], nodeSources: [auditEventNode] };

export { AuditEvent } from './audit-event.entity';
export { auditMutations } from './audit-schema';
export { readPersonal, recordRead, restoreReads, type StoredRead, storedReads } from './audit-trail';
export { type AuditedRequest, recordAccess, recordMutation, writeReadEvents } from './audit.service';
