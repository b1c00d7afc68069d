import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../common/tenant.entity';

// An external ref of an erased candidate, kept only as a hash and not linked to the candidate:
// so that an ATS syncing the same id again gets a refusal (ERASED) instead of silently bringing
// the person back. The id itself, which identifies the person in the ATS, is not stored.
@Entity()
@Unique({ properties: ['firm', 'system', 'externalIdHash'] })
export class ErasedExternalRef extends TenantEntity {
  @Property({ length: 50 })
  system!: string;

  // sha256 hex of the external id (see erasedRefHash).
  @Property({ length: 64 })
  externalIdHash!: string;
}
