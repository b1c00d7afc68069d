import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { toGlobalId } from '../../common/global-id';
import { LeadershipLevel, type Mandate, MandateStatus } from '../mandate';
import type { CandidateRow } from '../candidate';
import { AgreementReading } from '../calibration';
import type { ShortlistEntry } from './shortlist-entry.entity';
import { FeedbackDecision, type ShortlistFeedback } from './shortlist-feedback.entity';
import type { PresentedFigures } from './presented-figures';

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

@ObjectType({
  description:
    "How far the firm's interviewers agree on this mandate's candidates (Krippendorff's alpha, interval metric): how much the scores can be trusted.",
})
export class PresentedAgreement {
  @Field(() => Float, {
    nullable: true,
    description: '1 full agreement, 0 no better than chance; null when there is nothing to measure yet.',
  })
  alpha!: number | null;

  @Field(() => AgreementReading)
  reading!: AgreementReading;
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

  @Field({ description: "The competency's short description in the language asked for." })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "What the score looks like: the rubric's anchored scale text of the score rounded to a whole level; null when not assessed.",
  })
  scaleText!: string | null;

  @Field(() => Int, { description: 'How many interviewers rated it (0: not assessed). The score is their mean.' })
  ratingsCount!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when interviewers are 2 or more points apart; null for a publication made before this was kept.',
  })
  disagreement!: boolean | null;

  static of(figures: PresentedFigures): PresentedCompetency {
    return Object.assign(new PresentedCompetency(), figures);
  }
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

@ObjectType({ description: "The firm's consultant who leads the search." })
export class PresentedConsultant {
  @Field()
  name!: string;
}

@ObjectType({ description: "A colleague's latest answer to a presented candidate: a contact person of your own company." })
export class PresentedColleagueFeedback {
  @Field({ description: "The colleague's name." })
  authorName!: string;

  @Field(() => FeedbackDecision)
  decision!: FeedbackDecision;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  givenAt!: Date;

  static of(feedback: ShortlistFeedback, authorName: string): PresentedColleagueFeedback {
    return Object.assign(new PresentedColleagueFeedback(), {
      authorName,
      decision: feedback.decision,
      comment: feedback.comment,
      givenAt: feedback.createdAt,
    });
  }
}

@ObjectType({ description: 'A presented candidate as a column of the comparison.' })
export class PresentedComparisonColumn {
  @Field(() => PresentedShortlistEntry)
  entry!: PresentedShortlistEntry;

  @Field(() => Float, { nullable: true, description: '0–100, unrounded; null when nothing was assessed.' })
  fit!: number | null;
}

@ObjectType({ description: 'One presented candidate on one competency.' })
export class PresentedComparisonCell {
  @Field(() => PresentedShortlistEntry)
  entry!: PresentedShortlistEntry;

  @Field(() => Float, { nullable: true, description: 'Mean score (1–5); null when not assessed.' })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − target.' })
  gap!: number | null;

  @Field(() => Int)
  ratingsCount!: number;

  @Field(() => Boolean, { nullable: true, description: 'Interviewers 2 or more points apart; null for older publications.' })
  disagreement!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  meetsMinimum!: boolean | null;
}

@ObjectType({ description: 'One weighted competency of the role across every presented candidate.' })
export class PresentedComparisonRow {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => Int)
  weight!: number;

  @Field(() => Int)
  target!: number;

  @Field(() => Int, { nullable: true })
  minimum!: number | null;

  @Field(() => [PresentedComparisonCell], { description: 'One per column, in column order.' })
  cells!: PresentedComparisonCell[];
}

@ObjectType({ description: 'The presented candidates side by side: every weighted competency × every candidate, in published order.' })
export class PresentedComparison {
  @Field(() => [PresentedComparisonColumn])
  columns!: PresentedComparisonColumn[];

  @Field(() => [PresentedComparisonRow], { description: 'The weighted competencies as published, in rubric order.' })
  rows!: PresentedComparisonRow[];
}
