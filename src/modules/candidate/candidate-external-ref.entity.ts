import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Candidate } from './candidate.entity';

// The candidate's id in an ATS or HR system: unique per firm and system, one per system.
@Entity()
@Unique({ properties: ['firm', 'system', 'externalId'] })
@Unique({ properties: ['candidate', 'system'] })
// Duplicate detection: the same id under another system (the firm inside the key, as the
// candidate's duplicate keys: migration 20261202130000).
@Index({
  name: 'candidate_external_ref_external_id_key_index',
  expression:
    'create index "candidate_external_ref_external_id_key_index" on "candidate_external_ref" ("candidate_firm_key"("firm_id", "external_id"))',
})
@ObjectType({ description: "The candidate's id in another system (an ATS, an HR system)." })
export class CandidateExternalRef extends TenantEntity {
  @ManyToOne(() => Candidate, { ref: true, deleteRule: 'cascade', index: true })
  candidate!: Ref<Candidate>;

  @Property({ length: 50 })
  @Field({ description: 'The system, e.g. greenhouse.' })
  system!: string;

  @Property({ length: 200 })
  @Field()
  externalId!: string;
}
