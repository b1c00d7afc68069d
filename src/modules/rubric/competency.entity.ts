import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import type { LocalizedText } from '../../common/locale';
import { Rubric } from './rubric.entity';

// A competency of one rubric version: what to look for, what to ask, and what each score
// from 1 to 5 looks like (a behaviourally anchored rating scale).
@Entity()
@Unique({ properties: ['rubric', 'key'] })
@ObjectType({ implements: Node, description: 'A competency of a rubric version, with its interview kit and anchored scale.' })
export class Competency extends TenantEntity {
  @ManyToOne(() => Rubric, { ref: true, deleteRule: 'cascade', index: true })
  rubric!: Ref<Rubric>;

  @Property({ length: 60 })
  @Field({ description: 'Stable key across rubric versions, e.g. OUTSIDE_IN.' })
  key!: string;

  @Property()
  @Field(() => Int, { description: 'Order within the rubric, from 1.' })
  position!: number;

  @Property({ type: 'json' })
  name!: LocalizedText;

  @Property({ type: 'json' })
  description!: LocalizedText;

  @Property({ type: 'json' })
  indicators!: LocalizedText[];

  @Property({ type: 'json' })
  questions!: LocalizedText[];

  // What a 1, 2, 3, 4 and 5 look like, in that order.
  @Property({ type: 'json' })
  anchors!: LocalizedText[];
}
