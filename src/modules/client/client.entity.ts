import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';

// A client company of the firm. Its size matters: the smaller the company, the closer its
// top leader must be to customers and sales.
@Entity()
@Unique({ properties: ['firm', 'country', 'organisationNumber'] })
@ObjectType({ implements: Node, description: 'A client company that gives the firm search mandates.' })
export class Client extends TenantEntity<'organisationNumber' | 'industry' | 'employeeCount'> {
  @Property({ length: 200 })
  @Field()
  name!: string;

  @Property({ length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'Official registration number (e.g. Norwegian org.nr.).' })
  organisationNumber: string | null = null;

  @Property({ length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  industry: string | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  employeeCount: number | null = null;

  @Property({ length: 2 })
  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. NO.' })
  country!: string;
}
