import { Entity, Enum, Index, ManyToOne, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { Mandate } from '../mandate';
import { Candidate } from '../candidate';

export enum CandidacyStage {
  SOURCED = 'SOURCED',
  SCREENING = 'SCREENING',
  INTERVIEWING = 'INTERVIEWING',
  SHORTLISTED = 'SHORTLISTED',
  PRESENTED = 'PRESENTED',
  OFFER = 'OFFER',
  PLACED = 'PLACED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(CandidacyStage, { name: 'CandidacyStage' });

// Where a candidate put into a mandate came from: added directly, or picked from the mandate's
// talent pool (earlier-assessed candidates, issue 17).
export enum CandidacySource {
  DIRECT = 'DIRECT',
  TALENT_POOL = 'TALENT_POOL',
}
registerEnumType(CandidacySource, {
  name: 'CandidacySource',
  description: 'Where a candidate put into a mandate came from.',
  valuesConfig: {
    DIRECT: { description: 'Added directly (the default).' },
    TALENT_POOL: { description: "Picked from the mandate's talent pool (Mandate.talentPool)." },
  },
});

// A candidate in one mandate's pipeline.
@Entity()
@Unique({ properties: ['mandate', 'candidate'] })
// Mandate.candidacies pages (Migration20261202075000).
@Index({ properties: ['mandate', 'createdAt', 'id'] })
@ObjectType({ implements: Node, description: "A candidate in one mandate's pipeline." })
export class Candidacy extends TenantEntity<'stage'> {
  @ManyToOne(() => Mandate, { ref: true, index: true })
  mandate!: Ref<Mandate>;

  @ManyToOne(() => Candidate, { ref: true, deleteRule: 'cascade', index: true })
  candidate!: Ref<Candidate>;

  @Enum(() => CandidacyStage)
  @Field(() => CandidacyStage)
  stage: CandidacyStage = CandidacyStage.SOURCED;
}
