import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../../common/tenant.entity';
import { Candidate } from './candidate.entity';
import type { DuplicateReason } from './duplicate-model';

// Two candidates of the firm that are likely one person, found when either was written
// (duplicate.repository.ts). The pair is stored once: candidate has the smaller id.
@Entity()
@Unique({ properties: ['candidate', 'otherCandidate'] })
// The firm's list, most likely first, keyset-paged on (score, id).
@Index({ properties: ['firm', 'score', 'id'] })
export class CandidateDuplicate extends TenantEntity {
  @ManyToOne(() => Candidate, { ref: true, deleteRule: 'cascade' })
  candidate!: Ref<Candidate>;

  @ManyToOne(() => Candidate, { ref: true, deleteRule: 'cascade', index: true })
  otherCandidate!: Ref<Candidate>;

  @Property({ type: 'text[]' })
  reasons!: DuplicateReason[];

  @Property({ type: 'double' })
  score!: number;
}

// A pair someone decided is two people: it is not found again. Stored with the smaller id first.
@Entity()
@Unique({ name: 'candidate_duplicate_dismissal_pair_unique', properties: ['candidate', 'otherCandidate'] })
export class CandidateDuplicateDismissal extends TenantEntity {
  @ManyToOne(() => Candidate, { ref: true, deleteRule: 'cascade' })
  candidate!: Ref<Candidate>;

  @ManyToOne(() => Candidate, { ref: true, deleteRule: 'cascade', index: true })
  otherCandidate!: Ref<Candidate>;
}
