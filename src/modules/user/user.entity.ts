import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { Role } from '../../common/access';
import { Client } from '../client';

@Entity()
@ObjectType({ implements: Node, description: 'A person who signs in: a partner, a consultant or a client contact.' })
export class User extends TenantEntity<'client' | 'deactivatedAt' | 'version' | 'active'> {
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

  // Set while the user is deactivated: no sign-in, no session; their past work stays.
  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When an admin deactivated this user; null while active.' })
  deactivatedAt: Date | null = null;

  // Raised by every change of name, role or activity (optimistic locking for updateUser).
  @Property({ default: 1 })
  @Field(() => Int, { description: "Version of the user's name, role and activity; raised by every change." })
  version: number = 1;

  @Field({ description: 'False once an admin deactivated the user: they cannot sign in.' })
  get active(): boolean {
    return this.deactivatedAt === null;
  }
}
