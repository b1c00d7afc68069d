import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection';
import { CandidacyStage } from '../candidacy';

@ArgsType()
export class RankingArgs extends ConnectionArgs {
  @Field(() => [CandidacyStage], {
    nullable: true,
    description: 'Only the candidacies in these stages (at least one); default: every stage but the exits (REJECTED, WITHDRAWN).',
  })
  stages?: CandidacyStage[] | null;

  @Field({
    defaultValue: false,
    description: "Rank on calibrated scores: each rating less its interviewer's firm-wide shrunk leniency, within 1–5 (PRODUCT.md §3b).",
  })
  calibrated!: boolean;
}
