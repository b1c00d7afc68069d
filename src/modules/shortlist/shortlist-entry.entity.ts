import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { User } from '../user';
import { Candidacy } from '../candidacy';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntrySnapshot } from './shortlist-entry-snapshot.entity';

// One candidacy on a shortlist. Withdrawn entries stay (with their feedback) for the record;
// a withdrawn candidacy can be added again as a new entry.
@Entity()
@Unique({
  name: 'shortlist_entry_active_candidacy_unique',
  expression:
    'create unique index "shortlist_entry_active_candidacy_unique" on "shortlist_entry" ("shortlist_id", "candidacy_id") where "withdrawn_at" is null',
})
@ObjectType({ implements: Node, description: 'A candidacy on a shortlist, with the note the client reads.' })
export class ShortlistEntry extends TenantEntity<
  'position' | 'addedBy' | 'withdrawnAt' | 'withdrawalReason' | 'withdrawnBy' | 'published'
> {
  @ManyToOne(() => Shortlist, { ref: true, deleteRule: 'cascade', index: true })
  shortlist!: Ref<Shortlist>;

  @ManyToOne(() => Candidacy, { ref: true, deleteRule: 'cascade', index: true })
  candidacy!: Ref<Candidacy>;

  @Property({ type: 'text' })
  @Field({ description: 'For the client: why this candidate. Shown to the client after the next publication.' })
  note!: string;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Place on the shortlist, from 1; null once withdrawn.' })
  position: number | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  addedBy: Ref<User> | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was taken off the shortlist; the client stopped seeing it then.' })
  withdrawnAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn (never shown to the client).' })
  withdrawalReason: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  withdrawnBy: Ref<User> | null = null;

  // What the client sees of this entry now: its snapshot in the last publication; null when it
  // was not in it, or was withdrawn since.
  @ManyToOne(() => ShortlistEntrySnapshot, { ref: true, nullable: true, deleteRule: 'set null' })
  published: Ref<ShortlistEntrySnapshot> | null = null;
}
