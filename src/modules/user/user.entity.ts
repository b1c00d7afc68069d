import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { Role } from '../../common/access';
import { Client } from '../client';

@Entity()
@ObjectType({ implements: Node, description: 'A person who signs in: a partner, a consultant or a client contact.' })
export class User extends TenantEntity<'client'> {
  // Sign-in is by email alone, so an email belongs to one user across all firms.
  @Property({ length: 254, unique: true })
  @Field()
  email!: string;

  @Property({ length: 200 })
  @Field()
  name!: string;

  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  @Field(() => Role)
  role!: Role;

  // scrypt, with its parameters: see password.ts.
  @Property({ length: 300, hidden: true })
  passwordHash!: string;

  // The client company a CLIENT user speaks for; null for the firm's own staff.
  @ManyToOne(() => Client, { ref: true, nullable: true, index: true })
  client: Ref<Client> | null = null;
}
