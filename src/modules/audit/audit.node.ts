import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { AuditEvent } from './audit-event.entity';
import { AUDIT_READERS } from '../../common/access';

export const auditEventNode = defineNodeSource({ typeName: 'AuditEvent', entity: AuditEvent, visibleTo: wholeFirmFor(AUDIT_READERS) });
