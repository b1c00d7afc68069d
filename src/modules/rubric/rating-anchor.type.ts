import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What one score of the 1–5 scale looks like for a competency.' })
export class RatingAnchor {
  @Field(() => Int, { description: 'The score this anchor describes, 1 to 5.' })
  score!: number;

  @Field({ description: 'Observable behaviour that earns this score.' })
  description!: string;
}
