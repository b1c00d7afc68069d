import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../../common/tenant.entity';
import { User } from '../user';
import { Shortlist } from './shortlist.entity';

// One publishing of a shortlist (createdAt: when), kept for the record and never changed.
@Entity()
@Unique({ properties: ['shortlist', 'number'] })
export class ShortlistPublication extends TenantEntity<'publishedBy'> {
  @ManyToOne(() => Shortlist, { ref: true, deleteRule: 'cascade' })
  shortlist!: Ref<Shortlist>;

  // 1, 2, … per shortlist.
  @Property()
  number!: number;

  // The Shortlist.version that was published.
  @Property()
  shortlistVersion!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  publishedBy: Ref<User> | null = null;
}
