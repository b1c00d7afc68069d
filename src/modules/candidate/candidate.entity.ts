import { Collection, Entity, Enum, Index, OneToMany, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { CandidateExternalRef } from './candidate-external-ref.entity';
import { DateScalar } from '../../common/scalars';

export enum ConsentStatus {
  PENDING = 'PENDING',
  GIVEN = 'GIVEN',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus', description: "The candidate's consent to the firm keeping their data." });

// A person the firm may present: personal data under GDPR.
@Entity()
@Index({ properties: ['firm', 'updatedAt', 'id'] })
// The default list order: without it every page sorts all of the firm's candidates.
@Index({ properties: ['firm', 'createdAt', 'id'] })
@Index({
  name: 'candidate_search_text_trgm_index',
  expression: 'create index "candidate_search_text_trgm_index" on "candidate" using gin ("search_text" gin_trgm_ops)',
})
// Duplicate detection (duplicate.repository.ts, migration 20261202130000): each key with the firm
// in one expression, so that only its own index serves a lookup (see the migration).
@Index({
  name: 'candidate_email_key_index',
  expression: 'create index "candidate_email_key_index" on "candidate" ("candidate_firm_key"("firm_id", "email"))',
})
@Index({
  name: 'candidate_phone_key_index',
  expression: 'create index "candidate_phone_key_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_phone_key"("phone")))',
})
@Index({
  name: 'candidate_linkedin_key_index',
  expression:
    'create index "candidate_linkedin_key_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_linkedin_key"("linkedin_url")))',
})
// Similar names: the first and the last word of the folded full name, each with the other.
@Index({
  name: 'candidate_name_key_index',
  expression:
    'create index "candidate_name_key_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_first_name_key"("first_name", "last_name")), "candidate_last_name_key"("first_name", "last_name"), "id")',
})
@Index({
  name: 'candidate_name_key_reversed_index',
  expression:
    'create index "candidate_name_key_reversed_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_last_name_key"("first_name", "last_name")), "candidate_first_name_key"("first_name", "last_name"), "id")',
})
// A survivor's mergedFrom (merge.service.ts).
@Index({ properties: ['firm', 'mergedIntoId'] })
@Index({ name: 'candidate_tags_index', expression: 'create index "candidate_tags_index" on "candidate" using gin ("tags")' })
// The talent pool's filters (migration 20261202193000): a rare location or language leads the plan.
@Index({
  name: 'candidate_location_key_index',
  expression: 'create index "candidate_location_key_index" on "candidate" ("firm_id", lower(trim("location")))',
})
@Index({ name: 'candidate_languages_index', expression: 'create index "candidate_languages_index" on "candidate" using gin ("languages")' })
@ObjectType({ implements: Node, description: 'A leader the firm knows: personal data, kept under consent.' })
export class Candidate extends TenantEntity<
  | 'email'
  | 'phone'
  | 'headline'
  | 'location'
  | 'languages'
  | 'linkedinUrl'
  | 'tags'
  | 'consentStatus'
  | 'consentGivenAt'
  | 'consentWithdrawnAt'
  | 'retainUntil'
  | 'searchText'
  | 'externalRefs'
  | 'erasedAt'
  | 'erasureReason'
  | 'version'
  | 'mergedIntoId'
  | 'mergedAt'
> {
  @Property({ length: 100 })
  @Field()
  firstName!: string;

  @Property({ length: 100 })
  @Field()
  lastName!: string;

  @Property({ length: 254, nullable: true })
  @Field(() => String, { nullable: true, description: 'Reading it is recorded in the audit log.' })
  email: string | null = null;

  @Property({ length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'Reading it is recorded in the audit log.' })
  phone: string | null = null;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Current role and company.' })
  headline: string | null = null;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null = null;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'ISO 639-1 codes, e.g. nb, sv, en.' })
  languages: string[] = [];

  @Property({ length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Reading it is recorded in the audit log.' })
  linkedinUrl: string | null = null;

  @Property({ type: 'text[]' })
  @Field(() => [String])
  tags: string[] = [];

  @Enum(() => ConsentStatus)
  @Field(() => ConsentStatus)
  consentStatus: ConsentStatus = ConsentStatus.PENDING;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  consentGivenAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  consentWithdrawnAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'The last day the firm may keep the data.' })
  retainUntil: Date | null = null;

  // Name, email and headline folded to lower case without accents (see search-text.ts),
  // so "Ostergard" finds "Østergård"; trigram-indexed in the migration.
  @Property({ type: 'text', hidden: true })
  searchText: string = '';

  // Set by eraseCandidate (GDPR art. 17): the personal data is gone and the row stays a placeholder,
  // so the numeric ratings of the candidacies still count for statistics.
  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description:
      'When the personal data was erased (GDPR), or the record merged into another (then mergedAt and mergedInto say so); null while it is kept.',
  })
  erasedAt: Date | null = null;

  // Why the admin erased (e.g. "request of 2026-11-02"); shown in the data export, not in the API.
  @Property({ length: 500, nullable: true })
  erasureReason: string | null = null;

  // Optimistic locking (mergeCandidates' expectedVersions). Raised here for the ORM's writes, and by
  // a trigger for every other write that changes the row (the bulk upsert's SQL): see the migration.
  @Property({ default: 1, onUpdate: (candidate: Candidate) => candidate.version + 1 })
  @Field(() => Int, { description: 'Raised by every change of the record (mergeCandidates locks optimistically on it).' })
  version: number = 1;

  // Set on a record merged into another (mergeCandidates): the survivor's id. The record stays as a
  // placeholder without personal data, marked erased, so that syncs see it go; node(id) is null.
  @Property({ type: 'uuid', nullable: true })
  mergedIntoId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When this record was merged into another (mergedInto); null for a live record.' })
  mergedAt: Date | null = null;

  @OneToMany(() => CandidateExternalRef, (ref) => ref.candidate)
  externalRefs = new Collection<CandidateExternalRef>(this);
}
