import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../../common/tenant.entity';
import { User } from '../user';

// A signed-in user's opaque token; only its SHA-256 is stored.
@Entity()
export class Session extends TenantEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @Property({ length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
