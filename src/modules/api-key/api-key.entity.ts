import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { ApiKeyScope } from '../../common/access';
import { User } from '../user';

@Entity()
@ObjectType({ implements: Node, description: 'A credential for an ATS or HR system of the firm.' })
export class ApiKey extends TenantEntity<'revokedAt' | 'lastUsedAt'> {
  @Property({ length: 100 })
  @Field()
  name!: string;

  @Property({ type: 'text[]' })
  @Field(() => [ApiKeyScope])
  scopes!: ApiKeyScope[];

  // The first characters of the secret, so people can tell keys apart; the rest is only hashed.
  @Property({ length: 16 })
  @Field({ description: 'The start of the secret, to recognise the key by.' })
  prefix!: string;

  @Property({ length: 64, unique: true, hidden: true })
  secretHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'set null', nullable: true })
  createdBy!: Ref<User> | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null = null;
}
