import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { toGlobalId } from '../../common/global-id';
import { LeadershipLevel, type Mandate, MandateStatus } from '../mandate';
import type { CandidateRow } from '../candidate';
import type { ShortlistEntry } from './shortlist-entry.entity';
import { FeedbackDecision, type ShortlistFeedback } from './shortlist-feedback.entity';

// What a client user sees. These types are separate from the firm's own (Mandate, Candidate,
// ShortlistEntry …) and copy only what the client may see, field by field: a field added to an
// internal type never reaches a client unless someone adds it here.

@ObjectType({ implements: Node, description: 'A mandate of your company: the role the firm searches for, and what it needs.' })
export class PresentedMandate {
  @Field()
  title!: string;

  @Field(() => LeadershipLevel)
  leadershipLevel!: LeadershipLevel;

  @Field(() => MandateStatus)
  status!: MandateStatus;

  // For the resolvers only, never a field.
  mandate!: Mandate;

  get nodeId(): string {
    return toGlobalId('PresentedMandate', this.mandate.id);
  }

  static of(mandate: Mandate): PresentedMandate {
    return Object.assign(new PresentedMandate(), {
      title: mandate.title,
      leadershipLevel: mandate.leadershipLevel,
      status: mandate.status,
      mandate,
    });
  }
}

@ObjectType({ description: 'What the role needs of one competency.' })
export class PresentedRequirement {
  @Field({ description: 'The competency key, e.g. OUTSIDE_IN.' })
  competencyKey!: string;

  @Field({ description: "The competency's name in the language asked for." })
  name!: string;

  @Field(() => Int, { description: '0–5; 0 = not considered.' })
  weight!: number;

  @Field(() => Int, { description: 'The level (1–5) the role needs.' })
  target!: number;

  @Field(() => Int, { nullable: true, description: 'A must-have: the least acceptable level (1–5).' })
  minimum!: number | null;
}

@ObjectType({ description: 'The candidates presented to you for a mandate, as last published.' })
export class PresentedShortlist {
  @Field({ description: 'When the firm last published the shortlist.' })
  publishedAt!: Date;

  // For the resolvers only.
  mandateId!: string;
}

@ObjectType({ description: 'A candidate presented to you: who they are, not how to reach them.' })
export class PresentedCandidate {
  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Current role and company.' })
  headline!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => [String], { description: 'ISO 639-1 codes, e.g. nb, sv, en.' })
  languages!: string[];

  static of(candidate: CandidateRow): PresentedCandidate {
    return Object.assign(new PresentedCandidate(), {
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      headline: candidate.headline,
      location: candidate.location,
      languages: candidate.languages,
    });
  }
}

@ObjectType({ description: 'How the candidate compares with one competency of the role, as published.' })
export class PresentedCompetency {
  @Field({ description: 'The competency key, e.g. OUTSIDE_IN.' })
  key!: string;

  @Field({ description: "The competency's name in the language asked for." })
  name!: string;

  @Field(() => Int)
  weight!: number;

  @Field(() => Int, { description: 'The level (1–5) the role needs.' })
  target!: number;

  @Field(() => Int, { nullable: true, description: 'A must-have: the least acceptable level.' })
  minimum!: number | null;

  @Field(() => Float, { nullable: true, description: "The interviewers' mean score (1–5); null when not assessed." })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − target: negative below what the role needs.' })
  gap!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the must-have is met; null without a minimum or when not assessed.' })
  meetsMinimum!: boolean | null;
}

@ObjectType({ description: 'Your answer to a presented candidate.' })
export class PresentedFeedback {
  @Field(() => FeedbackDecision)
  decision!: FeedbackDecision;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  givenAt!: Date;

  static of(feedback: ShortlistFeedback): PresentedFeedback {
    return Object.assign(new PresentedFeedback(), {
      decision: feedback.decision,
      comment: feedback.comment,
      givenAt: feedback.createdAt,
    });
  }
}

@ObjectType({
  implements: Node,
  description: 'A candidate on a shortlist published to you, as of its last publication. Its id stays the same across publications.',
})
export class PresentedShortlistEntry {
  // For the resolvers only, never fields.
  entryId!: string;
  shortlistId!: string;
  snapshotId!: string;
  candidacyId!: string;

  get nodeId(): string {
    return toGlobalId('PresentedShortlistEntry', this.entryId);
  }

  // Only for an entry the client sees: published and not withdrawn.
  static of(entry: ShortlistEntry): PresentedShortlistEntry {
    return Object.assign(new PresentedShortlistEntry(), {
      entryId: entry.id,
      shortlistId: entry.shortlist.id,
      snapshotId: entry.published!.id,
      candidacyId: entry.candidacy.id,
    });
  }
}
