import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../../common/tenant.entity';
import type { SnapshotCompetency } from './presented-figures';
import { ShortlistPublication } from './shortlist-publication.entity';
import { ShortlistEntry } from './shortlist-entry.entity';

// An entry as one publication showed it to the client: the note, the place and the fit at
// publish time. Never changed: later edits and scores reach the client with the next publication.
// Personal data (name, headline …) is not copied: it is read from the candidate, so that a
// correction or an erasure applies at once.
@Entity()
@Unique({ properties: ['publication', 'entry'] })
export class ShortlistEntrySnapshot extends TenantEntity<'fit' | 'mustHavesMet'> {
  @ManyToOne(() => ShortlistPublication, { ref: true, deleteRule: 'cascade' })
  publication!: Ref<ShortlistPublication>;

  @ManyToOne(() => ShortlistEntry, { ref: true, deleteRule: 'cascade', index: true })
  entry!: Ref<ShortlistEntry>;

  @Property()
  position!: number;

  @Property({ type: 'text' })
  note!: string;

  @Property({ type: 'double', nullable: true })
  fit: number | null = null;

  @Property({ type: 'double' })
  coverage!: number;

  @Property({ type: 'boolean', nullable: true })
  mustHavesMet: boolean | null = null;

  // computeFit's competencies: each weighted competency with weight, target, minimum, score, gap …,
  // and the spread of its scores.
  @Property({ type: 'json' })
  competencies!: SnapshotCompetency[];
}
