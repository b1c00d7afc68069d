import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Firm } from '../../common/firm.entity';

// The kinds of rows an integrator can sync incrementally.
export enum SyncEntityType {
  CANDIDATE = 'candidate',
  MANDATE = 'mandate',
  CANDIDACY = 'candidacy',
}

// The last transaction that changed a synced row, kept by database triggers (see the migration)
// so that every write path counts, ORM or raw SQL. Sync reads rows in the order of this id and
// only below the oldest transaction still running, so a late commit can never land behind a
// reader that has already passed its place (see sync.repository.ts).
@Entity({ tableName: 'sync_change' })
@Index({ properties: ['firm', 'entityType', 'transactionId', 'entityId'] })
export class SyncChange {
  [PrimaryKeyProp]?: ['entityType', 'entityId'];

  @PrimaryKey({ length: 20 })
  entityType!: SyncEntityType;

  @PrimaryKey({ type: 'uuid' })
  entityId!: string;

  @ManyToOne(() => Firm, { ref: true, deleteRule: 'cascade' })
  firm!: Ref<Firm>;

  // pg_current_xact_id() of the writing transaction: 64 bits, never wraps around.
  @Property({ columnType: 'xid8' })
  transactionId!: string;

  // When that transaction started (now()): for "changed since" filters, not for ordering.
  @Property({ type: 'timestamptz' })
  changedAt!: Date;
}
