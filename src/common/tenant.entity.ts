import { ManyToOne, type Ref } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity';
import { Firm } from './firm.entity';

// Data owned by one firm. The firm id sits (indexed) on every such table, so the global
// 'tenant' filter can scope every query, and the data can later be sharded by firm.
@ObjectType()
export abstract class TenantEntity<Optional = never> extends BaseEntity<Optional> {
  @ManyToOne(() => Firm, { ref: true, index: true, deleteRule: 'cascade' })
  firm!: Ref<Firm>;
}
