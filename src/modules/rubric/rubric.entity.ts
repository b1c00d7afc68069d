import { Collection, Entity, Enum, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import type { LocalizedText } from '../../common/locale';
import { Competency } from './competency.entity';

export enum RubricStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}
registerEnumType(RubricStatus, { name: 'RubricStatus' });

// One version of an interview rubric. A published version never changes, so every score
// given against it stays comparable and explainable; reviseRubric makes the next draft.
@Entity()
@Unique({ properties: ['firm', 'key', 'version'] })
@ObjectType({ implements: Node, description: 'A version of an interview rubric: ordered competencies with anchored scales.' })
export class Rubric extends TenantEntity<'status' | 'publishedAt' | 'competencies'> {
  @Property({ length: 100 })
  @Field({ description: 'Stable key shared by all versions, e.g. customer-oriented-leadership.' })
  key!: string;

  @Property()
  @Field(() => Int)
  version!: number;

  @Enum(() => RubricStatus)
  @Field(() => RubricStatus)
  status: RubricStatus = RubricStatus.DRAFT;

  @Property({ type: 'json' })
  name!: LocalizedText;

  @Property({ type: 'json' })
  description!: LocalizedText;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt: Date | null = null;

  @OneToMany(() => Competency, (competency) => competency.rubric, { orderBy: { position: 'asc' } })
  competencies = new Collection<Competency>(this);
}
